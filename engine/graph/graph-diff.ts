/**
 * What changed in the network between two runs (or a run and the canvas), as short phrases:
 * "dense_1 units 32 → 4", "added dropout_1 (rate 0.5) after dense_1", "removed activation_2",
 * "activation_1 relu → tanh", "loss auto → mse". Nodes are matched by id (the canvas names them
 * kind_N and keeps the name through edits) and walked along the chain from Input, so the phrases
 * follow the network's order. Positions are not part of the network and never differ.
 */
import type { Graph } from './document';
import { plural } from './plural';
import type { RunGraph, RunNode } from './run-graph';

type Network = Graph | RunGraph;

/** Nodes from Input along the edges, then any off the chain in document order. */
export function chainOrder(graph: Network): RunNode[] {
  const byId = new Map<string, RunNode>(graph.nodes.map((n) => [n.id, n as RunNode]));
  const next = new Map<string, string>();
  for (const e of graph.edges) if (!next.has(e.source)) next.set(e.source, e.target);
  const order: RunNode[] = [];
  const seen = new Set<string>();
  let at = graph.nodes.find((n) => n.kind === 'input')?.id;
  while (at !== undefined && !seen.has(at) && byId.has(at)) {
    seen.add(at);
    order.push(byId.get(at)!);
    at = next.get(at);
  }
  for (const n of graph.nodes) if (!seen.has(n.id)) order.push(n as RunNode);
  return order;
}

const lambda = (v: number | null) => (v === null ? "project's" : String(v));

/** What a node is, for "added dense_3 (16 units)". */
function summary(n: RunNode): string {
  switch (n.kind) {
    case 'dense':
      return ` (${plural(n.params.units, 'unit')})`;
    case 'activation':
      return ` (${n.params.fn})`;
    case 'dropout':
      return ` (rate ${n.params.rate})`;
    case 'output':
      return ` (loss ${n.params.loss})`;
    default:
      return '';
  }
}

function paramChanges(a: RunNode, b: RunNode): string[] {
  if (a.kind !== b.kind) return [`${b.id} ${a.kind} → ${b.kind}`];
  const out: string[] = [];
  const add = (label: string, x: string, y: string) => {
    if (x !== y) out.push(`${b.id} ${label}${label ? ' ' : ''}${x} → ${y}`);
  };
  if (a.kind === 'dense' && b.kind === 'dense') {
    add('units', String(a.params.units), String(b.params.units));
    add('bias', a.params.useBias ? 'on' : 'off', b.params.useBias ? 'on' : 'off');
    add('initializer', a.params.initializer, b.params.initializer);
    add('L1 λ', lambda(a.params.l1), lambda(b.params.l1));
    add('L2 λ', lambda(a.params.l2), lambda(b.params.l2));
  } else if (a.kind === 'activation' && b.kind === 'activation') {
    add('', a.params.fn, b.params.fn);
    add('α', String(a.params.alpha), String(b.params.alpha));
  } else if (a.kind === 'dropout' && b.kind === 'dropout') {
    add('rate', String(a.params.rate), String(b.params.rate));
  } else if (a.kind === 'output' && b.kind === 'output' && a.params.loss !== b.params.loss) {
    out.push(`loss ${a.params.loss} → ${b.params.loss}`);
  }
  return out;
}

/**
 * The changes from network `a` to network `b`, in `b`'s chain order (removals in `a`'s); empty
 * when they are the same network.
 */
export function graphDiff(a: Network, b: Network): string[] {
  const before = chainOrder(a);
  const after = chainOrder(b);
  const inA = new Map(before.map((n) => [n.id, n]));
  const inB = new Map(after.map((n) => [n.id, n]));
  const out: string[] = [];
  // Kept nodes outside the longest run of kept nodes in their old order have moved.
  const keptA = before.filter((n) => inB.has(n.id)).map((n) => n.id);
  const keptB = after.filter((n) => inA.has(n.id)).map((n) => n.id);
  const stayed = longestCommon(keptA, keptB);
  after.forEach((n, i) => {
    const old = inA.get(n.id);
    const prev = after[i - 1];
    if (!old) {
      const where = prev ? `after ${prev.id}` : 'at the start';
      out.push(`added ${n.id}${summary(n)} ${where}`);
      return;
    }
    if (!stayed.has(n.id)) out.push(`moved ${n.id} ${prev ? `after ${prev.id}` : 'to the start'}`);
    out.push(...paramChanges(old, n));
  });
  for (const n of before) if (!inB.has(n.id)) out.push(`removed ${n.id}`);
  if (out.length === 0 && !sameEdges(a, b)) out.push('connections changed');
  return out;
}

/**
 * The ids of a longest common subsequence of `a` and `b`. The usual case (same order) is linear;
 * past a few hundred reordered layers, ids in the same place stand in for it (bounded memory).
 */
function longestCommon(a: string[], b: string[]): Set<string> {
  if (a.length === b.length && a.every((id, i) => b[i] === id)) return new Set(a);
  if (a.length * b.length > 250_000) return new Set(a.filter((id, i) => b[i] === id));
  const len = a.map(() => new Array<number>(b.length + 1).fill(0));
  len.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      len[i]![j] =
        a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  const out = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.add(a[i]!);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

function sameEdges(a: Network, b: Network): boolean {
  const key = (g: Network) =>
    g.edges
      .map((e) => `${e.source}\u0000${e.target}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}

/** Whether two graphs are the same network (positions and edge ids aside). */
export function sameNetwork(a: Network, b: Network): boolean {
  return graphDiff(a, b).length === 0;
}
