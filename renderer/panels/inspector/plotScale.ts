/**
 * Axis scaling for the activation plot: the y-range covers the curve and its derivative over the
 * plotted x-range (so ReLU is drawn to its top, not clipped into looking saturated), and ticks
 * land on round numbers.
 */
export interface PlotBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The y-range spanned by every curve over [x0, x1], padded a little and including 0. */
export function fitYRange(
  curves: ((x: number) => number)[],
  x0: number,
  x1: number,
  steps = 200,
): { y0: number; y1: number } {
  let lo = 0;
  let hi = 0;
  for (const g of curves) {
    for (let i = 0; i <= steps; i++) {
      const y = g(x0 + ((x1 - x0) * i) / steps);
      if (Number.isFinite(y)) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
  }
  const pad = (hi - lo || 1) * 0.08;
  return { y0: lo - pad, y1: hi + pad };
}

/** Round tick values within [lo, hi], about `count` of them (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
    ticks.push(Math.abs(v) < 1e-9 ? 0 : Number(v.toFixed(6)));
  }
  return ticks;
}

/** A tick number as printed: no trailing zeros, a real minus sign. */
export function tickLabel(v: number): string {
  return String(Number(v.toFixed(2))).replace('-', '−');
}
