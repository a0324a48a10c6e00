/** Finished runs: settings, final numbers, and what differs from the run shown on the charts. */
import { useTrainingStore } from '../../store/training';
import { settingsDiff } from './runStats';

export function Runs({
  compareIds,
  onCompare,
}: {
  compareIds: string[];
  onCompare(ids: string[]): void;
}) {
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
          </tr>
        </thead>
        <tbody>
          {others.map((r) => {
            const best = r.epochs.reduce<number | null>(
              (m, e) => (e.val?.loss != null && (m === null || e.val.loss < m) ? e.val.loss : m),
              null,
            );
            const test = r.done?.evaluation?.metrics;
            const otherData =
              r.datasetHash && current.datasetHash && r.datasetHash !== current.datasetHash;
            const diff = [
              ...(otherData ? ['other training data'] : []),
              ...settingsDiff(r.settings, current.settings),
            ];
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
                <td>{diff.length ? diff.join('; ') : 'same settings'}</td>
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
