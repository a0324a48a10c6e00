/**
 * The Dense kernels of a trained network as the canvas draws them on its edges: one matrix per
 * Dense layer (inputs × units, row-major), named by the Dense node, with the largest |w| for the
 * colour scale. Layers larger than `max` on either side travel without their values.
 */
import type { WeightMatrix } from '../../contract/boundary';
import type { ModelSpec } from '../../../engine/train/spec';

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0);

/** Walks the spec's Dense layers over `weights` (kernel, then bias when the layer has one). */
export function weightMatrices(
  spec: ModelSpec,
  weights: readonly Float32Array[],
  max: number,
): WeightMatrix[] {
  const out: WeightMatrix[] = [];
  let inputs = spec.inputs;
  let k = 0;
  for (const l of spec.layers) {
    if (l.type !== 'dense') continue;
    const w = weights[k++];
    const b = l.useBias ? weights[k++] : undefined;
    if (!w || w.length !== inputs * l.units) break; // weights of another network: stop here
    let maxAbs = 0;
    for (const v of w) if (Number.isFinite(v) && Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    const small = inputs <= max && l.units <= max;
    out.push({
      nodeId: l.nodeIds?.[0] ?? null,
      inputs,
      units: l.units,
      w: small ? Array.from(w, round) : null,
      b: small && b ? Array.from(b, round) : null,
      maxAbs: round(maxAbs),
    });
    inputs = l.units;
  }
  return out;
}
