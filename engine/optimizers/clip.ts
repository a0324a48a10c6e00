/**
 * Gradient-norm clipping: with ‖g‖ = √(Σ over all params Σ g²), when ‖g‖ > maxNorm every gradient
 * is scaled by maxNorm / ‖g‖. Returns ‖g‖ before clipping (NaN or ∞ when a gradient is not finite).
 */
import type { Backend } from '../backend/backend';
import type { Param } from '../layers/layer';

export function gradientNorm(params: readonly Param[], backend: Backend): number {
  let s = 0;
  for (const p of params) s += backend.sumSquares(p.grad);
  return Math.sqrt(s);
}

export function clipGradients(
  params: readonly Param[],
  backend: Backend,
  maxNorm: number,
  norm: number,
): void {
  if (!(maxNorm > 0)) throw new RangeError(`clip norm must be a number > 0, got ${maxNorm}`);
  if (norm > maxNorm) {
    const s = maxNorm / norm;
    for (const p of params) backend.scale(p.grad, s);
  }
}
