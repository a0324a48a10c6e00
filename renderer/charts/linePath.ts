/**
 * The SVG path of one summarised line (./summary.ts), with at most two points per pixel column:
 * the column's lowest and highest value, in epoch order. The cost is O(buckets) ≤ O(cap), so a
 * 100,000-epoch run redraws (and paints) like a 200-epoch one, and a spike inside a column still
 * shows. An epoch without a value breaks the line; in a column that also has values, the column
 * is drawn as its own short stroke (a column with gaps cannot say more at this width), so gaps
 * add no points either.
 */
import type { Summary } from './summary';

export function linePath(s: Summary, sx: (x: number) => number, sy: (y: number) => number): string {
  let d = '';
  let pen = false;
  let column = NaN;
  let lo = -1;
  let hi = -1;
  let loV = 0;
  let hiV = 0;
  let gap = false;
  const point = (at: number, v: number) => {
    d += `${pen ? 'L' : 'M'}${sx(at + 1).toFixed(1)},${sy(v).toFixed(1)}`;
    pen = true;
  };
  const flush = () => {
    if (gap) pen = false;
    if (lo >= 0) {
      if (lo === hi) point(lo, loV);
      else if (lo < hi) {
        point(lo, loV);
        point(hi, hiV);
      } else {
        point(hi, hiV);
        point(lo, loV);
      }
    }
    if (gap) pen = false;
    lo = hi = -1;
    gap = false;
  };
  const enter = (at: number) => {
    const c = Math.round(sx(at + 1));
    if (c !== column) {
      flush();
      column = c;
    }
  };
  const add = (at: number, v: number) => {
    enter(at);
    if (lo < 0 || v < loV) [lo, loV] = [at, v];
    if (hi < 0 || v > hiV) [hi, hiV] = [at, v];
  };
  for (const b of s.buckets) {
    // The bucket's events in epoch order: its extremes and its first gap.
    const events: [number, number | null][] = [];
    if (b.loAt >= 0) events.push([b.loAt, b.lo]);
    if (b.hiAt >= 0 && b.hiAt !== b.loAt) events.push([b.hiAt, b.hi]);
    if (b.gapAt >= 0) events.push([b.gapAt, null]);
    events.sort((x, y) => x[0] - y[0]);
    for (const [at, v] of events)
      if (v === null) {
        enter(at);
        gap = true;
      } else add(at, v);
  }
  flush();
  return d;
}
