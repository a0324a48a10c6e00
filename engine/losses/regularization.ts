/**
 * Weight regularisation: total loss = L_data + Σ_layers λ1·Σ|w| + λ2·Σw²
 * over weights (never biases); each Param carries its own λ1 (l1) and λ2 (l2).
 * Gradient terms: λ1·sign(w) and 2·λ2·w.
 */
import type { Backend } from '../backend/backend';
import type { Param } from '../layers/layer';

/** The penalty R = Σ λ1·Σ|w| + λ2·Σw² over the given params. */
export function penalty(params: readonly Param[], backend: Backend): number {
  let r = 0;
  for (const p of params) {
    if (p.l1 > 0) r += p.l1 * backend.sumAbs(p.value);
    if (p.l2 > 0) r += p.l2 * backend.sumSquares(p.value);
  }
  return r;
}

/** Adds ∂R/∂w to each param's gradient. */
export function addPenaltyGradients(params: readonly Param[], backend: Backend): void {
  for (const p of params) {
    if (p.l1 > 0) backend.addScaledSign(p.grad, p.value, p.l1);
    if (p.l2 > 0) backend.addScaled(p.grad, p.value, 2 * p.l2);
  }
}
