/** Words and numbers for the Data panel (pure functions, unit-tested). */
import { plural } from '../../src/plural';
import type { ColumnSummaryData, DatasetSummaryData } from '../../../electron/contract';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 1000 ? x.toFixed(0) : a >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d;
}

/** "wine.csv · 178 rows · 14 columns · 10.9 KB · delimiter “,”" */
export function fileLine(s: DatasetSummaryData): string {
  const f = s.file;
  return `${f.name} · ${plural(f.rows, 'row')} · ${plural(f.columns, 'column')} · ${formatSize(f.size)} · delimiter “${delimiterName(f.delimiter)}”${f.decimalComma ? ' · decimal comma' : ''}`;
}

/** One line about a column's values: statistics or its most frequent categories. */
export function columnValues(c: ColumnSummaryData): string {
  if (c.stats && c.kind !== 'boolean') {
    const s = c.stats;
    return `min ${formatNumber(s.min)} · max ${formatNumber(s.max)} · mean ${formatNumber(s.mean)} · std ${formatNumber(s.std)}`;
  }
  if (c.top?.length)
    return c.top
      .slice(0, 4)
      .map((t) => `${t.value} (${t.count})`)
      .join(', ');
  return '';
}

export const KIND_LABELS: Record<ColumnSummaryData['kind'], string> = {
  numeric: 'number',
  integer: 'integer',
  boolean: 'yes/no',
  categorical: 'category',
  identifier: 'identifier',
  constant: 'constant',
  text: 'free text',
  date: 'date',
  empty: 'empty',
};

export const IMPUTE_LABELS: Record<ColumnSummaryData['impute'], string> = {
  drop: 'drop rows',
  mean: 'mean',
  median: 'median',
  mostFrequent: 'most frequent',
  constant: 'constant',
};

/** The line shown once the user accepts: classes, inputs and the split. */
export function readyLine(s: DatasetSummaryData): string {
  const t = s.target;
  const what =
    t?.task === 'classification'
      ? `${plural(t.classes?.length ?? 0, 'class', 'classes')} (${(t.classes ?? []).join(', ')})`
      : `regression on "${t?.name ?? ''}"`;
  const sp = s.split;
  const split = sp
    ? `${sp.stratified ? 'stratified' : sp.shuffled ? 'shuffled' : 'unshuffled'} split ${sp.train} train / ${sp.validation} validation / ${sp.test} test (seed ${sp.seed})`
    : 'no split yet';
  return `Using ${s.file.name}: ${what}, ${plural(s.encoding.features, 'input')}; ${split}.`;
}
