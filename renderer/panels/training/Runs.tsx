/** Finished runs: settings, final numbers, and what differs from the run shown on the charts. */
import { graphDiff } from '../../../engine/graph/graph-diff';
import { usePlatform } from '../../src/platform';
import { useCompareUi } from '../compare/store';
import { exportRunCsv } from '../compare/actions';
import { useTrainingStore, type RunView } from '../../store/training';
import { settingsDiff } from './runStats';

/** How network `run` differs from network `to`: phrases, or null when either was not recorded. */
export function networkDiff(run: RunView, to: RunView): string[] | null {
  return run.graph && to.graph ? graphDiff(run.graph, to.graph) : null;
}

/**
 * What changed from `run` to `to`: the network first ("dense_1 units 32 → 4"), then the data and
 * the settings; "same network, same settings" only when all are equal.
 */
export function runDifferences(run: RunView, to: RunView): string {
  const net = networkDiff(run, to);
  const otherData = run.datasetHash && to.datasetHash && run.datasetHash !== to.datasetHash;
  const settings = settingsDiff(run.settings, to.settings);
  const parts = [
    ...(net === null ? ['network not recorded'] : net),
    ...(otherData ? ['other training data'] : []),
    ...settings,
  ];
  if (parts.length) return parts.join('; ');
  return 'same network, same settings';
}

export function Runs({
  compareIds,
  onCompare,
}: {
  compareIds: string[];
  onCompare(ids: string[]): void;
}) {
  const platform = usePlatform();
  const history = useTrainingStore((s) => s.history);
  const current = useTrainingStore((s) => s.current);
  const others = history.filter((r) => r.runId !== current?.runId);
  if (!current || others.length === 0) return null;
  return (
    <section className="runs" aria-label="Runs">
      <h3>Earlier runs</h3>
      <table>
        <thead>
          <tr>
            <th>Overlay</th>
            <th>Run</th>
            <th>Data</th>
            <th>Epochs</th>
            <th>Best val. loss</th>
            <th>Test</th>
            <th>Differs from this run</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {others.map((r) => {
            const best = r.epochs.reduce<number | null>(
              (m, e) => (e.val?.loss != null && (m === null || e.val.loss < m) ? e.val.loss : m),
              null,
            );
            const test = r.done?.evaluation?.metrics;
            return (
              <tr key={r.runId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Overlay ${r.runId}`}
                    checked={compareIds.includes(r.runId)}
                    onChange={(e) =>
                      onCompare(
                        e.target.checked
                          ? [...compareIds, r.runId]
                          : compareIds.filter((id) => id !== r.runId),
                      )
                    }
                  />
                </td>
                <td>{r.runId}</td>
                <td title={r.datasetHash ? `training data ${r.datasetHash}` : undefined}>
                  {r.dataset}
                  {r.datasetHash ? ` · ${r.datasetHash.slice(0, 8)}` : ''}
                </td>
                <td>{r.epochs.length}</td>
                <td>{best === null ? '–' : best.toFixed(4)}</td>
                <td>
                  {test?.acc !== undefined
                    ? `acc ${test.acc.toFixed(3)}`
                    : test?.mae !== undefined
                      ? `MAE ${test.mae.toFixed(3)}`
                      : '–'}
                </td>
                <td>{runDifferences(r, current)}</td>
                <td className="run-actions">
                  <button
                    type="button"
                    className="link"
                    aria-label={`Compare ${r.runId} with ${current.runId}`}
                    disabled={current.state !== 'done'}
                    onClick={() =>
                      useCompareUi.getState().open(`run:${r.runId}`, `run:${current.runId}`)
                    }
                  >
                    Compare…
                  </button>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Curves of ${r.runId} as CSV`}
                    onClick={() => void exportRunCsv(platform, r.runId, r.epochs)}
                  >
                    CSV…
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {compareIds.length > 0 && (
        <button type="button" className="link" onClick={() => onCompare([])}>
          Hide the overlay
        </button>
      )}
    </section>
  );
}
