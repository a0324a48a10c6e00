/** Per-column statistics for the Data panel: min/max/mean/std, a histogram, top categories. */
import type { Column } from './csv/column';
import { numericCell } from './encode';
import { categoryKey } from './infer';
import type { CategoryCount, ColumnKind, HistogramBin, NumericStats } from './types';

const BINS = 12;
const TOP = 8;

export function numericStats(col: Column, kind: ColumnKind): NumericStats | null {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < col.length; r++) {
    const v = numericCell({ col, kind }, r);
    if (v !== v) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return null;
  const mean = sum / n;
  let ss = 0;
  for (let r = 0; r < col.length; r++) {
    const v = numericCell({ col, kind }, r);
    if (v === v) ss += (v - mean) ** 2;
  }
  return { min, max, mean, std: Math.sqrt(ss / n) };
}

export function histogram(col: Column, kind: ColumnKind, s: NumericStats): HistogramBin[] {
  const bins = s.max === s.min ? 1 : BINS;
  const width = (s.max - s.min) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (let r = 0; r < col.length; r++) {
    const v = numericCell({ col, kind }, r);
    if (v !== v) continue;
    const b = Math.min(bins - 1, Math.floor((v - s.min) / width));
    counts[b]!++;
  }
  return counts.map((count, i) => ({ lo: s.min + i * width, hi: s.min + (i + 1) * width, count }));
}

/** The most frequent values (ties alphabetically), plus the rest folded into one entry. */
export function topCategories(col: Column): CategoryCount[] {
  const counts = new Map<string, number>();
  for (let r = 0; r < col.length; r++) {
    const k = categoryKey(col, r);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = sorted.slice(0, TOP).map(([value, count]) => ({ value, count }));
  const rest = sorted.slice(TOP).reduce((s, [, c]) => s + c, 0);
  if (rest > 0) top.push({ value: `(${sorted.length - TOP} others)`, count: rest });
  return top;
}
