/**
 * A separate test file: its rows are the test split, encoded with the encoder fitted on the
 * training file (same columns by name, training categories, training scaling), so nothing about
 * the test rows leaks into training. Rows whose class the training file never had are left out
 * and reported.
 */
import type { Column } from './csv/column';
import { numericCell, type Encoder } from './encode';
import { DatasetError } from './errors';
import { categoryKey } from './infer';
import type { LoadedTable } from './pipeline';
import type { Finding } from './types';

export interface TestPart {
  name: string;
  /** Rows of the test table used as the test split. */
  rows: Int32Array;
  /** The training encoder, reading the test table's columns. */
  encoder: Encoder;
  /** Class counts of the used rows (classification). */
  classCounts: number[] | null;
  leftOut: number;
  findings: Finding[];
}

/** Refuses a test file that lacks a column the training file uses (named in the message). */
export function checkTestColumns(train: LoadedTable, test: LoadedTable, used: string[]): void {
  const have = new Set(test.table.header);
  const missing = used.filter((c) => !have.has(c));
  if (missing.length) {
    throw new DatasetError(
      `The test file "${test.source.name}" has no column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')}, which "${train.source.name}" uses. Its columns must have the same names.`,
      { problem: 'bad-options', file: test.source.name, column: missing[0] },
    );
  }
}

/** `skip`: test rows to leave out (duplicates of training rows, when the user drops those). */
export function prepareTest(test: LoadedTable, encoder: Encoder, skip?: Set<number>): TestPart {
  const table = test.table;
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const col = (c: Column) => byName.get(c.name)!;
  const plans = encoder.plans.map((p) => ({ ...p, col: col(p.col) }));
  const t = encoder.target;
  const bound: Encoder = { ...encoder, plans, target: { ...t, col: col(t.col) } };
  const target = bound.target.col;
  const rows: number[] = [];
  const unknown = new Map<string, number>();
  let leftOut = 0;
  const counts = t.task === 'classification' ? new Array<number>(t.classes.length).fill(0) : null;
  for (let r = 0; r < table.rows; r++) {
    if (skip?.has(r)) continue;
    const gap = plans.some(
      (p) =>
        p.impute === 'drop' &&
        (p.kind === 'categorical'
          ? categoryKey(p.col, r) === null
          : numericCell(p, r) !== numericCell(p, r)),
    );
    let cls = -1;
    if (t.task === 'classification') {
      const key = categoryKey(target, r);
      cls = key === null ? -1 : (t.index.get(key) ?? -1);
      if (key !== null && cls < 0) unknown.set(key, (unknown.get(key) ?? 0) + 1);
    }
    const hasTarget =
      t.task === 'classification' ? cls >= 0 : target.number(r) === target.number(r);
    if (gap || !hasTarget) {
      leftOut++;
      continue;
    }
    if (counts) counts[cls]!++;
    rows.push(r);
  }
  const findings: Finding[] = [];
  if (unknown.size) {
    const names = [...unknown.keys()].slice(0, 5).map((k) => `"${k}"`);
    findings.push({
      id: 'test-unknown-classes',
      severity: 'warning',
      title: 'Test rows with classes the training file lacks',
      detail: `${[...unknown.values()].reduce((a, b) => a + b, 0)} rows of "${test.source.name}" have class ${names.join(', ')}, which "${target.name}" never has in the training file; they are left out of the test split.`,
      fix: null,
    });
  }
  if (rows.length === 0) {
    findings.push({
      id: 'test-empty',
      severity: 'error',
      title: 'The test file has no usable rows',
      detail: `No row of "${test.source.name}" can be tested (missing or unknown targets). Choose another test file or remove it.`,
      fix: null,
    });
  }
  return {
    name: test.source.name,
    rows: Int32Array.from(rows),
    encoder: bound,
    classCounts: counts,
    leftOut,
    findings,
  };
}

/** Rows compared for duplicates across files at most (beyond, the check samples the start). */
const MAX_COMPARED = 200_000;

/**
 * Test-file rows (indices) that repeat a training row exactly (same feature and target texts). Tables
 * have their own dictionaries, so rows are compared by text here, not by hash of codes.
 */
export function crossDuplicates(train: Encoder, trainRows: Int32Array, test: TestPart): number[] {
  const key = (enc: Encoder, r: number) =>
    [...enc.plans.map((p) => p.col), enc.target.col].map((c) => c.text(r)).join('\u0001');
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(trainRows.length, MAX_COMPARED); i++)
    seen.add(key(train, trainRows[i]!));
  const dups: number[] = [];
  for (let i = 0; i < Math.min(test.rows.length, MAX_COMPARED); i++)
    if (seen.has(key(test.encoder, test.rows[i]!))) dups.push(test.rows[i]!);
  return dups;
}
