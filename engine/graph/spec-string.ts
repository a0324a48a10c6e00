/**
 * The command line's compact layer chain, e.g. "dense:16,relu,dropout:0.2,dense:3,softmax":
 * comma-separated nodes between Input and Output — `dense:UNITS`, `none|sigmoid|tanh|relu|leaky_relu`,
 * `dropout:P`, `softmax`. Parsed into an ordinary graph so the usual checks and compiler apply;
 * node ids are "<position>:<token>" (e.g. "2:dense:16") so messages point at the item.
 */
import { ACTIVATIONS, defaultParams, type GraphNode, type Graph, type LossName } from './document';

export type SpecParse = { ok: true; graph: Graph } | { ok: false; message: string };

export function parseLayerSpec(spec: string, loss: LossName = 'auto'): SpecParse {
  const tokens = spec.split(',').map((t) => t.trim());
  if (spec.trim() === '' || tokens.some((t) => t === '')) {
    return {
      ok: false,
      message: `--layers "${spec}" has an empty item: list nodes separated by commas, e.g. dense:16,relu,dense:3,softmax`,
    };
  }
  const position = { x: 0, y: 0 };
  const nodes: GraphNode[] = [{ id: 'input', kind: 'input', position, params: {} }];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const id = `${i + 1}:${tok}`.slice(0, 64);
    const [name, arg, extra] = tok.split(':');
    const bad = (why: string): SpecParse => ({
      ok: false,
      message: `--layers item ${i + 1} "${tok}": ${why}`,
    });
    if (extra !== undefined) return bad('too many ":" parts');
    if (name === 'dense') {
      const units = Number(arg);
      if (arg === undefined || arg === '' || !Number.isFinite(units))
        return bad('give the number of units, e.g. dense:16');
      nodes.push({ id, kind: 'dense', position, params: { ...defaultParams('dense'), units } });
    } else if (name === 'dropout') {
      const rate = Number(arg);
      if (arg === undefined || arg === '' || !Number.isFinite(rate))
        return bad('give the rate, e.g. dropout:0.2');
      nodes.push({ id, kind: 'dropout', position, params: { rate } });
    } else if ((ACTIVATIONS as readonly string[]).includes(name ?? '')) {
      if (arg !== undefined && name !== 'leaky_relu') return bad(`${name} takes no parameter`);
      const alpha = arg === undefined ? 0.01 : Number(arg);
      if (!Number.isFinite(alpha))
        return bad('the leaky_relu slope must be a number, e.g. leaky_relu:0.01');
      nodes.push({
        id,
        kind: 'activation',
        position,
        params: { fn: name as (typeof ACTIVATIONS)[number], alpha },
      });
    } else if (name === 'softmax') {
      if (arg !== undefined) return bad('softmax takes no parameter');
      nodes.push({ id, kind: 'softmax', position, params: {} });
    } else {
      return bad(
        'unknown node: use dense:UNITS, none, sigmoid, tanh, relu, leaky_relu, dropout:P or softmax',
      );
    }
  }
  nodes.push({ id: 'output', kind: 'output', position, params: { loss } });
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: n.id }));
  return { ok: true, graph: { nodes, edges } };
}
