/**
 * The command line's compact layer chain, e.g. "dense:16,relu,dropout:0.2,dense:3,softmax":
 * comma-separated nodes between Input and Output, each a kind's token from the registry
 * (`dense:UNITS`, `none|sigmoid|tanh|relu|leaky_relu`, `dropout:P`, `softmax`). Parsed into an
 * ordinary graph so the usual checks and compiler apply; node ids are "<position>:<token>"
 * (e.g. "2:dense:16") so messages point at the item.
 */
import { defaultParams, type GraphNode, type Graph, type LossName } from './document';
import { KINDS, LAYER_KINDS, kindOf, type LayerKind } from './kinds';

export type SpecParse = { ok: true; graph: Graph } | { ok: false; message: string };

/** The kinds that have a token, with it. */
const TOKEN_KINDS = LAYER_KINDS.filter((k) => KINDS[k].spec !== undefined);

/** The tokens in a sentence, e.g. "dense:UNITS, none, …, dropout:P or softmax". */
function tokenList(): string {
  const all = TOKEN_KINDS.map((k) => KINDS[k].spec!.usage);
  return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
}

function kindForName(name: string): LayerKind | undefined {
  return TOKEN_KINDS.find((k) => KINDS[k].spec!.names.includes(name));
}

export function parseLayerSpec(spec: string, loss: LossName = 'auto'): SpecParse {
  const tokens = spec.split(',').map((t) => t.trim());
  if (spec.trim() === '' || tokens.some((t) => t === '')) {
    return {
      ok: false,
      message: `--layers "${spec}" has an empty item: list nodes separated by commas, e.g. dense:16,relu,dense:3,softmax`,
    };
  }
  const position = { x: 0, y: 0 };
  const nodes: GraphNode[] = [
    { id: 'input', kind: 'input', position, params: defaultParams('input') },
  ];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const id = `${i + 1}:${tok}`.slice(0, 64);
    const [name = '', arg, extra] = tok.split(':');
    const bad = (why: string): SpecParse => ({
      ok: false,
      message: `--layers item ${i + 1} "${tok}": ${why}`,
    });
    if (extra !== undefined) return bad('too many ":" parts');
    const kind = kindForName(name);
    if (kind === undefined) return bad(`unknown node: use ${tokenList()}`);
    const r = kindOf(kind).spec!.parse(name, arg);
    if ('error' in r) return bad(r.error);
    nodes.push({ id, kind, position, params: r.params } as GraphNode);
  }
  nodes.push({ id: 'output', kind: 'output', position, params: { loss } });
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: n.id }));
  return { ok: true, graph: { nodes, edges } };
}

/**
 * The token chain of the nodes between Input and Output, following the graph's edges from Input;
 * null when the graph is not such a chain or holds a kind without a token. Tokens carry only what
 * the command line can say (a Dense's units, not its initializer).
 */
export function formatLayerSpec(graph: Graph): string | null {
  const next = new Map<string, string>();
  for (const e of graph.edges) {
    if (next.has(e.source)) return null;
    next.set(e.source, e.target);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const input = graph.nodes.find((n) => n.kind === 'input');
  const tokens: string[] = [];
  const seen = new Set<string>();
  for (let id = input && next.get(input.id); id !== undefined; id = next.get(id)) {
    const n = byId.get(id);
    if (n === undefined || seen.has(id)) return null;
    if (n.kind === 'output') return tokens.join(',');
    seen.add(id);
    const token = kindOf(n.kind).spec;
    if (token === undefined) return null;
    tokens.push(token.format(n.params));
  }
  return null;
}
