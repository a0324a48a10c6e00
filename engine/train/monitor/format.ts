/** Number formatting for alert messages and evidence. */

/** Evidence numbers: 6 significant digits; NaN/∞ become null (JSON has no NaN). */
export const ev = (v: number): number | null =>
  Number.isFinite(v) ? Number(v.toPrecision(6)) : null;

/** A percentage with one decimal, e.g. "43.5 %". */
export const pct = (v: number): string => `${v.toFixed(1)} %`;

/** 3 significant digits for prose, e.g. 0.0527 or 1.64e+19 ("NaN" and "Infinity" as such). */
export const fmt = (v: number): string =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 1e6
      ? v.toExponential(2)
      : Number(v.toPrecision(3)).toString();
