/**
 * Running statistics of a column's numbers, kept while the column is parsed: one pass over the
 * cells (in the CSV worker threads, in parallel), so inference and the Data panel's statistics
 * need no further pass over a big table. Parts parsed separately merge exactly (Chan et al.'s
 * pairwise update for the variance).
 *
 * The variance is accumulated from shifted sums Σ(v − K) and Σ(v − K)² with K the first value:
 * one pass and no division per cell, and numerically sound when K is of the data's size.
 */
export interface NumberSummary {
  n: number;
  min: number;
  max: number;
  k: number;
  s1: number;
  s2: number;
  /** Every number is an integer / is 0 or 1 / is the previous one plus 1 (a row counter). */
  integers: boolean;
  zeroOne: boolean;
  countsUp: boolean;
  first: number;
  last: number;
}

export function emptySummary(): NumberSummary {
  return {
    n: 0,
    min: Infinity,
    max: -Infinity,
    k: 0,
    s1: 0,
    s2: 0,
    integers: true,
    zeroOne: true,
    countsUp: true,
    first: NaN,
    last: NaN,
  };
}

export function addNumber(s: NumberSummary, v: number): void {
  if (s.n === 0) {
    s.k = v;
    s.first = v;
  } else if (s.countsUp && v !== s.last + 1) s.countsUp = false;
  s.n++;
  if (v < s.min) s.min = v;
  if (v > s.max) s.max = v;
  const d = v - s.k;
  s.s1 += d;
  s.s2 += d * d;
  if (s.integers && !Number.isInteger(v)) s.integers = false;
  if (s.zeroOne && v !== 0 && v !== 1) s.zeroOne = false;
  s.last = v;
}

export function summaryMean(s: NumberSummary): number {
  return s.n === 0 ? NaN : s.k + s.s1 / s.n;
}

/** Σ (v − mean)². */
export function summaryM2(s: NumberSummary): number {
  return s.n === 0 ? 0 : Math.max(0, s.s2 - (s.s1 * s.s1) / s.n);
}

/** `a` followed by `b` (the next rows), written into `a`. */
export function mergeSummary(a: NumberSummary, b: NumberSummary): void {
  if (b.n === 0) return;
  if (a.n === 0) {
    Object.assign(a, b);
    return;
  }
  const n = a.n + b.n;
  const ma = summaryMean(a);
  const mb = summaryMean(b);
  const delta = mb - ma;
  const m2 = summaryM2(a) + summaryM2(b) + (delta * delta * a.n * b.n) / n;
  a.countsUp = a.countsUp && b.countsUp && b.first === a.last + 1;
  a.integers &&= b.integers;
  a.zeroOne &&= b.zeroOne;
  a.min = Math.min(a.min, b.min);
  a.max = Math.max(a.max, b.max);
  a.last = b.last;
  // Re-centred on the joint mean: Σ(v − mean) = 0, Σ(v − mean)² = M2.
  a.k = ma + (delta * b.n) / n;
  a.s1 = 0;
  a.s2 = m2;
  a.n = n;
}
