/**
 * The graph compiler: checks the canvas graph and turns its Input → … → Output chain into a
 * runnable ModelSpec, or returns the problems that stop it.
 *
 * Lowering: Dense + the Activation right after it become one Dense with a fused activation;
 * Activation "none" is the identity and disappears; the final Softmax (cce) or sigmoid (bce)
 * becomes part of the loss, which computes it in a numerically stable fused form.
 */
import type { ActivationKind } from '../backend/backend';
import type { LayerSpec, ModelSpec } from '../train/spec';
import type { ActivationFn, Graph } from './document';
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

const ACT: Record<ActivationFn, ActivationKind> = {
  none: 'linear',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leaky_relu: 'leaky_relu',
};

export function compileGraph(graph: Graph, opts: CompileOptions): CompileResult {
  const analysis = validateGraph(graph, opts);
  if (!analysis.ok || analysis.loss === null)
    return { ok: false, problems: analysis.problems, analysis };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const layers: LayerSpec[] = [];
  let fusable = false; // the last layer is a Dense that has no activation yet
  for (const id of analysis.chain) {
    const n = byId.get(id)!;
    switch (n.kind) {
      case 'dense':
        layers.push({
          type: 'dense',
          units: n.params.units,
          useBias: n.params.useBias,
          initializer: n.params.initializer,
          activation: 'linear',
          alpha: 0.01,
          l1: n.params.l1,
          l2: n.params.l2,
          nodeIds: [id],
        });
        fusable = true;
        break;
      case 'activation': {
        const fn = ACT[n.params.fn];
        if (fn === 'linear') break;
        const prev = layers[layers.length - 1];
        if (fusable && prev?.type === 'dense') {
          prev.activation = fn;
          prev.alpha = n.params.alpha;
          prev.nodeIds?.push(id);
        } else {
          layers.push({ type: 'activation', fn, alpha: n.params.alpha, nodeIds: [id] });
        }
        fusable = false;
        break;
      }
      case 'dropout':
        if (n.params.rate > 0) layers.push({ type: 'dropout', rate: n.params.rate, nodeIds: [id] });
        fusable = false;
        break;
      default:
        break; // input, output, and the final softmax (folded into the cce loss)
    }
  }
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
