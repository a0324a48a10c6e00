/** Axis scales and "nice" ticks for the curve charts (linear and log10). */

export interface Scale {
  (v: number): number;
  ticks: number[];
  domain: [number, number];
}

/** 1, 2 or 5 × 10^k steps giving about `count` ticks over [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

export function linearScale(lo: number, hi: number, from: number, to: number, count = 5): Scale {
  if (!(hi > lo)) {
    hi = lo + (Math.abs(lo) || 1);
  }
  const f = ((v: number) => from + ((v - lo) / (hi - lo)) * (to - from)) as Scale;
  f.ticks = niceTicks(lo, hi, count);
  f.domain = [lo, hi];
  return f;
}

export function logScale(lo: number, hi: number, from: number, to: number): Scale {
  const a = Math.log10(Math.max(lo, 1e-12));
  let b = Math.log10(Math.max(hi, 1e-12));
  if (!(b > a)) b = a + 1;
  const f = ((v: number) =>
    from + ((Math.log10(Math.max(v, 1e-12)) - a) / (b - a)) * (to - from)) as Scale;
  const ticks: number[] = [];
  for (let k = Math.ceil(a); k <= Math.floor(b); k++) ticks.push(10 ** k);
  f.ticks = ticks.length >= 2 ? ticks : [10 ** a, 10 ** b];
  f.domain = [10 ** a, 10 ** b];
  return f;
}

/** Short tick labels: 0.25, 1.5e-3, 1200. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0);
  if (a >= 100) return v.toFixed(0);
  return String(Number(v.toPrecision(2)));
}
