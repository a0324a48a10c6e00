/**
 * Column type inference: what each column of a parsed table holds, and whether it can feed the
 * network. Decisions come with a reason the Data panel shows; the user can override any of them.
 */
import { isNonFiniteNumber, looksLikeDate, parseBoolean } from './csv/cells';
import { CHUNK, MISSING, NUMBER, type Column } from './csv/column';
import type { ColumnKind } from './types';

export interface Inference {
  kind: ColumnKind;
  reason: string | null;
  /**
   * Distinct non-missing values. For numbers, counting stops past DISTINCT_CAP (a column with
   * that many values is a measurement, whatever the exact count), except in columns named like
   * an ID, where uniqueness matters.
   */
  distinct: number;
  /** Non-number cells in a column read as numeric (they count as missing). */
  invalid: number;
  /** Row of the first such cell, for the message. */
  firstInvalidRow: number | null;
  /**
   * Cells of a numeric column written as numbers without a finite value ("1e309", "Infinity"):
   * not counted as strings (the column stays numeric); their value is missing.
   */
  nonFinite: number;
  /** Rows of the first few of them, for the finding. */
  nonFiniteRows: number[];
}

const DISTINCT_CAP = 1000;
/** At most this many categories make a string column categorical (one-hot width). */
export const MAX_CATEGORIES = 200;
const ID_NAME = /(^|[_\s-])(id|uuid|guid|key)$|^id/i;

export function inferColumn(col: Column): Inference {
  const n = col.length;
  const filled = n - col.missing;
  const base = { invalid: 0, firstInvalidRow: null, nonFinite: 0, nonFiniteRows: [] };
  if (filled === 0)
    return { ...base, kind: 'empty', reason: 'every value is missing', distinct: 0 };

  const inf = nonFiniteCells(col);
  // Cells with a value: a finite number or a string.
  const valued = filled - inf.count;
  const stringCells = valued - col.numbers;
  const nums = scanNumbers(col, ID_NAME.test(col.name) ? Infinity : DISTINCT_CAP);
  if (stringCells === 0 || col.numbers >= 0.9 * valued) {
    const invalid = stringCells;
    const firstInvalidRow = invalid > 0 ? firstStringRow(col, inf.codes) : null;
    const note =
      invalid > 0
        ? `${invalid} cell${invalid === 1 ? ' is' : 's are'} not a number (first: "${col.text(firstInvalidRow ?? 0)}"); treated as missing`
        : null;
    const r = { invalid, firstInvalidRow, nonFinite: inf.count, nonFiniteRows: inf.rows };
    if (nums.distinct === 1 && invalid === 0)
      return { ...r, kind: 'constant', reason: 'the same value in every row', distinct: 1 };
    if (nums.integers) {
      if (nums.distinct === 2 && nums.zeroOne)
        return { ...r, kind: 'boolean', reason: note, distinct: 2 };
      const unique = nums.distinct === valued && valued >= 20;
      if (unique && (nums.countsUp || ID_NAME.test(col.name))) {
        return {
          ...r,
          kind: 'identifier',
          reason: 'a different value in every row, like a row number or an ID',
          distinct: nums.distinct,
        };
      }
      return { ...r, kind: 'integer', reason: note, distinct: nums.distinct };
    }
    return { ...r, kind: 'numeric', reason: note, distinct: nums.distinct };
  }

  // Mostly strings: numbers in the column are read as their text.
  const distinct = col.strings.length + nums.distinct;
  if (distinct === 1)
    return { ...base, kind: 'constant', reason: 'the same value in every row', distinct };
  if (distinct === 2 && booleanish(col, nums.zeroOne))
    return { ...base, kind: 'boolean', reason: null, distinct };
  const sample = col.strings.slice(0, 1000);
  if (sample.filter(looksLikeDate).length >= 0.9 * sample.length) {
    return {
      ...base,
      kind: 'date',
      reason:
        'dates are not used as features; add numeric columns (year, month, ...) if they matter',
      distinct,
    };
  }
  const wordy = sample.filter((v) => /\S\s+\S/.test(v)).length >= 0.5 * sample.length;
  if (distinct === filled && filled >= 20 && !wordy) {
    return {
      ...base,
      kind: 'identifier',
      reason: 'a different value in every row, like a name or an ID',
      distinct,
    };
  }
  const repeats = !wordy || distinct <= filled / 2; // sentences are categories only if they recur
  if (repeats && distinct <= MAX_CATEGORIES && (distinct <= 50 || distinct <= 0.05 * filled))
    return { ...base, kind: 'categorical', reason: null, distinct };
  return {
    ...base,
    kind: 'text',
    reason: `free text: ${distinct} different values in ${filled} rows`,
    distinct,
  };
}

interface NumberScan {
  distinct: number;
  integers: boolean;
  zeroOne: boolean;
  /** Values go 1, 2, 3, … (or any start) in row order: a row counter. */
  countsUp: boolean;
}

function scanNumbers(col: Column, cap: number): NumberScan {
  // Usually known from parsing already (see csv/summary.ts).
  const distinct = col.distinctNumbers(cap);
  if (distinct !== null) {
    const s = col.summary;
    return { distinct, integers: s.integers, zeroOne: s.zeroOne, countsUp: s.countsUp };
  }
  const seen = new Set<number>();
  let integers = true;
  let zeroOne = true;
  let countsUp = true;
  let prev = NaN;
  for (let c = 0; c < col.chunkCount; c++) {
    const num = col.numberChunk(c);
    const end = col.chunkLength(c);
    for (let i = 0; i < end; i++) {
      const v = num[i]!;
      if (v !== v) continue;
      if (integers && !Number.isInteger(v)) integers = false;
      if (zeroOne && v !== 0 && v !== 1) zeroOne = false;
      if (countsUp && prev === prev && v !== prev + 1) countsUp = false;
      prev = v;
      if (seen.size <= cap) seen.add(v);
    }
  }
  return { distinct: seen.size, integers, zeroOne, countsUp };
}

/** The first row holding a string (other than a non-finite number, flagged by code). */
function firstStringRow(col: Column, nonFinite: Uint8Array | null): number | null {
  for (let r = 0; r < col.length; r++) {
    const code = col.code(r);
    if (code >= 0 && !nonFinite?.[code]) return r;
  }
  return null;
}

const NON_FINITE_ROWS = 5;

/**
 * The string cells of a column that are numbers without a finite value: flagged per dictionary
 * code, counted, the first rows kept. Only columns with numbers are looked at (a text column's
 * "inf" is a word).
 */
function nonFiniteCells(col: Column): { count: number; rows: number[]; codes: Uint8Array | null } {
  const none = { count: 0, rows: [], codes: null };
  if (!col.hasStrings || col.numbers === 0) return none;
  const flags = new Uint8Array(col.strings.length);
  let any = false;
  col.strings.forEach((s, code) => {
    if (!isNonFiniteNumber(s, col.decimalComma)) return;
    flags[code] = 1;
    any = true;
  });
  if (!any) return none;
  let count = 0;
  const rows: number[] = [];
  for (let c = 0; c < col.chunkCount; c++) {
    const codes = col.codeChunk(c)!;
    const end = col.chunkLength(c);
    for (let i = 0; i < end; i++) {
      const code = codes[i]!;
      if (code < 0 || !flags[code]) continue;
      count++;
      if (rows.length < NON_FINITE_ROWS) rows.push(c * CHUNK + i);
    }
  }
  return { count, rows, codes: flags };
}

function booleanish(col: Column, zeroOne: boolean): boolean {
  if (col.numbers > 0 && !zeroOne) return false;
  return col.strings.every((s) => parseBoolean(s) === parseBoolean(s));
}

/** The category key of a cell: its text. MISSING cells have none. */
export function categoryKey(col: Column, r: number): string | null {
  const code = col.code(r);
  if (code === MISSING) return null;
  return code === NUMBER ? col.numberText(col.number(r)) : col.strings[code]!;
}

/**
 * A fast `index.get(categoryKey(col, r))` for every row of a big column: the lookup is cached
 * per dictionary code and per distinct number, so a million rows cost a handful of string
 * lookups. Missing cells give `missing`; keys not in `index` give -1.
 */
export function categoryIndexer(
  col: Column,
  index: ReadonlyMap<string, number>,
  missing = -1,
): (r: number) => number {
  const byCode = Int32Array.from(col.strings, (s) => index.get(s) ?? -1);
  const byNumber = new Map<number, number>();
  return (r) => {
    const v = col.number(r);
    if (v === v) {
      let i = byNumber.get(v);
      if (i === undefined) {
        i = index.get(col.numberText(v)) ?? -1;
        byNumber.set(v, i);
      }
      return i;
    }
    const code = col.code(r);
    return code === MISSING ? missing : byCode[code]!;
  };
}

/** The distinct category keys of a column, collecting at most `cap` + 1. */
export function categoryKeys(col: Column, cap: number): Set<string> {
  const keys = new Set<string>();
  const numbers = new Set<number>();
  const codes = new Uint8Array(col.strings.length);
  for (let r = 0; r < col.length && keys.size + numbers.size <= cap; r++) {
    const v = col.number(r);
    if (v === v) numbers.add(v);
    else {
      const code = col.code(r);
      if (code >= 0 && !codes[code]) {
        codes[code] = 1;
        keys.add(col.strings[code]!);
      }
    }
  }
  for (const v of numbers) keys.add(col.numberText(v));
  return keys;
}

/**
 * Rows per category key (missing cells left out), among the rows marked in `mask` or all rows:
 * counted per dictionary code and per distinct number, turned into keys once.
 */
export function categoryCounts(col: Column, mask: Uint8Array | null = null): Map<string, number> {
  const byCode = new Int32Array(col.strings.length);
  const byNumber = new Map<number, number>();
  for (let r = 0; r < col.length; r++) {
    if (mask && !mask[r]) continue;
    const v = col.number(r);
    if (v === v) byNumber.set(v, (byNumber.get(v) ?? 0) + 1);
    else {
      const code = col.code(r);
      if (code >= 0) byCode[code]!++;
    }
  }
  const counts = new Map<string, number>();
  const add = (k: string, c: number) => counts.set(k, (counts.get(k) ?? 0) + c);
  byCode.forEach((c, code) => c > 0 && add(col.strings[code]!, c));
  for (const [v, c] of byNumber) add(col.numberText(v), c);
  return counts;
}
