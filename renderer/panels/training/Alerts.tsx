/** Alerts of the overfitting monitor: when, why (the numbers) and what to do, in one click. */
import { plural } from '../../src/plural';
import { useState } from 'react';
import type { RunView } from '../../store/training';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useUiStore } from '../../store/ui';
import { remedyAction } from './remedies';
import { describeEvidence } from './evidence';

/** Short names of the alert kinds (also shown in the toolbar). */
export const ALERT_TITLES: Record<string, string> = {
  overfitting: 'Overfitting',
  underfitting: 'Underfitting',
  divergence: 'Divergence',
  instability: 'Instability',
  dead_units: 'Dead ReLU units',
  saturation: 'Saturated units',
  vanishing_gradient: 'Vanishing gradient',
  exploding_gradient: 'Exploding gradient',
};

const SHOWN = 3;

export function Alerts({ run }: { run: RunView }) {
  const { api } = usePlatform();
  const [busy, setBusy] = useState(false);
  const [all, setAll] = useState(false);
  if (!run.alerts.length) return null;
  // A long run can see several episodes; the newest alerts matter most.
  const hidden = all ? 0 : Math.max(0, run.alerts.length - SHOWN);
  const shown = run.alerts.slice(hidden);
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      useUiStore.getState().notify(describeError(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {hidden > 0 && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show {plural(hidden, 'earlier alert')}
        </button>
      )}
      <ul className="alerts" aria-label="Alerts">
        {shown.map((a) => (
          <li key={`${a.kind}-${a.epoch}`} className={`alert kind-${a.kind}`} role="alert">
            <strong>
              {ALERT_TITLES[a.kind] ?? a.kind} at epoch {a.epoch}
            </strong>
            <p>{a.message}</p>
            <details>
              <summary>Evidence</summary>
              <dl>
                {Object.entries(a.evidence).map(([k, v]) => {
                  const { label, value } = describeEvidence(k, v);
                  return (
                    <div key={k} data-key={k}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  );
                })}
              </dl>
            </details>
            <div className="remedies" role="group" aria-label="Remedies">
              {a.remedies.map((r, i) => {
                const action = remedyAction(r, run, api, (epoch) =>
                  useUiStore.getState().notify(`Restored the weights of epoch ${epoch}.`),
                );
                if (!action) return null;
                return (
                  <button
                    key={i}
                    type="button"
                    disabled={busy || action.blocked !== null}
                    title={action.blocked ?? undefined}
                    onClick={() => void act(action.run)}
                  >
                    {action.label}
                  </button>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
