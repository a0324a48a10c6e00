/** Where a node added by click (not dropped) goes: the first free spot near the view's centre. */
import type { Graph } from '../../engine/graph/document';

const W = 170;
const H = 70;

export function freeSpot(graph: Graph, centre: { x: number; y: number }): { x: number; y: number } {
  const taken = (x: number, y: number) =>
    graph.nodes.some((n) => Math.abs(n.position.x - x) < W && Math.abs(n.position.y - y) < H);
  // Walk a spiral of grid cells around the centre: right, down, left, up, growing.
  const start = { x: centre.x - W / 2, y: centre.y - H / 2 };
  for (let ring = 0; ring < 12; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = start.x + dx * (W + 30);
        const y = start.y + dy * (H + 30);
        if (!taken(x, y)) return { x, y };
      }
    }
  }
  return start;
}

/** One row of the top-to-bottom layout: a node's height and the gap (as autoLayout spaces). */
export const ROW = 100;

/**
 * Where a node inserted right after `afterId` goes, and the moves that make room for it: it
 * takes the row under `afterId`, and the node it now feeds, with everything downstream of that,
 * moves down as far as needed, so the new node covers nothing on its way.
 */
export function insertionLayout(
  graph: Graph,
  afterId: string,
  nextId: string | undefined,
): { position: { x: number; y: number }; moves: { id: string; x: number; y: number }[] } {
  const after = graph.nodes.find((n) => n.id === afterId)!;
  const position = { x: after.position.x, y: after.position.y + ROW };
  const next = nextId === undefined ? undefined : graph.nodes.find((n) => n.id === nextId);
  if (!next) return { position, moves: [] };
  const dy = position.y + ROW - next.position.y;
  if (dy <= 0) return { position, moves: [] };
  // Everything reachable from `next` keeps its shape: the whole tail moves together.
  const down = new Set([next.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of graph.edges)
      if (down.has(e.source) && !down.has(e.target) && e.target !== afterId) {
        down.add(e.target);
        grew = true;
      }
  }
  const moves = graph.nodes
    .filter((n) => down.has(n.id))
    .map((n) => ({ id: n.id, x: n.position.x, y: n.position.y + dy }));
  return { position, moves };
}
