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
