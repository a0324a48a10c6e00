/**
 * What the monitor needs to know about the model to propose remedies that point at canvas nodes:
 * the hidden Dense layers (every Dense but the output one) with their graph node ids, and λ.
 * Also the "knows nothing" baseline loss that tells a high loss from a low one.
 */
import type { Mat } from '../../backend/backend';
import type { LossKind } from '../../losses/loss';
import type { ModelSpec } from '../spec';

export interface HiddenLayerFacts {
  /** Index in ModelSpec.layers. */
  layer: number;
  units: number;
  /** The Dense node's id (first of nodeIds), or null for a spec without node ids. */
  nodeId: string | null;
  /** The node a Dropout would go after: the activation following the Dense, else the Dense. */
  afterNodeId: string | null;
  /** Whether a Dropout layer already follows it. */
  hasDropout: boolean;
}

export interface ModelFacts {
  hidden: HiddenLayerFacts[];
  /** The largest λ of L1 / L2 that applies to any Dense layer. */
  l1: number;
  l2: number;
}

export function modelFacts(spec: ModelSpec): ModelFacts {
  const dense = spec.layers.flatMap((l, i) => (l.type === 'dense' ? [i] : []));
  const hidden: HiddenLayerFacts[] = [];
  let l1 = 0;
  let l2 = 0;
  for (const i of dense) {
    const l = spec.layers[i]!;
    if (l.type !== 'dense') continue;
    l1 = Math.max(l1, l.l1 ?? spec.l1);
    l2 = Math.max(l2, l.l2 ?? spec.l2);
    if (i === dense[dense.length - 1]) continue;
    let after = l.nodeIds?.at(-1) ?? null;
    let hasDropout = false;
    for (let j = i + 1; j < spec.layers.length && spec.layers[j]!.type !== 'dense'; j++) {
      const next = spec.layers[j]!;
      if (next.type === 'dropout') hasDropout = true;
      else if (!hasDropout) after = next.nodeIds?.at(-1) ?? after;
    }
    hidden.push({
      layer: i,
      units: l.units,
      nodeId: l.nodeIds?.[0] ?? null,
      afterNodeId: after,
      hasDropout,
    });
  }
  return { hidden, l1, l2 };
}

/**
 * The loss of a model that has learnt nothing but the targets' averages, on targets y:
 * cce: entropy of the class priors −Σ p_c ln p_c; bce: mean over columns of the binary entropy of
 * the column mean; mse: mean over columns of the targets' variance. Floored at 1e-12.
 */
export function baselineLoss(loss: LossKind, y: Mat): number {
  const { rows, cols, data } = y;
  const mean = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c]! += data[r * cols + c]!;
  for (let c = 0; c < cols; c++) mean[c]! /= rows;
  let b = 0;
  if (loss === 'cce') {
    for (let c = 0; c < cols; c++) if (mean[c]! > 0) b -= mean[c]! * Math.log(mean[c]!);
  } else if (loss === 'bce') {
    for (let c = 0; c < cols; c++) {
      const p = mean[c]!;
      if (p > 0 && p < 1) b -= p * Math.log(p) + (1 - p) * Math.log(1 - p);
    }
    b /= cols;
  } else {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) b += (data[r * cols + c]! - mean[c]!) ** 2;
    b /= rows * cols;
  }
  return Math.max(b, 1e-12);
}
