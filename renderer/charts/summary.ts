/**
 * A per-epoch series kept in at most `cap` buckets of equal length, grown one value at a time, so
 * a line chart of a run costs the same at 100 and at 100,000 epochs.
 *
 * Bucket k covers epochs [k·size, (k+1)·size) (0-based) and keeps the lowest and highest known
 * value with their epochs, and the first epoch without a value (a gap in the line). When a value
 * would make more than `cap` buckets, neighbouring buckets are merged pairwise and `size`
 * doubles: O(1) amortised per value, O(cap) memory. A chart of w ≤ cap / 2 pixel columns then
 * still shows each column's lowest and highest value: a bucket's extremes are exact and drawn at
 * their own epoch; only where a bucket straddles two columns can the larger extreme of the two
 * hide the other's (an error of under half a column, at a column's edge).
 */

/** One bucket; `lo`/`hi` are NaN and `loAt`/`hiAt` -1 when it has no known value. */
export interface Bucket {
  lo: number;
  loAt: number;
  hi: number;
  hiAt: number;
  /** The first epoch (0-based) in the bucket with no value, or -1. */
  gapAt: number;
}

/** A snapshot of a series: later values never change it. */
export interface Summary {
  /** Values seen (known or not): the x range is epochs 1…n. */
  n: number;
  /** Epochs per bucket (a power of two). */
  size: number;
  buckets: readonly Readonly<Bucket>[];
  /** Lowest and highest known value (NaN when none). */
  lo: number;
  hi: number;
  /** First and last known value (undefined when none). */
  first: number | undefined;
  last: number | undefined;
}

export const DEFAULT_CAP = 1024;

const empty = (): Bucket => ({ lo: NaN, loAt: -1, hi: NaN, hiAt: -1, gapAt: -1 });

/** `b` with `c` (the bucket right after it) folded in. */
function merge(b: Bucket, c: Bucket): Bucket {
  const m = { ...b };
  if (c.loAt >= 0 && (m.loAt < 0 || c.lo < m.lo)) [m.lo, m.loAt] = [c.lo, c.loAt];
  if (c.hiAt >= 0 && (m.hiAt < 0 || c.hi > m.hi)) [m.hi, m.hiAt] = [c.hi, c.hiAt];
  if (m.gapAt < 0) m.gapAt = c.gapAt;
  return m;
}

export class SeriesSummary {
  private buckets: Bucket[] = [];
  private size = 1;
  private n = 0;
  private lo = NaN;
  private hi = NaN;
  private first: number | undefined;
  private last: number | undefined;

  /** `ok`: whether a value is known (drawn), e.g. finite, and positive on a log scale. */
  constructor(
    private readonly ok: (v: number | null | undefined) => v is number,
    private readonly cap = DEFAULT_CAP,
  ) {}

  push(v: number | null | undefined): void {
    const at = this.n++;
    let k = Math.floor(at / this.size);
    if (k >= this.cap) {
      const merged: Bucket[] = [];
      for (let i = 0; i < this.buckets.length; i += 2)
        merged.push(
          this.buckets[i + 1] ? merge(this.buckets[i]!, this.buckets[i + 1]!) : this.buckets[i]!,
        );
      this.buckets = merged;
      this.size *= 2;
      k = Math.floor(at / this.size);
    }
    const b = (this.buckets[k] ??= empty());
    if (!this.ok(v)) {
      if (b.gapAt < 0) b.gapAt = at;
      return;
    }
    if (b.loAt < 0 || v < b.lo) [b.lo, b.loAt] = [v, at];
    if (b.hiAt < 0 || v > b.hi) [b.hi, b.hiAt] = [v, at];
    if (!(v >= this.lo)) this.lo = v;
    if (!(v <= this.hi)) this.hi = v;
    this.first ??= v;
    this.last = v;
  }

  /** A copy of the state: O(cap), whatever the number of values. */
  summary(): Summary {
    return {
      n: this.n,
      size: this.size,
      // Only the last bucket can still change; the others are shared.
      buckets: this.buckets.map((b, i) => (i === this.buckets.length - 1 ? { ...b } : b)),
      lo: this.lo,
      hi: this.hi,
      first: this.first,
      last: this.last,
    };
  }
}

/** The summary of a whole list of values at once. */
export function summarise(
  values: readonly (number | null | undefined)[],
  ok: (v: number | null | undefined) => v is number,
  cap = DEFAULT_CAP,
): Summary {
  const s = new SeriesSummary(ok, cap);
  for (const v of values) s.push(v);
  return s.summary();
}

/** Whether a value can be drawn: finite, and positive on a log scale. */
export const drawable =
  (log: boolean) =>
  (v: number | null | undefined): v is number =>
    v !== null && v !== undefined && Number.isFinite(v) && (!log || v > 0);
