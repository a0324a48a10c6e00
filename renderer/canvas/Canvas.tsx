/**
 * The React Flow canvas, controlled by the graph store. React Flow reports changes; the store's
 * named actions apply them, so every edit is undoable. Connections are checked by engine/graph
 * before they exist and refused with a message at the pointer.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type EdgeChange,
  type Connection,
} from '@xyflow/react';
import { LAYER_KINDS, type LayerKind } from '../../engine/graph/document';
import { connectionProblem } from '../../engine/graph/wiring';
import { useGraphStore } from '../store/graph';
import { useGraphAnalysis } from '../store/analysis';
import { useUiStore } from '../store/ui';
import { LayerNode, type LayerFlowNode } from './LayerNode';
import { shapeText } from './format';
import { ProblemsBanner } from './ProblemsBanner';
import { useFitRequest } from './fitRequest';
import { legibleViewport } from './viewport';
import { WeightEdge, WeightEdgesLegend } from './WeightEdge';
import { edgeWeights, useWeightEdges } from './weightEdges';

export const PALETTE_MIME = 'application/x-layerlab-kind';
const nodeTypes = { layer: LayerNode };
const edgeTypes = { weights: WeightEdge };
// Props given to React Flow must keep their identity between renders: a new array or function
// makes React Flow update its store, and every node and edge re-checks its selectors — on each
// frame of a drag.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [10, 10];
const PRO_OPTIONS = { hideAttribution: true };
const showProblems = () => useUiStore.getState().showTab('problems');

export function Canvas() {
  const graph = useGraphStore((s) => s.graph);
  const selected = useGraphStore((s) => s.selected);
  const theme = useUiStore((s) => s.theme);
  const analysis = useGraphAnalysis();
  const { screenToFlowPosition, getNodesBounds, setViewport } = useReactFlow();
  const pane = useRef<HTMLDivElement>(null);
  // React Flow measures nodes; the measurements are view state, kept beside the document.
  const [measured, setMeasured] = useState(
    () => new Map<string, { width: number; height: number }>(),
  );
  const nodeCache = useRef(new Map<string, LayerFlowNode>());
  // While a drag runs, positions live here (one component re-renders per frame, not every
  // subscriber of the document); the drag lands in the document once, as one undo step.
  const [dragPos, setDragPos] = useState<Map<string, { x: number; y: number }> | null>(null);
  const dragRef = useRef<Map<string, { x: number; y: number }> | null>(null);

  // Reuse the previous React Flow node object when nothing it shows changed, so memoised
  // LayerNodes do not re-render: while one node is dragged, only that node updates.
  const nodes = useMemo<LayerFlowNode[]>(() => {
    const sel = new Set(selected);
    const problemOf = new Map<string, string>();
    for (const p of analysis.problems)
      if (p.nodeId && !problemOf.has(p.nodeId)) problemOf.set(p.nodeId, p.message);
    const previous = nodeCache.current;
    const next = new Map<string, LayerFlowNode>();
    const list = graph.nodes.map((n) => {
      const info = analysis.nodes[n.id];
      const problem = problemOf.get(n.id) ?? null;
      const m = measured.get(n.id);
      const position = dragPos?.get(n.id) ?? n.position;
      const old = previous.get(n.id);
      const reuse =
        old &&
        old.data.node === n &&
        old.position === position &&
        old.data.problem === problem &&
        old.data.info?.in === info?.in &&
        old.data.info?.out === info?.out &&
        old.data.info?.params === info?.params &&
        old.selected === sel.has(n.id) &&
        old.measured === m;
      const flowNode: LayerFlowNode = reuse
        ? old
        : {
            id: n.id,
            type: 'layer' as const,
            position,
            data: { node: n, problem, info },
            selected: sel.has(n.id),
            ...(m ? { measured: m } : {}),
          };
      next.set(n.id, flowNode);
      return flowNode;
    });
    nodeCache.current = next;
    return list;
  }, [graph.nodes, selected, measured, analysis, dragPos]);

  const weightsOn = useWeightEdges((s) => s.on);
  const weightLayers = useWeightEdges((s) => s.layers);
  const weighted = useMemo(
    () => (weightsOn ? edgeWeights(graph, analysis.edges, weightLayers) : new Map()),
    [weightsOn, graph, analysis, weightLayers],
  );
  const edges = useMemo<Edge[]>(() => {
    const sel = new Set(selected);
    return graph.edges.map((e) => {
      const shape = shapeText(analysis.edges[e.id]);
      const weights = weighted.get(e.id);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        selected: sel.has(e.id),
        ariaLabel: `${e.source} to ${e.target}, ${shape}`,
        // A trained Dense layer's edge draws its kernel (WeightEdge.tsx) instead of the label.
        ...(weights ? { type: 'weights', data: { weights, shape } } : { label: shape }),
      };
    });
  }, [graph.edges, selected, analysis, weighted]);

  // A fit asked for (a project opened, a template) happens once React Flow has measured every
  // node: before that it does not know their sizes and would fit to nothing.
  const fitSeq = useFitRequest((s) => s.seq);
  const fitted = useRef(0);
  useEffect(() => {
    if (fitted.current === fitSeq || graph.nodes.length === 0 || !pane.current) return;
    if (!graph.nodes.every((n) => measured.has(n.id))) return;
    fitted.current = fitSeq;
    const size = { width: pane.current.clientWidth, height: pane.current.clientHeight };
    const ids = graph.nodes.map((n) => n.id);
    requestAnimationFrame(() => void setViewport(legibleViewport(getNodesBounds(ids), size)));
  }, [fitSeq, graph.nodes, measured, getNodesBounds, setViewport]);

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    const store = useGraphStore.getState();
    const moves: { id: string; x: number; y: number }[] = [];
    let sel: Set<string> | null = null;
    const sizes: [string, { width: number; height: number }][] = [];
    for (const c of changes) {
      if (c.type === 'position' && c.position)
        moves.push({ id: c.id, x: c.position.x, y: c.position.y });
      else if (c.type === 'dimensions' && c.dimensions) sizes.push([c.id, c.dimensions]);
      else if (c.type === 'select') {
        sel ??= new Set(store.selected);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
    }
    if (moves.length && dragRef.current) {
      const next = new Map(dragRef.current);
      for (const m of moves) next.set(m.id, { x: m.x, y: m.y });
      dragRef.current = next;
      setDragPos(next);
    } else if (moves.length) store.moveNodes(moves);
    if (sel) store.select([...sel]);
    if (sizes.length) setMeasured((prev) => new Map([...prev, ...sizes]));
  }, []);

  const beginDrag = useCallback(() => {
    useGraphStore.getState().beginDrag();
    dragRef.current = new Map();
    setDragPos(dragRef.current);
  }, []);

  const endDrag = useCallback(() => {
    const moved = dragRef.current;
    dragRef.current = null;
    const store = useGraphStore.getState();
    if (moved?.size) store.moveNodes([...moved].map(([id, p]) => ({ id, x: p.x, y: p.y })));
    store.endDrag();
    setDragPos(null);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const store = useGraphStore.getState();
    let sel: Set<string> | null = null;
    for (const c of changes) {
      if (c.type === 'select') {
        sel ??= new Set(store.selected);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
    }
    if (sel) store.select([...sel]);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const problem = useGraphStore.getState().connect(c.source, c.target);
    if (problem) useUiStore.getState().notify(problem, 'error');
  }, []);

  const isValidConnection = useCallback(
    (c: Connection | Edge) =>
      connectionProblem(useGraphStore.getState().graph, c.source, c.target) === null,
    [],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      // fromHandle is where the drag began: dragging from an input handle means reversed ends.
      const fromSource = state.fromHandle?.type !== 'target';
      const [source, target] = fromSource
        ? [state.fromNode.id, state.toNode.id]
        : [state.toNode.id, state.fromNode.id];
      const problem = connectionProblem(useGraphStore.getState().graph, source, target);
      if (!problem) return;
      const p = 'changedTouches' in event ? event.changedTouches[0] : event;
      useUiStore
        .getState()
        .notify(problem, 'error', p ? { x: p.clientX, y: p.clientY } : undefined);
    },
    [],
  );

  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: LayerFlowNode[]; edges: Edge[] }) => {
      useGraphStore.getState().removeElements(
        ns.map((n) => n.id),
        es.map((e) => e.id),
      );
    },
    [],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as LayerKind;
      if (!(LAYER_KINDS as readonly string[]).includes(kind)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // Centre the node on the pointer (nodes are about 150 × 56).
      useGraphStore.getState().addNode(kind, { x: p.x - 75, y: p.y - 28 });
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label="Network canvas"
      role="region"
    >
      <ProblemsBanner onShowAll={showProblems} />
      <div className="canvas-flow" ref={pane}>
        <ReactFlow<LayerFlowNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onDelete={onDelete}
          onNodeDragStart={beginDrag}
          onNodeDragStop={endDrag}
          onSelectionDragStart={beginDrag}
          onSelectionDragStop={endDrag}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          colorMode={theme}
          snapToGrid
          snapGrid={SNAP_GRID}
          proOptions={PRO_OPTIONS}
        >
          <Background gap={20} />
          <Controls aria-label="Zoom controls" />
          <MiniMap pannable zoomable ariaLabel="Minimap" />
          <WeightEdgesLegend drawn={weighted.size} />
        </ReactFlow>
        {graph.nodes.length === 0 && (
          <div className="canvas-empty" aria-hidden="true">
            Drag layers from the palette onto the canvas, then connect each output (bottom) to the
            next layer's input (top).
          </div>
        )}
      </div>
    </div>
  );
}
