/**
 * ModelSpec: the runnable model the graph compiler (or the CLI's --layers) produces. Plain data, so
 * it can be posted to a worker thread and rebuilt there.
 *
 * The output head is implied by `loss`: with `cce` the network's last layer outputs logits and the
 * loss applies softmax (the graph's Softmax node), with `bce` the graph's final Sigmoid is likewise
 * folded into the loss, with `mse` the last layer's output is the prediction.
 */
import type { ActivationKind } from '../backend/backend';
import type { Initializer } from '../graph/document';
import type { LossKind } from '../losses/loss';

export type LayerSpec =
  | {
      type: 'dense';
      units: number;
      useBias: boolean;
      initializer: Initializer;
      /** Fused activation (an Activation node right after the Dense). */
      activation: ActivationKind;
      alpha: number;
      /** Per-layer λ overrides; null = the model's λ. */
      l1: number | null;
      l2: number | null;
      /** Graph node ids this layer came from. */
      nodeIds?: string[];
    }
  | { type: 'activation'; fn: ActivationKind; alpha: number; nodeIds?: string[] }
  | { type: 'dropout'; rate: number; nodeIds?: string[] };

export interface ModelSpec {
  /** Number of input features. */
  inputs: number;
  layers: LayerSpec[];
  loss: LossKind;
  /** Default λ of L1 / L2 for every Dense layer without an override. */
  l1: number;
  l2: number;
}

/** Width of the model's output. */
export function outputSize(spec: ModelSpec): number {
  let n = spec.inputs;
  for (const l of spec.layers) if (l.type === 'dense') n = l.units;
  return n;
}
