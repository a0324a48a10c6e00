/**
 * Edits the selected node's parameters. The fields and the words come from the kind's entry in
 * the layer registry; each field is checked against the kind's schema as the user types, and
 * only valid values reach the store (so undo never restores a broken graph).
 */
import { LAYER_LABELS, type GraphNode } from '../../engine/graph/document';
import { KINDS } from '../../engine/graph/kinds';
import { useGraphStore, type GraphState } from '../store/graph';
import { nodeSummary } from '../canvas/LayerNode';
import { ActivationPlot } from './inspector/ActivationPlot';
import { ParamFields } from './inspector/ParamFields';
import { InspectorNeurons } from './boundary/InspectorNeurons';
import { useGraphAnalysis } from '../store/analysis';
import { paramsText, shapeText } from '../canvas/format';

let lastSelected: GraphNode | undefined;

/** The selected node, kept the same object while only its position changes (dragging). */
function selectedNode(s: GraphState): GraphNode | undefined {
  const n = s.selected.length === 1 ? s.graph.nodes.find((x) => x.id === s.selected[0]) : undefined;
  const same =
    n &&
    lastSelected &&
    n.id === lastSelected.id &&
    n.kind === lastSelected.kind &&
    n.params === lastSelected.params;
  if (!same) lastSelected = n;
  return lastSelected;
}

export function Inspector() {
  const node = useGraphStore(selectedNode);
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {node ? (
        <NodeForm key={node.id} node={node} />
      ) : (
        <p className="muted">Select one node to edit its parameters.</p>
      )}
    </aside>
  );
}

function NodeForm({ node }: { node: GraphNode }) {
  const setParams = useGraphStore((s) => s.setParams);
  const analysis = useGraphAnalysis();
  const info = analysis.nodes[node.id];
  const problems = analysis.problems.filter((p) => p.nodeId === node.id);
  const notes = analysis.notes.filter((p) => p.nodeId === node.id);
  const doc = KINDS[node.kind].doc;
  return (
    <form
      className="node-form"
      onSubmit={(e) => e.preventDefault()}
      aria-label={`${LAYER_LABELS[node.kind]} parameters`}
    >
      <div className="node-form-head">
        <strong>{LAYER_LABELS[node.kind]}</strong> <code>{node.id}</code>
        <div className="muted">{nodeSummary(node)}</div>
        <div className="muted">
          Output {shapeText(info?.out)}
          {node.kind === 'dense' ? ` · ${paramsText(info?.params)}` : ''}
        </div>
        {problems.map((p) => (
          <p key={p.code} className="field-error">
            {p.message}
          </p>
        ))}
        {notes.map((p) => (
          <p key={p.code} className="field-note">
            {p.message}
          </p>
        ))}
        <p className="muted kind-doc">
          {doc.what} {doc.when}
        </p>
      </div>
      <ParamFields node={node} onChange={(params) => setParams(node.id, params)} />
      {node.kind === 'activation' && (
        <ActivationPlot fn={node.params.fn} alpha={node.params.alpha} />
      )}
      {(node.kind === 'dense' || node.kind === 'activation') && (
        <InspectorNeurons nodeId={node.id} />
      )}
    </form>
  );
}
