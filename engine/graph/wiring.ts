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
  if (!portsOf(from.kind).out) return `Nothing can come out of ${LAYER_LABELS[from.kind]}: it ends the network.`;
  if (!portsOf(to.kind).in) return `Nothing can go into ${LAYER_LABELS[to.kind]}: it starts the network.`;
  if (graph.edges.some((e) => e.source === source && e.target === target)) return 'These nodes are already connected.';
  if (graph.edges.some((e) => e.target === target)) {
    return `${LAYER_LABELS[to.kind]} (${to.id}) already has an input; a layer takes one input.`;
  }
  if (reaches(graph, target, source)) return 'That connection would make a loop; the network must flow one way.';
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

export interface WiringProblem {
  nodeId: string | null;
  message: string;
}

/**
 * Structural problems of the whole drawing, in plain words: a missing or repeated Input/Output,
 * nodes left unconnected. (Shapes and parameters are checked by the graph compiler.)
 */
export function graphProblems(graph: Graph): WiringProblem[] {
  const problems: WiringProblem[] = [];
  const inputs = graph.nodes.filter((n) => n.kind === 'input');
  const outputs = graph.nodes.filter((n) => n.kind === 'output');
  if (graph.nodes.length === 0) return [{ nodeId: null, message: 'The canvas is empty: add an Input, some layers and an Output.' }];
  if (inputs.length === 0) problems.push({ nodeId: null, message: 'Add an Input node: it brings the features of your data.' });
  if (outputs.length === 0) problems.push({ nodeId: null, message: 'Add an Output node: it holds the target and the loss.' });
  for (const extra of inputs.slice(1)) problems.push({ nodeId: extra.id, message: 'A network has one Input; remove this one.' });
  for (const extra of outputs.slice(1)) problems.push({ nodeId: extra.id, message: 'A network has one Output; remove this one.' });
  const hasIn = new Set(graph.edges.map((e) => e.target));
  const hasOut = new Set(graph.edges.map((e) => e.source));
  for (const n of graph.nodes) {
    const ports = portsOf(n.kind);
    if (ports.in && !hasIn.has(n.id)) problems.push({ nodeId: n.id, message: `${LAYER_LABELS[n.kind]} has no input: connect a layer into it.` });
    else if (ports.out && !hasOut.has(n.id)) problems.push({ nodeId: n.id, message: `${LAYER_LABELS[n.kind]} goes nowhere: connect it to the next layer.` });
  }
  return problems;
}
