/**
 * The x axis of a sweep plot: linear, or log10 where a value of 0 (no regularization) sits one
 * decade below the smallest positive value, marked as 0.
 */
export function xScale(values: (number | string)[], log: boolean, width: number, pad: number) {
  const nums = values.map((v) => (typeof v === 'number' ? v : NaN));
  const categorical = nums.some((v) => !Number.isFinite(v));
  const pos = nums.filter((v) => v > 0);
  const zeroAt = pos.length ? Math.log10(Math.min(...pos)) - 1 : 0;
  const t = (v: number) => (log ? (v > 0 ? Math.log10(v) : zeroAt) : v);
  const ts = categorical ? values.map((_, i) => i) : nums.map(t);
  const lo = Math.min(...ts);
  const hi = Math.max(...ts);
  const span = hi - lo || 1;
  return (i: number) => pad + ((ts[i]! - lo) / span) * (width - 2 * pad);
}

export const short = (v: number | string) =>
  typeof v === 'number' ? String(Number(v.toPrecision(3))) : v;
