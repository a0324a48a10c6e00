/**
 * Sensitivity to initialisation: the same settings trained with several seeds, one after
 * another, and their curves and final metrics summarised as mean ± sd. The loss of a network is
 * not convex, so different starting weights end in different minima; the band shows how much.
 */

/** Mean and sample standard deviation (n − 1; 0 for a single value) of finite values. */
export function meanSd(values: readonly number[]): { mean: number; sd: number; n: number } {
  const v = values.filter(Number.isFinite);
  const n = v.length;
  if (n === 0) return { mean: NaN, sd: NaN, n: 0 };
  let s = 0;
  for (const x of v) s += x;
  const mean = s / n;
  let q = 0;
  for (const x of v) q += (x - mean) * (x - mean);
  return { mean, sd: n > 1 ? Math.sqrt(q / (n - 1)) : 0, n };
}

export interface Band {
  /** Per epoch (index 0 = epoch 1): the mean over the runs that reached it. */
  mean: number[];
  sd: number[];
  /** How many runs reached each epoch (early stopping ends some sooner). */
  n: number[];
}

/** Per-epoch mean ± sd of several curves (one per seed), as long as the longest. */
export function band(curves: readonly (readonly (number | null)[])[]): Band {
  const len = Math.max(0, ...curves.map((c) => c.length));
  const out: Band = { mean: [], sd: [], n: [] };
  for (let e = 0; e < len; e++) {
    const s = meanSd(curves.map((c) => c[e] ?? NaN));
    out.mean.push(s.mean);
    out.sd.push(s.sd);
    out.n.push(s.n);
  }
  return out;
}

/** The seeds of an n-seed run that starts from `seed`: seed, seed + 1, … (kept in 31 bits). */
export function seedList(seed: number, n: number): number[] {
  if (!(Number.isInteger(n) && n >= 1 && n <= 50))
    throw new RangeError(`the number of seeds must be a whole number from 1 to 50, got ${n}`);
  return Array.from({ length: n }, (_, i) => (seed + i) % 2 ** 31);
}
