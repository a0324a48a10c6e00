/**
 * Problems with the network as drawn (from engine/graph), then notes (advice that does not stop
 * training); a click selects the node at fault.
 */
import type { GraphProblem } from '../../engine/graph/problems';
import { useGraphAnalysis } from '../store/analysis';
import { useGraphStore } from '../store/graph';

function Items({ items, label }: { items: GraphProblem[]; label: string }) {
  const select = useGraphStore((s) => s.select);
  return (
    <ul className={label === 'Notes' ? 'problems notes' : 'problems'} aria-label={label}>
      {items.map((p, i) => (
        <li key={`${p.code}-${p.nodeId ?? ''}-${i}`}>
          <button type="button" onClick={() => p.nodeId && select([p.nodeId])} disabled={!p.nodeId}>
            {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ProblemsPanel() {
  const analysis = useGraphAnalysis();
  return (
    <>
      {analysis.ok ? (
        <p className="muted">No problems: the network runs from Input to Output.</p>
      ) : (
        <Items items={analysis.problems} label="Problems" />
      )}
      {analysis.notes.length > 0 && <Items items={analysis.notes} label="Notes" />}
    </>
  );
}
