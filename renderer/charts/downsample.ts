/**
 * Keeps charts smooth at 10,000 epochs: at most `max` points are drawn, chosen by largest
 * triangle three buckets (LTTB), which keeps peaks and dips; the data itself is not touched.
 */
export function downsample<T>(
  points: readonly T[],
  max: number,
  y: (p: T) => number | null | undefined,
): T[] {
  if (points.length <= max || max < 3) return points.slice();
  const out: T[] = [points[0]!];
  const bucket = (points.length - 2) / (max - 2);
  let a = 0;
  const val = (i: number) => y(points[i]!) ?? 0;
  for (let b = 0; b < max - 2; b++) {
    const start = Math.floor(b * bucket) + 1;
    const end = Math.min(Math.floor((b + 1) * bucket) + 1, points.length - 1);
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((b + 2) * bucket) + 1, points.length);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += i;
      avgY += val(i);
    }
    const n = Math.max(1, nextEnd - nextStart);
    avgX /= n;
    avgY /= n;
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs((a - avgX) * (val(i) - val(a)) - (a - i) * (avgY - val(a)));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push(points[best]!);
    a = best;
  }
  out.push(points[points.length - 1]!);
  return out;
}
