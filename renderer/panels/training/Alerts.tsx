/** Alerts of the overfitting monitor: when, why (the numbers) and what to do. */
import type { RunView } from '../../store/training';

const TITLES: Record<string, string> = {
  overfitting: 'Overfitting',
  underfitting: 'Underfitting',
  divergence: 'Divergence',
  dead_units: 'Dead ReLU units',
  saturation: 'Saturated units',
};

export function Alerts({ run }: { run: RunView }) {
  if (!run.alerts.length) return null;
  return (
    <ul className="alerts" aria-label="Alerts">
      {run.alerts.map((a) => (
        <li key={`${a.kind}-${a.epoch}`} className={`alert kind-${a.kind}`} role="alert">
          <strong>
            {TITLES[a.kind] ?? a.kind} at epoch {a.epoch}
          </strong>
          <p>{a.message}</p>
          <details>
            <summary>Evidence</summary>
            <dl>
              {Object.entries(a.evidence).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>
                    {typeof v === 'number'
                      ? Number.isInteger(v)
                        ? v
                        : v.toFixed(4)
                      : JSON.stringify(v)}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </li>
      ))}
    </ul>
  );
}
