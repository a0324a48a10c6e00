/**
 * The Diagnostics tab: per Dense layer and epoch, the dead-ReLU and saturated share, the gradient
 * norm and the weight norm of the current run, the latest values as a table, the gradient alerts,
 * and a loss-landscape slice of the trained model.
 */
import { useMemo, useState } from 'react';
import { plural } from '../../src/plural';
import { useThrottled } from '../../charts/useThrottled';
import { useTrainingStore } from '../../store/training';
import { LandscapeView } from './LandscapeView';
import { MiniChart } from './MiniChart';
import { LayerSeries, layerName } from './layerSeries';
import './diagnostics.css';

import type { RunEpoch } from '../../../electron/contract/training';

const NO_EPOCHS: RunEpoch[] = [];
/**
 * Gradient alerts shown before "Show earlier": a long run raises the same alert again and again
 * (~2,000 at 20,000 epochs), and a paragraph each made the tab take most of a second to open.
 */
const SHOWN_ALERTS = 3;
/** One for the app (one Diagnostics tab): reopening the tab reads only the epochs since. */
const SERIES = new LayerSeries();

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(0)} %`);
const num = (v: number | null) => (v === null ? '–' : Number(v.toPrecision(3)).toString());

export function DiagnosticsPanel() {
  const run = useTrainingStore((s) => s.current);
  const epochs = useThrottled(run?.epochs ?? NO_EPOCHS, 200);
  const series = useMemo(() => SERIES.update(epochs), [epochs]);
  const latest = epochs.at(-1)?.layers ?? [];
  // The run whose earlier alerts were asked for: a new run starts folded again.
  const [allAlertsOf, setAllAlertsOf] = useState<string | null>(null);
  const gradientAlerts = (run?.alerts ?? []).filter(
    (a) => a.kind === 'vanishing_gradient' || a.kind === 'exploding_gradient',
  );
  const hiddenAlerts =
    run && allAlertsOf === run.runId ? 0 : Math.max(0, gradientAlerts.length - SHOWN_ALERTS);
  if (!run)
    return (
      <p className="muted">
        Train the network: each epoch, the dead and saturated units, gradient and weight norms of
        every Dense layer appear here.
      </p>
    );
  return (
    <section className="diagnostics-panel" aria-label="Diagnostics">
      {latest.length === 0 ? (
        <p className="muted">No per-layer diagnostics yet (they arrive after each epoch).</p>
      ) : (
        <>
          <div className="mini-charts">
            {series.dead.length > 0 && (
              <MiniChart title="Dead ReLU share" series={series.dead} unit />
            )}
            {series.saturated.length > 0 && (
              <MiniChart title="Saturated share" series={series.saturated} unit />
            )}
            <MiniChart title="Gradient norm" series={series.grad} log />
            <MiniChart title="Weight norm" series={series.weight} />
          </div>
          <table className="diagnostics-table" aria-label="Layers in the latest epoch">
            <thead>
              <tr>
                <th>Layer</th>
                <th>Activation</th>
                <th>Dead</th>
                <th>Saturated</th>
                <th>‖∇‖</th>
                <th>RMS ∇</th>
                <th>‖W‖</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((l) => (
                <tr key={l.layer} data-node-id={l.nodeId ?? undefined}>
                  <td>{layerName(l)}</td>
                  <td>{l.fn}</td>
                  <td className="dead-share">{pct(l.deadShare)}</td>
                  <td>{pct(l.saturatedShare)}</td>
                  <td>{num(l.gradNorm)}</td>
                  <td>{num(l.gradRms)}</td>
                  <td>{num(l.weightNorm)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {hiddenAlerts > 0 && (
        <button type="button" className="link" onClick={() => setAllAlertsOf(run.runId)}>
          Show {plural(hiddenAlerts, 'earlier gradient alert')}
        </button>
      )}
      {gradientAlerts.slice(hiddenAlerts).map((a) => (
        <p key={`${a.kind}-${a.epoch}`} className="warning" role="note">
          {a.message}
        </p>
      ))}
      {run.state === 'done' && <LandscapeView runId={run.runId} />}
    </section>
  );
}
