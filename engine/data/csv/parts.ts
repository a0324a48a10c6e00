/**
 * A big file parsed in parts, one per thread: the dialect and header are decided once from the
 * file's first lines (`presetFromHead`), each part is parsed with them (`parseStream` with a
 * `preset`), moved across threads as plain data (`tableToData` / `tableFromData`), and the parts
 * are joined in file order (`mergeParts`), which gives the same table as one sequential parse.
 */
import Papa from 'papaparse';
import {
  checkTable,
  decideHeader,
  HEADER_SAMPLE,
  isBlankRow,
  MAX_BAD_ROWS_LISTED,
  PREVIEW_ROWS,
  type HeaderPreset,
} from './builder';
import { Column, type ColumnData } from './column';
import { detectDialect, type Dialect } from './dialect';
import type { RawTable } from './parse';

/**
 * How to parse one part. `lastPart`: the part ends the file (its trailing blank lines are the
 * file's, not counted; blank lines before another part's start are counted as in one pass).
 */
export type Preset = HeaderPreset & { dialect: Dialect; lastPart: boolean };

/**
 * The dialect and header of a file from its first characters, decided exactly as a sequential
 * parse decides them, or null when the head is too short to be sure (fewer than 50 whole rows,
 * or a quoted field that may run past it): then the file is parsed in one piece.
 */
export function presetFromHead(head: string): Preset | null {
  let text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (text.includes('\u0000')) return null;
  const dialect = detectDialect(text);
  const end = text.lastIndexOf(dialect.newline);
  if (end < 0) return null;
  text = text.slice(0, end);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    newline: dialect.newline as Papa.ParseConfig['newline'],
  });
  if (parsed.errors.some((e) => e.type === 'Quotes')) return null;
  // The same rows the Builder decides on: non-blank, cells trimmed.
  const rows = parsed.data
    .filter((r) => !isBlankRow(r))
    .slice(0, HEADER_SAMPLE)
    .map((r) => r.map((c) => c.trim()));
  if (rows.length < HEADER_SAMPLE) return null;
  return { dialect, ...decideHeader(rows, dialect.decimalComma), headerRow: true, lastPart: true };
}

/** A parsed table as plain data (columns' typed arrays transferable with postMessage). */
export type RawTableData = Omit<RawTable, 'columns'> & { columns: ColumnData[] };

export function tableToData(t: RawTable): RawTableData {
  return { ...t, columns: t.columns.map((c) => c.toData()) };
}

export function tableFromData(d: RawTableData): RawTable {
  return { ...d, columns: d.columns.map((c) => Column.fromData(c)) };
}

/** The typed arrays in a table's data, to transfer rather than copy. */
export function transferables(d: RawTableData): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  out.add(d.lines.buffer as ArrayBuffer);
  for (const c of d.columns) {
    for (const a of c.num) out.add(a.buffer as ArrayBuffer);
    for (const a of c.codes ?? []) out.add(a.buffer as ArrayBuffer);
  }
  return [...out];
}

export interface TablePart {
  table: RawTable;
  /** Lines of the file before the part starts (its own line numbers count from 1). */
  lineOffset: number;
}

/**
 * Joins parts parsed in file order into one table (the parts' columns are emptied on the way),
 * then runs the whole-file checks (rows with the wrong number of fields, no rows).
 */
export function mergeParts(parts: TablePart[], skipBadRows: boolean): RawTable {
  const first = parts[0];
  if (!first) throw new RangeError('no parts to merge');
  const rows = parts.reduce((n, p) => n + p.table.rows, 0);
  const lines = new Int32Array(rows);
  let at = 0;
  const t = first.table;
  const merged: RawTable = { ...t, badRows: [...t.badRows], preview: [...t.preview], lines };
  for (const { table, lineOffset } of parts) {
    for (let r = 0; r < table.rows; r++) lines[at + r] = table.lines[r]! + lineOffset;
    at += table.rows;
    if (table === t) continue;
    table.columns.forEach((c, j) => merged.columns[j]!.append(c));
    merged.rows += table.rows;
    merged.emptyLines += table.emptyLines;
    merged.badRowCount += table.badRowCount;
    for (const b of table.badRows) {
      if (merged.badRows.length >= MAX_BAD_ROWS_LISTED) break;
      merged.badRows.push({ line: b.line + lineOffset, fields: b.fields });
    }
    for (const p of table.preview) if (merged.preview.length < PREVIEW_ROWS) merged.preview.push(p);
  }
  return checkTable(merged, skipBadRows);
}
