/**
 * Auto-layout: arranges the network top-to-bottom (Input at the top, Output at the bottom) with
 * dagre, the layered-graph layout used by many node editors. Pure: graph in, positions out.
 */
import dagre from '@dagrejs/dagre';
import type { Graph } from '../../engine/graph/document';

export const NODE_SIZE = { width: 200, height: 66 };

export function autoLayout(
  graph: Graph,
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): { id: string; x: number; y: number }[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 34, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    const s = sizes.get(n.id) ?? NODE_SIZE;
    g.setNode(n.id, { width: s.width, height: s.height });
  }
  for (const e of graph.edges)
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return graph.nodes.map((n) => {
    const p = g.node(n.id);
    const s = sizes.get(n.id) ?? NODE_SIZE;
    // dagre gives centres; React Flow positions are top-left corners. Snap to the 10 px grid.
    return {
      id: n.id,
      x: Math.round((p.x - s.width / 2) / 10) * 10,
      y: Math.round((p.y - s.height / 2) / 10) * 10,
    };
  });
}
