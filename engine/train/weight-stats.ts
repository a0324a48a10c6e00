/**
 * Weight statistics per Dense layer, for the weights view: a histogram with a fixed number of bins
 * over a fixed range, and the share of near-zero weights |w| < ε (default 1e-3). L1 (λ·Σ|w|) pushes
 * weights to exactly 0 (many near-zero weights: sparsity), L2 (λ·Σw²) shrinks all of them towards 0
 * without zeroing them, which shows side by side at the same seed.
 *
 * Bins: `bins` equal bins over [lo, hi]; bin i holds lo + i·w ≤ x < lo + (i+1)·w with w = (hi − lo) / bins,
 * the last bin also holds x = hi; values outside [lo, hi] are clamped into the end bins.
 * Default range: symmetric [−m, m], m = the largest |w| over all layers (so layers compare).
 */
import { Dense } from '../layers/dense';
import type { Network } from './network';

export interface LayerWeightStats {
  /** Index in ModelSpec.layers. */
  layer: number;
  /** e.g. "dense1.W" */
  name: string;
  /** Graph node id of the Dense node, when known. */
  nodeId: string | null;
  count: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Share of weights with |w| < nearZero. */
  nearZeroShare: number;
  /** Σ|w| and √Σw². */
  l1Norm: number;
  l2Norm: number;
  histogram: { lo: number; hi: number; counts: number[] };
}

export interface WeightStatsOptions {
  bins?: number;
  nearZero?: number;
  /** The histogram range [lo, hi]; default symmetric around 0 over all layers. */
  range?: [number, number];
}

/** Statistics of every Dense layer's weight matrix (biases excluded, as regularization excludes them). */
export function weightStats(net: Network, opts: WeightStatsOptions = {}): LayerWeightStats[] {
  const bins = opts.bins ?? 30;
  const eps = opts.nearZero ?? 1e-3;
  if (!(Number.isInteger(bins) && bins >= 1))
    throw new RangeError(`bins must be a whole number ≥ 1, got ${bins}`);
  if (!(eps >= 0 && Number.isFinite(eps)))
    throw new RangeError(`nearZero must be a number ≥ 0, got ${eps}`);
  const dense = net.layers.flatMap((l, i) => (l instanceof Dense ? [{ l, i }] : []));
  net.downloadParams();
  let m = 0;
  for (const { l } of dense) for (const v of l.W.value) m = Math.max(m, Math.abs(v));
  const [lo, hi] = opts.range ?? [-(m || 1), m || 1];
  if (!(lo < hi && Number.isFinite(lo) && Number.isFinite(hi)))
    throw new RangeError(`range must be [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
  const width = (hi - lo) / bins;
  return dense.map(({ l, i }) => {
    const w = l.W.value;
    const counts = new Array<number>(bins).fill(0);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let sq = 0;
    let abs = 0;
    let near = 0;
    for (let j = 0; j < w.length; j++) {
      const v = w[j]!;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      sq += v * v;
      abs += Math.abs(v);
      if (Math.abs(v) < eps) near++;
      const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
      counts[b]!++;
    }
    const n = w.length;
    const mean = sum / n;
    return {
      layer: i,
      name: l.W.name,
      nodeId: net.spec.layers[i]?.nodeIds?.[0] ?? null,
      count: n,
      min,
      max,
      mean,
      std: Math.sqrt(Math.max(0, sq / n - mean * mean)),
      nearZeroShare: near / n,
      l1Norm: abs,
      l2Norm: Math.sqrt(sq),
      histogram: { lo, hi, counts },
    };
  });
}
