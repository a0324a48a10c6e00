/**
 * Rules for drawing one edge, checked while the user wires (before the edge exists), so the
 * canvas can refuse a connection with a short reason at the pointer.
 */
import { LAYER_LABELS, portsOf, type Graph } from './document';

/** Why `source → target` may not be drawn, or null when it may. */
export function connectionProblem(graph: Graph, source: string, target: string): string | null {
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (!from || !to) return 'Both ends must be nodes on the canvas.';
  if (source === target) return 'A node cannot feed itself.';
  if (!portsOf(from.kind).out)
    return `Nothing can come out of ${LAYER_LABELS[from.kind]}: it ends the network.`;
  if (!portsOf(to.kind).in)
    return `Nothing can go into ${LAYER_LABELS[to.kind]}: it starts the network.`;
  if (graph.edges.some((e) => e.source === source && e.target === target))
    return 'These nodes are already connected.';
  if (graph.edges.some((e) => e.target === target)) {
    return `${LAYER_LABELS[to.kind]} (${to.id}) already has an input; a layer takes one input.`;
  }
  if (reaches(graph, target, source))
    return 'That connection would make a loop; the network must flow one way.';
  return null;
}

/** True when `to` can be reached from `from` by following edges. */
export function reaches(graph: Graph, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}
