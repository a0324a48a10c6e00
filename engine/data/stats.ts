/** Per-column statistics for the Data panel: min/max/mean/std, a histogram, top categories. */
import type { Column } from './csv/column';
import { summaryM2, summaryMean } from './csv/summary';
import { numericCell } from './encode';
import { categoryCounts } from './infer';
import type { CategoryCount, ColumnKind, HistogramBin, NumericStats } from './types';

const BINS = 12;
const TOP = 8;

export function numericStats(col: Column, kind: ColumnKind): NumericStats | null {
  if (kind !== 'boolean' || !col.hasStrings) {
    // Kept while parsing (see csv/summary.ts).
    const s = col.summary;
    if (s.n === 0) return null;
    return { min: s.min, max: s.max, mean: summaryMean(s), std: Math.sqrt(summaryM2(s) / s.n) };
  }
  const chunks = numberChunks(col, kind);
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const num of chunks) {
    for (let i = 0; i < num.length; i++) {
      const v = num[i]!;
      if (v !== v) continue;
      n++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  let ss = 0;
  for (const num of chunks) {
    for (let i = 0; i < num.length; i++) {
      const d = num[i]! - mean;
      if (d === d) ss += d * d;
    }
  }
  return { min, max, mean, std: Math.sqrt(ss / n) };
}

export function histogram(col: Column, kind: ColumnKind, s: NumericStats): HistogramBin[] {
  const bins = s.max === s.min ? 1 : BINS;
  const width = (s.max - s.min) / bins || 1;
  const counts = new Int32Array(bins);
  const min = s.min;
  const perBin = 1 / width;
  const last = bins - 1;
  for (const num of numberChunks(col, kind)) {
    for (let i = 0; i < num.length; i++) {
      const v = num[i]!;
      if (v !== v) continue;
      // v ≥ min, so truncation is floor; the maximum lands in the last bin.
      const b = ((v - min) * perBin) | 0;
      counts[b < last ? b : last]!++;
    }
  }
  return Array.from(counts, (count, i) => ({
    lo: s.min + i * width,
    hi: s.min + (i + 1) * width,
    count,
  }));
}

/**
 * A numeric or boolean column's values (NaN: missing or unreadable) as views of its storage
 * chunks, so statistics over a big column are tight loops over typed arrays.
 */
function numberChunks(col: Column, kind: ColumnKind): ArrayLike<number>[] {
  if (kind === 'boolean' && col.hasStrings) {
    // Yes/no words: read cell by cell.
    return [Float64Array.from({ length: col.length }, (_, r) => numericCell({ col, kind }, r))];
  }
  return Array.from({ length: col.chunkCount }, (_, c) =>
    col.numberChunk(c).subarray(0, col.chunkLength(c)),
  );
}

/** The most frequent values (ties alphabetically), plus the rest folded into one entry. */
export function topCategories(col: Column): CategoryCount[] {
  return topOf(categoryCounts(col));
}

/** The most frequent of counted values (ties alphabetically), the rest folded into one entry. */
export function topOf(counts: Map<string, number>): CategoryCount[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = sorted.slice(0, TOP).map(([value, count]) => ({ value, count }));
  const rest = sorted.slice(TOP).reduce((s, [, c]) => s + c, 0);
  if (rest > 0) top.push({ value: `(${sorted.length - TOP} others)`, count: rest });
  return top;
}
