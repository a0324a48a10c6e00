/**
 * Which raw rows go into reference_predictions.json and the exported data file: test rows as
 * the CSV holds them, plus rows that exercise the preprocessing (a missing number, a missing and
 * an unseen category), so every format is checked on imputation and one-hot too.
 */
import type { RawTable } from '../data/csv/parse';
import type { Preprocessing } from './preprocessing';

export const REFERENCE_ROWS = 20;

export function rowRecord(table: RawTable, r: number, names: readonly string[]) {
  const out: Record<string, string> = {};
  for (const n of names) {
    const j = table.header.indexOf(n);
    out[n] = j >= 0 ? table.columns[j]!.text(r) : '';
  }
  return out;
}

export function referenceRecords(
  table: RawTable,
  pre: Preprocessing,
  rows: ArrayLike<number>,
): Record<string, string>[] {
  const names = pre.features.map((f) => f.name);
  const picked: Record<string, string>[] = [];
  for (let i = 0; i < rows.length && picked.length < REFERENCE_ROWS; i++)
    picked.push(rowRecord(table, rows[i]!, names));
  if (picked.length === 0) return picked;
  const crafted: Record<string, string>[] = [];
  const numeric = pre.features.find((f) => !f.categories);
  const categorical = pre.features.find((f) => f.categories);
  if (numeric) crafted.push({ ...picked[0]!, [numeric.name]: '' });
  if (categorical) {
    crafted.push({ ...picked[1 % picked.length]!, [categorical.name]: 'NA' });
    crafted.push({ ...picked[2 % picked.length]!, [categorical.name]: 'never-seen-in-training' });
  }
  const keep = Math.max(0, REFERENCE_ROWS - crafted.length);
  return [...picked.slice(0, keep), ...crafted];
}

/** The table as CSV text (header + every data row), so row r of the text is table row r. */
export function tableCsv(table: RawTable): string {
  const quote = (s: string) =>
    /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
  const lines = [table.header.map(quote).join(',')];
  for (let r = 0; r < table.rows; r++)
    lines.push(table.columns.map((c) => quote(c.text(r))).join(','));
  return lines.join('\n') + '\n';
}
