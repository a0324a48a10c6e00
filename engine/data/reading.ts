/** Findings about how a file was read: skipped rows, cells that are not numbers, missing values. */
import type { LoadedTable } from './pipeline';
import type { ColumnSummary, Finding, ImputeStrategy } from './types';

export const IMPUTE_WORDS: Record<ImputeStrategy, string> = {
  drop: 'rows dropped',
  mean: 'filled with the mean',
  median: 'filled with the median',
  mostFrequent: 'filled with the most frequent value',
  constant: 'filled with a constant',
};

export function readingFindings(loaded: LoadedTable, columns: ColumnSummary[]): Finding[] {
  const { table, source } = loaded;
  const out: Finding[] = [];
  if (table.badRowCount > 0) {
    const lines = table.badRows.slice(0, 5).map((b) => `line ${b.line}`);
    out.push({
      id: 'skipped-rows',
      severity: 'warning',
      title: 'Rows skipped',
      detail: `${table.badRowCount} row${table.badRowCount === 1 ? '' : 's'} of "${source.name}" had the wrong number of fields and ${table.badRowCount === 1 ? 'was' : 'were'} left out (${lines.join(', ')}${table.badRowCount > 5 ? ', …' : ''}).`,
      fix: null,
    });
  }
  columns.forEach((c, j) => {
    const inf = loaded.inferred[j]!;
    if (c.role === 'excluded' || inf.invalid === 0 || inf.firstInvalidRow === null) return;
    const r = inf.firstInvalidRow;
    out.push({
      id: 'not-numbers',
      severity: 'warning',
      title: 'Cells that are not numbers',
      detail: `"${source.name}" line ${table.lines[r]}, column "${c.name}": "${table.columns[j]!.text(r)}" is not a number (${inf.invalid} such cell${inf.invalid === 1 ? '' : 's'} in this column). They are treated as missing values.`,
      fix: null,
    });
  });
  const gaps = columns.filter((c) => c.role === 'feature' && c.missing + c.invalid > 0);
  if (gaps.length) {
    out.push({
      id: 'missing-values',
      severity: 'info',
      title: 'Missing values',
      detail:
        gaps
          .map((c) => `"${c.name}": ${c.missing + c.invalid} (${IMPUTE_WORDS[c.impute]})`)
          .join('; ') + '. Fill values come from the training split only.',
      fix: null,
    });
  }
  return out;
}
