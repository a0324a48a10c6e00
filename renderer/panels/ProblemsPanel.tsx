/** Problems with the network as drawn (from engine/graph); a click selects the node at fault. */
import { useGraphAnalysis } from '../store/analysis';
import { useGraphStore } from '../store/graph';

export function ProblemsPanel() {
  const analysis = useGraphAnalysis();
  const select = useGraphStore((s) => s.select);
  if (analysis.ok)
    return <p className="muted">No problems: the network runs from Input to Output.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {analysis.problems.map((p, i) => (
        <li key={`${p.code}-${p.nodeId ?? ''}-${i}`}>
          <button type="button" onClick={() => p.nodeId && select([p.nodeId])} disabled={!p.nodeId}>
            {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
