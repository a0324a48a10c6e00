// The baseline of bench/canvas/drag.mjs: a bare React Flow page with the same 200 memoised
// nodes and edges, with React Flow's own state handling, so a run can compare Layerlab's
// canvas with React Flow itself on the same machine at the same moment.
import { memo, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ReactFlow,
  applyNodeChanges,
  Handle,
  Position,
  type Node,
  type Edge,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';

const n = Number(new URLSearchParams(location.search).get('nodes') ?? 200);
const initial: Node[] = Array.from({ length: n }, (_, i) => ({
  id: `n${i}`,
  type: 'box',
  position: { x: (i % 10) * 200, y: Math.floor(i / 10) * 110 },
  data: { label: i % 2 ? 'Activation' : 'Dense' },
}));
const edges: Edge[] = initial
  .filter((_, i) => i % 10)
  .map((nd, i) => ({ id: `e${i}`, source: `n${Number(nd.id.slice(1)) - 1}`, target: nd.id }));

const Box = memo(({ data }: NodeProps) => (
  <div
    style={{
      padding: '5px 10px',
      border: '1px solid #ccc',
      borderRadius: 8,
      background: '#fff',
      minWidth: 150,
    }}
  >
    <Handle type="target" position={Position.Top} />
    <div>{String(data.label)}</div>
    <div style={{ fontSize: 12 }}>16 units</div>
    <Handle type="source" position={Position.Bottom} />
  </div>
));
const nodeTypes = { box: Box };

function App() {
  const [nodes, setNodes] = useState(initial);
  const onNodesChange = useCallback(
    (c: NodeChange[]) => setNodes((ns) => applyNodeChanges(c, ns)),
    [],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      fitView
    />
  );
}

createRoot(document.getElementById('root')!).render(<App />);
