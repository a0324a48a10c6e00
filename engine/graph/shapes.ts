/**
 * Shape inference and parameter counts for the canvas graph, best effort: it works on unfinished
 * graphs too, so the canvas can show live shapes while the user edits.
 *
 * A shape is the number of features per sample (the batch dimension is implied): Input carries the
 * data's feature count (unknown until data is chosen), Dense outputs its `units`, every other
 * node keeps its input's width. A Dense layer holds in·units weights plus units biases (if on).
 */
import type { Graph, GraphNode } from './document';
import { kindOf, type Width } from './kinds';

export type { Width } from './kinds';

export interface NodeInfo {
  /** Width entering the node (null for Input, or when unknown). */
  in: Width;
  /** Width leaving the node (null when unknown; Output passes its input through). */
  out: Width;
  /** Trainable values in this node (0 for nodes without weights; null when the input width is unknown). */
  params: number | null;
}

export interface ShapeInfo {
  /** Per node id. */
  nodes: Record<string, NodeInfo>;
  /** Per edge id: the width the connection carries (its source's output). */
  edges: Record<string, Width>;
  /** Sum of all nodes' parameter counts, null when any is unknown. */
  totalParams: number | null;
}

/** Parameter count of a node given its input width. */
export function parameterCount(node: GraphNode, inWidth: Width): number | null {
  return kindOf(node.kind).parameterCount(node.params, inWidth);
}

/** Renders a width the way the canvas and the summary show it, e.g. "[batch, 16]" or "[batch, ?]". */
export function formatShape(width: Width): string {
  return `[batch, ${width === null ? '?' : width}]`;
}

/**
 * Infers every node's input/output width and parameter count. A node with several incoming
 * connections (an error the validator reports) takes its width from the first one.
 */
export function inferShapes(graph: Graph, features?: number): ShapeInfo {
  const byId = new Map<string, GraphNode>();
  for (const n of graph.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const incoming = new Map<string, string>();
  for (const e of graph.edges) {
    if (byId.has(e.source) && byId.has(e.target) && !incoming.has(e.target))
      incoming.set(e.target, e.source);
  }
  const out = new Map<string, Width>();

  // Walk back from a node until a node that fixes the width (Input, Dense), a known width, a
  // missing predecessor or a cycle; every pass-through node on the way carries that width.
  // Iterative, so a chain of thousands of nodes cannot overflow the stack.
  const outOf = (start: string): Width => {
    const trail: string[] = [];
    const seen = new Set<string>();
    let id: string | undefined = start;
    let w: Width = null;
    while (id !== undefined) {
      const known = out.get(id);
      if (known !== undefined) {
        w = known;
        break;
      }
      const node = byId.get(id);
      if (node === undefined || seen.has(id)) break; // missing node or a cycle: unknown
      seen.add(id);
      trail.push(id);
      const fixes = kindOf(node.kind).width;
      if (fixes !== undefined) {
        w = fixes(node.params, features);
        break;
      }
      id = incoming.get(id);
    }
    for (const t of trail) out.set(t, w);
    return w;
  };
  const inOf = (id: string): Width => {
    const src = incoming.get(id);
    return src === undefined ? null : outOf(src);
  };

  const nodes: Record<string, NodeInfo> = {};
  let total: number | null = 0;
  for (const n of byId.values()) {
    const inW = kindOf(n.kind).ports.in ? inOf(n.id) : null;
    const params = parameterCount(n, inW);
    nodes[n.id] = { in: inW, out: outOf(n.id), params };
    total = total === null || params === null ? null : total + params;
  }
  const edges: Record<string, Width> = {};
  for (const e of graph.edges) edges[e.id] = byId.has(e.source) ? outOf(e.source) : null;
  return { nodes, edges, totalParams: total };
}
