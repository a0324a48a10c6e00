/**
 * A strip above the canvas (never over it, so it hides no node) with the graph's first problem;
 * a click selects the guilty node.
 */
import { plural } from '../src/plural';
import { useReactFlow } from '@xyflow/react';
import { useGraphAnalysis } from '../store/analysis';
import { useGraphStore } from '../store/graph';

export function ProblemsBanner({ onShowAll }: { onShowAll(): void }) {
  const analysis = useGraphAnalysis();
  const { fitView } = useReactFlow();
  const nodeCount = useGraphStore((s) => s.graph.nodes.length);
  if (analysis.ok || nodeCount === 0) return null;
  const shown = analysis.problems.slice(0, 1);
  const more = analysis.problems.length - shown.length;
  const focus = (id: string) => {
    useGraphStore.getState().select([id]);
    void fitView({ nodes: [{ id }], maxZoom: 1, duration: 200 });
  };
  return (
    <div className="problems-banner" role="region" aria-label="Network problems">
      <strong>{plural(analysis.problems.length, 'problem')}</strong>
      <ul>
        {shown.map((p, i) => (
          <li key={`${p.code}-${p.nodeId ?? ''}-${i}`}>
            {p.nodeId ? (
              <button type="button" className="link" onClick={() => focus(p.nodeId!)}>
                {p.message}
              </button>
            ) : (
              <span>{p.message}</span>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" className="link" onClick={onShowAll}>
          {more} more…
        </button>
      )}
    </div>
  );
}
