/** The trained model on the test split: metrics and, for classification, the confusion matrix. */
import type { RunEvaluation } from '../../../electron/contract/training';
import { classScores } from './runStats';

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(3));

export function Evaluation({ evaluation }: { evaluation: RunEvaluation }) {
  const { metrics, confusion, classNames } = evaluation;
  const names = classNames ?? confusion?.map((_, i) => String(i)) ?? [];
  const max = confusion ? Math.max(1, ...confusion.flat()) : 1;
  return (
    <section className="evaluation" aria-label="Evaluation">
      <h3>
        {evaluation.split === 'test' ? 'Test' : 'Validation'} split · {evaluation.rows} rows
      </h3>
      <dl className="metrics">
        {metrics.acc !== undefined && (
          <>
            <dt>Test accuracy</dt>
            <dd>{metrics.acc.toFixed(3)}</dd>
          </>
        )}
        <dt>Loss</dt>
        <dd>{metrics.loss === null ? 'n/a' : metrics.loss.toFixed(4)}</dd>
        {metrics.mae !== undefined && (
          <>
            <dt>MAE</dt>
            <dd>{metrics.mae.toFixed(4)}</dd>
          </>
        )}
        {metrics.r2 !== undefined && (
          <>
            <dt>R²</dt>
            <dd>{metrics.r2 === null ? 'n/a' : metrics.r2.toFixed(3)}</dd>
          </>
        )}
      </dl>
      {confusion && (
        <div className="eval-tables">
          <table className="confusion" aria-label="Confusion matrix">
            <caption>Rows: actual class · columns: predicted class</caption>
            <thead>
              <tr>
                <th />
                {names.map((n) => (
                  <th key={n} scope="col">
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {confusion.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{names[i]}</th>
                  {row.map((v, j) => (
                    <td
                      key={j}
                      className={i === j ? 'diag' : v ? 'off' : ''}
                      style={{ ['--shade' as string]: String(v / max) }}
                    >
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="class-scores" aria-label="Per-class scores">
            <thead>
              <tr>
                <th>Class</th>
                <th>Precision</th>
                <th>Recall</th>
                <th>F1</th>
                <th>Rows</th>
              </tr>
            </thead>
            <tbody>
              {classScores(confusion).map((c, i) => (
                <tr key={i}>
                  <th scope="row">{names[i]}</th>
                  <td>{fmt(c.precision)}</td>
                  <td>{fmt(c.recall)}</td>
                  <td>{fmt(c.f1)}</td>
                  <td>{c.support}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
