/**
 * The SVG path of one line, with at most two points per pixel column: the column's lowest and
 * highest value, in epoch order. A line of n epochs over w pixels then costs O(n) arithmetic but
 * only ≤ 2w path points, so a 10,000-epoch run redraws (and paints) as fast as a 200-epoch one,
 * and a spike inside a column still shows. Unknown values break the line.
 */
export function linePath(
  values: readonly (number | null)[],
  ok: (v: number | null | undefined) => v is number,
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  let d = '';
  let pen = false;
  let column = NaN;
  let lo = -1;
  let hi = -1;
  const point = (i: number) => {
    d += `${pen ? 'L' : 'M'}${sx(i + 1).toFixed(1)},${sy(values[i]!).toFixed(1)}`;
    pen = true;
  };
  const flush = () => {
    if (lo < 0) return;
    if (lo === hi) point(lo);
    else for (const i of lo < hi ? [lo, hi] : [hi, lo]) point(i);
    lo = hi = -1;
  };
  values.forEach((v, i) => {
    if (!ok(v)) {
      flush();
      pen = false;
      column = NaN;
      return;
    }
    const c = Math.round(sx(i + 1));
    if (c !== column) {
      flush();
      column = c;
    }
    if (lo < 0 || v < values[lo]!) lo = i;
    if (hi < 0 || v > values[hi]!) hi = i;
  });
  flush();
  return d;
}
