/**
 * Weights after training, per Dense layer, beside the compared run's: L1 drives many weights to
 * exactly zero (a tall bar at 0, a high near-zero share), L2 shrinks all of them (a narrow bell).
 */
import type { RunView } from '../../store/training';
import { WeightHistogram } from '../../charts/WeightHistogram';
import { StaleMark } from './StaleMark';

const reg = (r: RunView) => `L1 ${r.settings.l1}, L2 ${r.settings.l2}`;

export function WeightsView({
  run,
  compared,
  networkChanged = false,
}: {
  run: RunView;
  compared: RunView | null;
  /** The canvas network is no longer the one `run` trained. */
  networkChanged?: boolean;
}) {
  const mine = run.done?.weightStats;
  if (!mine?.length) return null;
  const theirs = compared?.done?.weightStats ?? null;
  return (
    <section className="weights-view" aria-label="Weights">
      <h3>Weights after training</h3>
      {networkChanged && <StaleMark runId={run.runId} />}
      <div className="weights-grid">
        {mine.map((s, i) => (
          <div key={s.name} className="weights-row">
            <WeightHistogram
              stats={s}
              label={`${s.nodeId ?? s.name} — ${run.runId} (${reg(run)})`}
            />
            {theirs?.[i] && compared && (
              <WeightHistogram
                stats={theirs[i]!}
                label={`${theirs[i]!.nodeId ?? theirs[i]!.name} — ${compared.runId} (${reg(compared)})`}
              />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
