/** Problems with the network as drawn; a click selects the node at fault. */
import { useMemo } from 'react';
import { graphProblems } from '../../engine/graph/wiring';
import { useGraphStore } from '../store/graph';

export function ProblemsPanel() {
  const graph = useGraphStore((s) => s.graph);
  const select = useGraphStore((s) => s.select);
  const problems = useMemo(() => graphProblems(graph), [graph]);
  if (!problems.length) return <p className="muted">No problems: the network runs from Input to Output.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i}>
          <button type="button" onClick={() => p.nodeId && select([p.nodeId])} disabled={!p.nodeId}>
            {p.nodeId && <code>{p.nodeId}</code>} {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
