/**
 * A slice of the loss landscape around trained weights θ (Li et al., 2018, "Visualizing the Loss
 * Landscape of Neural Nets"): L(θ + α·d) along one random direction d, or L(θ + α·d + β·e) over
 * a grid for two. Each direction is drawn from N(0, 1) and filter-normalised: for every unit j
 * of a Dense layer (the column of weights into it) d_j ← d_j · ‖θ_j‖ / ‖d_j‖, so a step α moves
 * each unit by α times its own scale and layers of different scales compare; biases get a zero
 * direction (as in the paper). The loss is the evaluation loss (dropout off) plus the
 * regularisation penalty, on the rows given (the training split). Only for small networks: every
 * point is a full pass over the data.
 */
import type { Dataset } from '../data/dataset';
import { Rng } from '../data/rng';
import { Dense } from '../layers/dense';
import { sliceRows } from './batches';
import type { Network } from './network';

/** The largest network (trainable values) a landscape is computed for. */
export const LANDSCAPE_MAX_PARAMS = 20_000;

export interface LandscapeOptions {
  /** Points per axis (odd, so α = 0 is one of them); default 21 (1-D) / 15 (2-D). */
  steps?: number;
  /** α (and β) run from −span to +span; default 1. */
  span?: number;
  seed: number;
}

export interface Landscape {
  /** The α values (and β for 2-D). */
  alphas: number[];
  betas: number[] | null;
  /** 1-D: losses[i] at alphas[i]; 2-D: losses[j * alphas.length + i] at (alphas[i], betas[j]). */
  losses: number[];
  /** The loss at the trained weights (α = β = 0). */
  center: number;
}

/** A filter-normalised random direction, one array per parameter of `net` (in params order). */
export function filterNormalizedDirection(net: Network, rng: Rng): Float32Array[] {
  net.downloadParams();
  const dirs = net.params.map((p) => new Float32Array(p.value.length));
  let pi = 0;
  for (const layer of net.layers) {
    if (!(layer instanceof Dense)) continue;
    const W = layer.W.value;
    const d = dirs[pi]!;
    for (let i = 0; i < d.length; i++) d[i] = rng.normal();
    const rows = layer.inSize;
    const cols = layer.outSize;
    for (let j = 0; j < cols; j++) {
      let dn = 0;
      let wn = 0;
      for (let i = 0; i < rows; i++) {
        dn += d[i * cols + j]! * d[i * cols + j]!;
        wn += W[i * cols + j]! * W[i * cols + j]!;
      }
      const s = dn > 0 ? Math.sqrt(wn / dn) : 0;
      for (let i = 0; i < rows; i++) d[i * cols + j]! *= s;
    }
    // The bias direction stays zero.
    pi += layer.params.length;
  }
  return dirs;
}

/** Evaluation loss plus penalty of the network's current weights on `data`. */
export function datasetLoss(net: Network, data: Dataset): number {
  let total = 0;
  const n = data.x.rows;
  for (let start = 0; start < n; start += net.maxBatch) {
    const rows = Math.min(net.maxBatch, n - start);
    const x = sliceRows(data.x, start, rows);
    const y = sliceRows(data.y, start, rows);
    total += net.evaluateBatch(x, y).loss * rows;
  }
  const regularised = net.params.some((p) => p.l1 > 0 || p.l2 > 0);
  return total / n + (regularised ? net.penalty() : 0);
}

/** The loss along one (2-D: two) random filter-normalised directions; the weights are kept. */
export function lossLandscape(
  net: Network,
  data: Dataset,
  dims: 1 | 2,
  opts: LandscapeOptions,
): Landscape {
  if (net.parameterCount > LANDSCAPE_MAX_PARAMS)
    throw new RangeError(
      `the loss landscape is computed for networks of at most ${LANDSCAPE_MAX_PARAMS} parameters; this one has ${net.parameterCount}`,
    );
  const steps = opts.steps ?? (dims === 1 ? 21 : 15);
  const span = opts.span ?? 1;
  if (!(Number.isInteger(steps) && steps >= 3 && steps <= 101 && steps % 2 === 1))
    throw new RangeError(`landscape steps must be an odd whole number from 3 to 101, got ${steps}`);
  if (!(span > 0 && span <= 10))
    throw new RangeError(`landscape span must be above 0 and at most 10, got ${span}`);
  const rng = new Rng(opts.seed);
  const d = filterNormalizedDirection(net, rng);
  const e = dims === 2 ? filterNormalizedDirection(net, rng) : null;
  const theta = net.getWeights();
  const axis = Array.from({ length: steps }, (_, i) => -span + (2 * span * i) / (steps - 1));
  axis[(steps - 1) / 2] = 0;
  const moved = theta.map((t) => new Float32Array(t.length));
  const losses: number[] = [];
  const at = (a: number, b: number): number => {
    for (let p = 0; p < theta.length; p++) {
      const t = theta[p]!;
      const m = moved[p]!;
      const dp = d[p]!;
      const ep = e?.[p];
      for (let i = 0; i < t.length; i++) m[i] = t[i]! + a * dp[i]! + (ep ? b * ep[i]! : 0);
    }
    net.setWeights(moved);
    return datasetLoss(net, data);
  };
  try {
    for (const b of e ? axis : [0]) for (const a of axis) losses.push(at(a, b));
  } finally {
    net.setWeights(theta);
  }
  const mid = (steps - 1) / 2;
  return {
    alphas: axis,
    betas: e ? axis.slice() : null,
    losses,
    center: losses[e ? mid * steps + mid : mid]!,
  };
}
