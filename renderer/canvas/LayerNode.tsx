/** One layer on the canvas: thin and memoised; everything it shows comes from its data. */
import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { LAYER_LABELS, portsOf, type GraphNode } from '../../engine/graph/document';
import { kindOf } from '../../engine/graph/kinds';
import type { NodeInfo } from '../../engine/graph/shapes';
import { paramsText, shapeText } from './format';
import { LayerBadge } from '../panels/diagnostics/LayerBadge';

export type LayerNodeData = { node: GraphNode; problem: string | null; info: NodeInfo | undefined };
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/** The key parameters of a node in a few words ("16 units", "ReLU", "rate 0.5"). */
export function nodeSummary(node: GraphNode): string {
  return kindOf(node.kind).summary(node.params);
}

function LayerNodeView({ data, selected }: NodeProps<LayerFlowNode>) {
  const { node, problem, info } = data;
  const ports = portsOf(node.kind);
  const label = LAYER_LABELS[node.kind];
  return (
    <div
      className={`layer-node kind-${node.kind}${selected ? ' is-selected' : ''}${problem ? ' has-problem' : ''}`}
      role="group"
      aria-label={`${label} node ${node.id}`}
      data-node-id={node.id}
      title={problem ?? undefined}
    >
      {ports.in && <Handle type="target" position={Position.Top} aria-label={`${label} input`} />}
      {/* Two lines, so a whole network fits the view at a zoom where it can still be read. */}
      <div className="layer-node-head">
        <span className="layer-node-title">{label}</span>
        <span className="layer-node-summary">{nodeSummary(node)}</span>
      </div>
      <div className="layer-node-foot">
        <span className="layer-node-shape" aria-label="output shape">
          {shapeText(info?.out)}
        </span>
        {node.kind === 'dense' && (
          <span className="layer-node-params">{paramsText(info?.params)}</span>
        )}
      </div>
      {(node.kind === 'dense' || node.kind === 'activation') && <LayerBadge nodeId={node.id} />}
      {ports.out && (
        <Handle type="source" position={Position.Bottom} aria-label={`${label} output`} />
      )}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
