/** The trained model on the test split: metrics and, for classification, the confusion matrix. */
import { plural } from '../../src/plural';
import type { RunEvaluation } from '../../../electron/contract/training';
import { useState } from 'react';
import { classScores } from './runStats';
import { Scatter } from '../../charts/Scatter';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useUiStore } from '../../store/ui';
import { StaleMark } from './StaleMark';
import { CellRows } from './CellRows';

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(3));

interface Listed {
  title: string;
  file: string;
  header: string[];
  rows: { line: number; values: string[] }[];
}

export function Evaluation({
  evaluation,
  runId,
  restoredEpoch,
  networkChanged = false,
}: {
  evaluation: RunEvaluation;
  runId: string;
  restoredEpoch: number | null;
  /** The canvas network is no longer the one this run trained. */
  networkChanged?: boolean;
}) {
  const { api } = usePlatform();
  const [listed, setListed] = useState<Listed | null>(null);
  const { metrics, confusion, classNames } = evaluation;
  async function list(actual: number, predicted: number) {
    const positions = evaluation.cellRows?.[actual]?.[predicted] ?? [];
    try {
      const r = await api.invoke('training:rows', { runId, positions });
      setListed({ title: `Actual ${names[actual]}, predicted ${names[predicted]}`, ...r });
    } catch (err) {
      useUiStore.getState().notify(describeError(err), 'error');
    }
  }
  const names = classNames ?? confusion?.map((_, i) => String(i)) ?? [];
  const max = confusion ? Math.max(1, ...confusion.flat()) : 1;
  return (
    <section className="evaluation" aria-label="Evaluation">
      <h3>
        {evaluation.split === 'test' ? 'Test' : 'Validation'} split ·{' '}
        {plural(evaluation.rows, 'row')}
        {restoredEpoch ? ` · weights of epoch ${restoredEpoch} (the best)` : ''}
      </h3>
      {networkChanged && (
        <StaleMark runId={runId} what="train again to evaluate the edited network" />
      )}
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
                      {v ? (
                        <button
                          type="button"
                          className="cell"
                          aria-label={`${plural(v, 'row')} of class ${names[i]} predicted as ${names[j]}`}
                          onClick={() => void list(i, j)}
                        >
                          {v}
                        </button>
                      ) : (
                        v
                      )}
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
      {evaluation.pairs && evaluation.pairs.length > 0 && (
        <div className="eval-tables">
          <Scatter
            points={evaluation.pairs}
            xLabel="actual"
            yLabel="predicted"
            title="Predicted vs actual"
            reference="diagonal"
          />
          <Scatter
            points={evaluation.pairs.map(([a, p]) => [p, a - p] as const)}
            xLabel="predicted"
            yLabel="residual (actual − predicted)"
            title="Residuals"
            reference="zero"
          />
        </div>
      )}
      {listed && (
        <div className="listed-rows">
          <h4>
            {listed.title}: {plural(listed.rows.length, 'row')} of {listed.file}{' '}
            <button type="button" className="link" onClick={() => setListed(null)}>
              close
            </button>
          </h4>
          <CellRows listed={listed} />
        </div>
      )}
    </section>
  );
}
