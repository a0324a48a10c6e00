/**
 * Edits the selected node's parameters. Each field is checked against the document schema as
 * the user types; only valid values reach the store (so undo never restores a broken graph).
 */
import {
  ACTIVATIONS,
  INITIALIZERS,
  LAYER_LABELS,
  LOSSES,
  activationParamsSchema,
  denseParamsSchema,
  dropoutParamsSchema,
  type GraphNode,
} from '../../engine/graph/document';
import { useGraphStore, type GraphState } from '../store/graph';
import { nodeSummary } from '../canvas/LayerNode';
import { ActivationPlot } from './inspector/ActivationPlot';
import { NumberField, fromSchema } from './NumberField';
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
      </div>
      {node.kind === 'dense' && (
        <>
          <NumberField
            label="Units"
            value={node.params.units}
            step={1}
            parse={fromSchema(denseParamsSchema.shape.units)}
            onValid={(units) => setParams(node.id, { ...node.params, units })}
          />
          <label className="field check">
            <input
              type="checkbox"
              checked={node.params.useBias}
              onChange={(e) => setParams(node.id, { ...node.params, useBias: e.target.checked })}
            />
            Use bias
          </label>
          <label className="field">
            Initializer
            <select
              value={node.params.initializer}
              onChange={(e) =>
                setParams(node.id, {
                  ...node.params,
                  initializer: e.target.value as (typeof INITIALIZERS)[number],
                })
              }
            >
              {INITIALIZERS.map((i) => (
                <option key={i} value={i}>
                  {i.replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {node.kind === 'activation' && (
        <>
          <label className="field">
            Function
            <select
              value={node.params.fn}
              onChange={(e) =>
                setParams(node.id, {
                  ...node.params,
                  fn: e.target.value as (typeof ACTIVATIONS)[number],
                })
              }
            >
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {
                    {
                      none: 'none (linear)',
                      sigmoid: 'sigmoid',
                      tanh: 'tanh',
                      relu: 'ReLU',
                      leaky_relu: 'leaky ReLU',
                    }[a]
                  }
                </option>
              ))}
            </select>
          </label>
          <ActivationPlot fn={node.params.fn} alpha={node.params.alpha} />
          {node.params.fn === 'leaky_relu' && (
            <NumberField
              label="Slope α"
              value={node.params.alpha}
              step={0.01}
              parse={fromSchema(activationParamsSchema.shape.alpha, 'α must be between 0 and 1')}
              onValid={(alpha) => setParams(node.id, { ...node.params, alpha })}
            />
          )}
        </>
      )}
      {node.kind === 'dropout' && (
        <NumberField
          label="Rate"
          value={node.params.rate}
          step={0.05}
          parse={fromSchema(
            dropoutParamsSchema.shape.rate,
            'The rate must be at least 0 and below 1',
          )}
          onValid={(rate) => setParams(node.id, { rate })}
        />
      )}
      {node.kind === 'output' && (
        <label className="field">
          Loss
          <select
            value={node.params.loss}
            onChange={(e) =>
              setParams(node.id, { loss: e.target.value as (typeof LOSSES)[number] })
            }
          >
            {LOSSES.map((l) => (
              <option key={l} value={l}>
                {
                  {
                    auto: 'from the task',
                    cce: 'categorical cross-entropy',
                    bce: 'binary cross-entropy',
                    mse: 'mean squared error',
                  }[l]
                }
              </option>
            ))}
          </select>
        </label>
      )}
      {(node.kind === 'input' || node.kind === 'softmax') && (
        <p className="muted">This layer has no parameters to set.</p>
      )}
    </form>
  );
}
