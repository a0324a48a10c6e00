/** Type a new row and see what the trained model predicts (class probabilities or a value). */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../electron/contract';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { StaleMark } from './StaleMark';

type Prediction = ResponseOf<'training:predict'>;

export function PredictForm({
  runId,
  networkChanged = false,
}: {
  runId: string;
  /** The canvas network is no longer the one this run trained. */
  networkChanged?: boolean;
}) {
  const { api } = usePlatform();
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The fields (and the prediction for a typical row) of the model just trained.
  useEffect(() => {
    let live = true;
    setValues({});
    api.invoke('training:predict', { values: {} }).then(
      (r) => live && setResult(r),
      (err) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [api, runId]);

  async function predict() {
    setError(null);
    try {
      setResult(await api.invoke('training:predict', { values }));
    } catch (err) {
      setError(describeError(err));
    }
  }

  if (!result) return error ? <p className="field-error">{error}</p> : null;
  return (
    <section className="predict" aria-label="Predict a row">
      <h3>Try a row</h3>
      {networkChanged && (
        <StaleMark
          runId={runId}
          what={`the prediction comes from the model ${runId} trained, not the network on the canvas`}
        />
      )}
      <form
        className="predict-fields"
        onSubmit={(e) => {
          e.preventDefault();
          void predict();
        }}
      >
        {result.fields.map((f) => (
          <label key={f.name} className="field compact">
            {f.name}
            {f.categories ? (
              <select
                value={values[f.name] ?? ''}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              >
                <option value="">typical ({f.typical})</option>
                {f.categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input
                value={values[f.name] ?? ''}
                placeholder={f.typical}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            )}
          </label>
        ))}
        <button type="submit">Predict</button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div role="status" aria-label="Prediction" className="prediction">
        {result.probabilities && result.classNames ? (
          <>
            <strong>Predicted class: {result.predicted}</strong>
            <ul className="probabilities">
              {result.probabilities.map((p, i) => (
                <li key={i}>
                  <span className="prob-label">{result.classNames![i]}</span>
                  <span className="prob-bar" style={{ width: `${Math.round(p * 100)}%` }} />
                  <span className="prob-value">{(p * 100).toFixed(1)} %</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <strong>Predicted value: {result.value?.toPrecision(5)}</strong>
        )}
        {result.notes.map((n) => (
          <p key={n} className="muted">
            {n}
          </p>
        ))}
      </div>
    </section>
  );
}
