/** One layer on the canvas: thin and memoised; everything it shows comes from its data. */
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { LAYER_LABELS, portsOf, type GraphNode } from '../../engine/graph/document';

export type LayerNodeData = { node: GraphNode; problem: boolean };
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/** The key parameters of a node in a few words ("16 units", "ReLU", "rate 0.5"). */
export function nodeSummary(node: GraphNode): string {
  switch (node.kind) {
    case 'dense':
      return `${node.params.units} units${node.params.useBias ? '' : ', no bias'}`;
    case 'activation':
      return {
        none: 'none (linear)',
        sigmoid: 'sigmoid',
        tanh: 'tanh',
        relu: 'ReLU',
        leaky_relu: `leaky ReLU α=${node.params.alpha}`,
      }[node.params.fn];
    case 'dropout':
      return `rate ${node.params.rate}`;
    case 'output':
      return node.params.loss === 'auto' ? 'loss: from the task' : `loss: ${node.params.loss}`;
    case 'input':
      return 'features from the data';
    case 'softmax':
      return 'probabilities';
  }
}

function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { node, problem } = data;
  const ports = portsOf(node.kind);
  const label = LAYER_LABELS[node.kind];
  return (
    <div
      className={`layer-node kind-${node.kind}${selected ? ' is-selected' : ''}${problem ? ' has-problem' : ''}`}
      role="group"
      aria-label={`${label} node ${node.id}`}
      data-node-id={node.id}
    >
      {ports.in && <Handle type="target" position={Position.Left} aria-label={`${label} input`} />}
      <div className="layer-node-title">{label}</div>
      <div className="layer-node-summary">{nodeSummary(node)}</div>
      {ports.out && (
        <Handle type="source" position={Position.Right} aria-label={`${label} output`} />
      )}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
