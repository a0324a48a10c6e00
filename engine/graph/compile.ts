/**
 * The graph compiler: checks the canvas graph and turns its Input → … → Output chain into a
 * runnable ModelSpec, or returns the problems that stop it.
 *
 * Lowering: Dense + the Activation right after it become one Dense with a fused activation;
 * Activation "none" is the identity and disappears; the final Softmax (cce) or sigmoid (bce)
 * becomes part of the loss, which computes it in a numerically stable fused form.
 */
import type { ModelSpec } from '../train/spec';
import type { Graph } from './document';
import { kindOf, type LowerContext } from './kinds';
import type { GraphProblem } from './problems';
import { validateGraph, type GraphAnalysis, type ValidateOptions } from './validate';

export interface CompileOptions extends ValidateOptions {
  /** Feature count of the data: required to build a model. */
  features: number;
  /** Default λ for L1 / L2 (per-layer overrides win); default 0. */
  l1?: number;
  l2?: number;
}

export type CompileResult =
  | { ok: true; spec: ModelSpec; analysis: GraphAnalysis }
  | { ok: false; problems: GraphProblem[]; analysis: GraphAnalysis };

export function compileGraph(graph: Graph, opts: CompileOptions): CompileResult {
  const analysis = validateGraph(graph, opts);
  if (!analysis.ok || analysis.loss === null)
    return { ok: false, problems: analysis.problems, analysis };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const ctx: LowerContext = { layers: [], fusable: false };
  // Each kind lowers itself (Dense pushes a layer, Activation fuses into it, Dropout…); Input,
  // Output and the final Softmax (folded into the cce loss) add nothing.
  for (const id of analysis.chain) {
    const n = byId.get(id)!;
    kindOf(n.kind).lower?.(n.params, id, ctx);
  }
  const layers = ctx.layers;
  if (analysis.loss === 'bce') {
    // The final sigmoid is computed by the loss from logits.
    const last = layers[layers.length - 1];
    if (last?.type === 'dense' && last.activation === 'sigmoid') last.activation = 'linear';
    else if (last?.type === 'activation' && last.fn === 'sigmoid') layers.pop();
  }
  const spec: ModelSpec = {
    inputs: opts.features,
    layers,
    loss: analysis.loss,
    l1: opts.l1 ?? 0,
    l2: opts.l2 ?? 0,
  };
  return { ok: true, spec, analysis };
}
