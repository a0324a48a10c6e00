/**
 * The network being edited: the engine's Graph document plus the selection. Every edit is a
 * named action, and zundo records the document (not the selection) so undo/redo covers every
 * edit; a whole drag is recorded as one step (beginDrag / endDrag).
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import {
  defaultParams,
  emptyGraph,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type LayerKind,
} from '../../engine/graph/document';
import { connectionProblem } from '../../engine/graph/wiring';
import { useUiStore } from './ui';
import { insertionLayout } from '../canvas/placement';

export interface GraphState {
  graph: Graph;
  selected: string[];
  /** While set (e.g. during training), edits are refused with this reason; moving nodes still works. */
  lock: string | null;
  setLock(reason: string | null): void;
  /** Add a node of `kind` at a canvas position; returns its id. */
  addNode(kind: LayerKind, position: { x: number; y: number }): string;
  /** Connect two nodes; returns the reason when the connection is refused. */
  connect(source: string, target: string): string | null;
  moveNodes(moves: { id: string; x: number; y: number }[]): void;
  /** Parameters of one node (already validated by the inspector). */
  setParams(id: string, params: GraphNode['params']): void;
  /** Remove nodes (with their edges) and edges in one undoable step. */
  removeElements(nodeIds: string[], edgeIds: string[]): void;
  removeSelected(): void;
  select(ids: string[]): void;
  selectAll(): void;
  replaceGraph(graph: Graph): void;
  /**
   * Insert copies of nodes (and the edges among them) with fresh ids, shifted by `offset` or
   * further, until they cover no node already there; selects them.
   */
  paste(
    clip: { nodes: GraphNode[]; edges: GraphEdge[] },
    offset: { x: number; y: number },
  ): string[];
  /** Insert a new node right after `afterId`, taking over its outgoing connection. */
  insertAfter(
    afterId: string,
    kind: LayerKind,
    params?: Partial<GraphNode['params']>,
  ): string | null;
  /** Copies of the selected nodes beside the originals. */
  duplicateSelected(): string[];
  beginDrag(): void;
  endDrag(): void;
}

let dragStart: Graph | null = null;

// About a node's footprint on the canvas (nodes are about 150 × 56), with a small margin.
const NODE_W = 160;
const NODE_H = 66;

/**
 * The offset for copies of `nodes`: the asked one, stepped further along the same diagonal until
 * no copy covers a node already on the canvas, so pasted or duplicated nodes are seen as new.
 */
export function clearOffset(
  graph: Graph,
  nodes: readonly GraphNode[],
  asked: { x: number; y: number },
): { x: number; y: number } {
  const step = asked.x || asked.y ? asked : { x: 40, y: 40 };
  const covers = (o: { x: number; y: number }) =>
    nodes.some((c) =>
      graph.nodes.some(
        (n) =>
          Math.abs(n.position.x - (c.position.x + o.x)) < NODE_W &&
          Math.abs(n.position.y - (c.position.y + o.y)) < NODE_H,
      ),
    );
  let o = { ...asked };
  for (let i = 0; i < 50 && covers(o); i++) o = { x: o.x + step.x, y: o.y + step.y };
  return o;
}

/** True (and says why) when the graph is locked against edits. */
function refused(): boolean {
  const reason = useGraphStore.getState().lock;
  if (reason) useUiStore.getState().notify(reason, 'error');
  return reason !== null;
}

function nextId(graph: Graph, prefix: string): string {
  const used = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  let i = 1;
  while (used.has(`${prefix}_${i}`)) i++;
  return `${prefix}_${i}`;
}

export const useGraphStore = create<GraphState>()(
  temporal(
    (set, get) => ({
      graph: emptyGraph(),
      selected: [],
      lock: null,
      setLock: (lock) => set({ lock }),

      addNode(kind, position) {
        if (refused()) return '';
        const graph = get().graph;
        const id = nextId(graph, kind);
        const node = {
          id,
          kind,
          position: { x: Math.round(position.x), y: Math.round(position.y) },
          params: defaultParams(kind),
        } as GraphNode;
        set({ graph: { ...graph, nodes: [...graph.nodes, node] }, selected: [id] });
        return id;
      },

      connect(source, target) {
        if (refused()) return get().lock;
        const graph = get().graph;
        const problem = connectionProblem(graph, source, target);
        if (problem) return problem;
        const edge = { id: nextId(graph, 'edge'), source, target };
        set({ graph: { ...graph, edges: [...graph.edges, edge] } });
        return null;
      },

      moveNodes(moves) {
        const at = new Map(moves.map((m) => [m.id, m]));
        const graph = get().graph;
        set({
          graph: {
            ...graph,
            nodes: graph.nodes.map((n) => {
              const m = at.get(n.id);
              return m ? { ...n, position: { x: m.x, y: m.y } } : n;
            }),
          },
        });
      },

      setParams(id, params) {
        if (refused()) return;
        const graph = get().graph;
        set({
          graph: {
            ...graph,
            nodes: graph.nodes.map((n) => (n.id === id ? ({ ...n, params } as GraphNode) : n)),
          },
        });
      },

      removeElements(nodeIds, edgeIds) {
        if (refused()) return;
        if (!nodeIds.length && !edgeIds.length) return;
        const goneNodes = new Set(nodeIds);
        const goneEdges = new Set(edgeIds);
        const graph = get().graph;
        set({
          graph: {
            nodes: graph.nodes.filter((n) => !goneNodes.has(n.id)),
            edges: graph.edges.filter(
              (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
            ),
          },
          selected: get().selected.filter((s) => !goneNodes.has(s) && !goneEdges.has(s)),
        });
      },

      removeSelected() {
        const { selected, graph } = get();
        const sel = new Set(selected);
        get().removeElements(
          graph.nodes.filter((n) => sel.has(n.id)).map((n) => n.id),
          graph.edges.filter((e) => sel.has(e.id)).map((e) => e.id),
        );
      },

      select(ids) {
        set({ selected: ids });
      },

      selectAll() {
        const { graph } = get();
        set({ selected: [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)] });
      },

      replaceGraph(graph) {
        if (refused()) return;
        set({ graph, selected: [] });
      },

      paste(clip, asked) {
        if (refused()) return [];
        const graph = get().graph;
        const offset = clearOffset(graph, clip.nodes, asked);
        const ids = new Map<string, string>();
        const nodes: GraphNode[] = [];
        let working: Graph = graph;
        for (const n of clip.nodes) {
          const id = nextId(working, n.kind);
          ids.set(n.id, id);
          const copy = {
            ...n,
            id,
            position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
            params: { ...n.params },
          } as GraphNode;
          nodes.push(copy);
          working = { ...working, nodes: [...working.nodes, copy] };
        }
        const edges: GraphEdge[] = [];
        for (const e of clip.edges) {
          const source = ids.get(e.source);
          const target = ids.get(e.target);
          if (!source || !target) continue;
          const edge = { id: nextId(working, 'edge'), source, target };
          edges.push(edge);
          working = { ...working, edges: [...working.edges, edge] };
        }
        set({
          graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] },
          selected: nodes.map((n) => n.id),
        });
        return nodes.map((n) => n.id);
      },

      insertAfter(afterId, kind, params) {
        if (refused()) return null;
        const graph = get().graph;
        const after = graph.nodes.find((n) => n.id === afterId);
        if (!after) return null;
        const id = nextId(graph, kind);
        const out = graph.edges.find((e) => e.source === afterId);
        const next = out ? graph.nodes.find((n) => n.id === out.target) : undefined;
        const { position, moves } = insertionLayout(graph, afterId, next?.id);
        const moved = new Map(moves.map((m) => [m.id, m]));
        const node = {
          id,
          kind,
          position,
          params: { ...defaultParams(kind), ...(params ?? {}) },
        } as GraphNode;
        const shifted = graph.nodes.map((n) => {
          const m = moved.get(n.id);
          return m ? { ...n, position: { x: m.x, y: m.y } } : n;
        });
        const withNode: Graph = { ...graph, nodes: [...shifted, node] };
        const edges = graph.edges.filter((e) => e !== out);
        edges.push({ id: nextId(withNode, 'edge'), source: afterId, target: id });
        if (out)
          edges.push({
            id: nextId({ ...withNode, edges }, 'edge'),
            source: id,
            target: out.target,
          });
        set({ graph: { nodes: withNode.nodes, edges }, selected: [id] });
        return id;
      },

      duplicateSelected() {
        const { graph, selected } = get();
        const sel = new Set(selected);
        const nodes = graph.nodes.filter((n) => sel.has(n.id));
        if (!nodes.length) return [];
        const edges = graph.edges.filter((e) => sel.has(e.source) && sel.has(e.target));
        return get().paste({ nodes, edges }, { x: 40, y: 40 });
      },

      beginDrag() {
        dragStart = get().graph;
        useGraphStore.temporal.getState().pause();
      },

      endDrag() {
        const before = dragStart;
        dragStart = null;
        const after = get().graph;
        // Record the whole drag as one step: restore the pre-drag document silently, then
        // apply the final one with history on, so undo jumps back to where the drag began.
        if (before && before !== after) set({ graph: before });
        useGraphStore.temporal.getState().resume();
        if (before && before !== after) set({ graph: after });
      },
    }),
    {
      partialize: (s) => ({ graph: s.graph }),
      equality: (a, b) => a.graph === b.graph,
      limit: 200,
    },
  ),
);

/**
 * The history records the document only, so after undo/redo the selection may name nodes that
 * are gone; those are dropped, or the Inspector would count them and show nothing.
 */
function pruneSelection(): void {
  const { graph, selected } = useGraphStore.getState();
  const ids = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  const kept = selected.filter((id) => ids.has(id));
  if (kept.length !== selected.length) useGraphStore.setState({ selected: kept });
}

export const undo = () => {
  useGraphStore.temporal.getState().undo();
  pruneSelection();
};
export const redo = () => {
  useGraphStore.temporal.getState().redo();
  pruneSelection();
};
