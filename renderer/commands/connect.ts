/**
 * Wiring from the keyboard: which node a connection starts from, and which nodes may take it
 * (engine/graph/wiring decides, exactly as for a mouse drag).
 */
import { LAYER_LABELS, portsOf, type Graph } from '../../engine/graph/document';
import { connectionProblem } from '../../engine/graph/wiring';

/** Nodes `source` may feed, nearest first (ties: the one higher up, then further left). */
export function connectTargets(graph: Graph, source: string): string[] {
  const from = graph.nodes.find((n) => n.id === source);
  if (!from) return [];
  const dist = (p: { x: number; y: number }) =>
    Math.hypot(p.x - from.position.x, p.y - from.position.y);
  return graph.nodes
    .filter((n) => connectionProblem(graph, source, n.id) === null)
    .sort(
      (a, b) =>
        dist(a.position) - dist(b.position) ||
        a.position.y - b.position.y ||
        a.position.x - b.position.x,
    )
    .map((n) => n.id);
}

/** Why a connection cannot start from the selection, or null (with the source) when it can. */
export function connectStart(
  graph: Graph,
  selected: readonly string[],
): { source: string; targets: string[] } | { problem: string } {
  const ids = new Set(selected);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length !== 1) return { problem: 'Select one node to connect from.' };
  const from = nodes[0]!;
  if (!portsOf(from.kind).out)
    return {
      problem: `Nothing can come out of ${LAYER_LABELS[from.kind]}: it ends the network.`,
    };
  const targets = connectTargets(graph, from.id);
  if (!targets.length)
    return { problem: `No node can take the output of ${from.id}: add a layer first.` };
  return { source: from.id, targets };
}
