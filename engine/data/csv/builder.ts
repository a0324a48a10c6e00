/** Collects parsed rows into typed columns; decides on the header once it has seen a few rows. */
import { DatasetError } from '../errors';
import type { SkippedRow } from '../types';
import { Column } from './column';
import { firstRowIsHeader, type Dialect } from './dialect';
import type { RawTable } from './parse';

export const PREVIEW_ROWS = 20;
/** Non-blank rows looked at to decide whether the first is a header. */
export const HEADER_SAMPLE = 50;
export const MAX_BAD_ROWS_LISTED = 20;
/**
 * Columns a table may have. Every column is kept in memory with its statistics and crosses to
 * the Data panel as a summary; beyond this a file is refused before any row is stored.
 */
export const MAX_COLUMNS = 20_000;
/** Cells (rows × columns) a table may have: 4 to 12 bytes each in memory. */
export const MAX_CELLS = 1 << 28;

const count = (n: number) => n.toLocaleString('en-US');

export function tooManyColumns(file: string, columns: number, line: number): DatasetError {
  return new DatasetError(
    `"${file}" line ${line} has ${count(columns)} columns; Layerlab reads at most ${count(MAX_COLUMNS)}. Keep the columns you need (in a spreadsheet or with a script) and open the file again.`,
    { problem: 'too-many-columns', file, line, columns, limit: MAX_COLUMNS },
  );
}

export function tooManyCells(file: string, columns: number): DatasetError {
  return new DatasetError(
    `"${file}" has more than ${count(MAX_CELLS)} cells (rows × ${count(columns)} columns); Layerlab keeps every cell in memory. Use a sample of the rows or fewer columns.`,
    { problem: 'too-many-cells', file, columns, limit: MAX_CELLS },
  );
}

/** A line with nothing on it (counted as an empty line, not a row). */
export function isBlankRow(raw: string[]): boolean {
  return raw.length === 1 && raw[0]!.trim() === '';
}

/** Whether the first of the sample rows is a header, and the column names either way. */
export function decideHeader(
  rows: string[][],
  decimalComma: boolean,
): { hasHeader: boolean; header: string[] } {
  const hasHeader = firstRowIsHeader(rows, decimalComma);
  const first = rows[0] ?? [];
  return { hasHeader, header: hasHeader ? first : generatedHeader(first.length) };
}

/**
 * A header decided beforehand (when a big file is parsed in parts, from its first lines), so a
 * part that starts mid-file gets the same columns. `headerRow`: this part starts with the
 * header line, to be skipped (only the first part).
 */
export interface HeaderPreset {
  hasHeader: boolean;
  header: string[];
  headerRow: boolean;
}

export class Builder {
  private pending: { cells: string[]; line: number }[] | null = [];
  private header: string[] = [];
  private hasHeader = true;
  private columns: Column[] = [];
  private lines = new Int32Array(1024);
  private rows = 0;
  private emptyLines = 0;
  private badRows: SkippedRow[] = [];
  private badRowCount = 0;
  private preview: string[][] = [];
  private notes: string[] = [];
  private headerLine = 1;
  private skipHeaderRow = false;

  constructor(
    private readonly file: string,
    private readonly dialect: Dialect,
    private readonly skipBadRows: boolean,
    preset?: HeaderPreset,
  ) {
    if (preset) {
      this.pending = null;
      this.hasHeader = preset.hasHeader;
      this.header = preset.header;
      this.skipHeaderRow = preset.hasHeader && preset.headerRow;
      if (this.header.length > MAX_COLUMNS) throw tooManyColumns(file, this.header.length, 1);
      if (!preset.hasHeader && preset.headerRow) this.noHeaderNote();
      this.columns = this.header.map((name) => new Column(name, this.dialect.decimalComma));
    }
  }

  row(raw: string[], line: number): void {
    if (isBlankRow(raw)) {
      this.emptyLines++;
      return;
    }
    // Refused at the first line: 50 sample rows of a very wide file would already be too much.
    if (this.pending?.length === 0 && raw.length > MAX_COLUMNS)
      throw tooManyColumns(this.file, raw.length, line);
    if (this.skipHeaderRow) {
      this.skipHeaderRow = false;
      this.headerLine = line;
      this.checkHeader();
      return;
    }
    const cells = raw; // trimmed in place: no second array per row
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j]!;
      // Most cells have no surrounding blanks: skip the call then.
      const a = c.charCodeAt(0);
      const z = c.charCodeAt(c.length - 1);
      // Blanks and other Unicode spaces (NBSP, BOM...) are outside printable ASCII.
      if (a <= 32 || a > 126 || z <= 32 || z > 126) cells[j] = c.trim();
    }
    if (this.pending) {
      this.pending.push({ cells, line });
      if (this.pending.length >= HEADER_SAMPLE) this.start();
      return;
    }
    this.add(cells, line);
  }

  private start(): void {
    const pending = this.pending ?? [];
    this.pending = null;
    const first = pending[0];
    if (!first) return;
    const decided = decideHeader(
      pending.map((p) => p.cells),
      this.dialect.decimalComma,
    );
    this.hasHeader = decided.hasHeader;
    this.header = decided.header;
    if (this.hasHeader) {
      this.headerLine = first.line;
      this.checkHeader();
    } else {
      this.noHeaderNote();
    }
    this.columns = this.header.map((name) => new Column(name, this.dialect.decimalComma));
    for (const p of this.hasHeader ? pending.slice(1) : pending) this.add(p.cells, p.line);
  }

  private noHeaderNote(): void {
    this.notes.push(
      `The first line holds data, not column names, so the columns are named col_1…col_${this.header.length}.`,
    );
  }

  private checkHeader(): void {
    const seen = new Map<string, number>();
    this.header.forEach((name, i) => {
      if (name === '') {
        throw new DatasetError(
          `"${this.file}" line ${this.headerLine}: column ${i + 1} has no name in the header row. Give every column a name.`,
          { problem: 'blank-header', file: this.file, line: this.headerLine, columnIndex: i + 1 },
        );
      }
      const prev = seen.get(name);
      if (prev !== undefined) {
        throw new DatasetError(
          `"${this.file}" line ${this.headerLine}: the header names two columns "${name}" (columns ${prev + 1} and ${i + 1}). Column names must be unique.`,
          { problem: 'duplicate-header', file: this.file, line: this.headerLine, column: name },
        );
      }
      seen.set(name, i);
    });
  }

  private add(cells: string[], line: number): void {
    if (cells.length !== this.columns.length) {
      this.badRowCount++;
      if (this.badRows.length < MAX_BAD_ROWS_LISTED)
        this.badRows.push({ line, fields: cells.length });
      return;
    }
    if (this.rows === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    if ((this.rows + 1) * cells.length > MAX_CELLS) throw tooManyCells(this.file, cells.length);
    this.lines[this.rows++] = line;
    for (let j = 0; j < cells.length; j++) this.columns[j]!.push(cells[j]!);
    if (this.preview.length < PREVIEW_ROWS) this.preview.push(cells);
  }

  /** The table so far, unchecked (a part of a file; `checkTable` runs on the whole). */
  result(): RawTable {
    if (this.pending) this.start();
    return {
      file: this.file,
      dialect: this.dialect,
      hasHeader: this.hasHeader,
      header: this.header,
      columns: this.columns,
      rows: this.rows,
      lines: this.lines.subarray(0, this.rows),
      emptyLines: this.emptyLines,
      badRows: this.badRows,
      badRowCount: this.badRowCount,
      preview: this.preview,
      notes: this.notes,
    };
  }

  finish(): RawTable {
    return checkTable(this.result(), this.skipBadRows, this.headerLine);
  }
}

function generatedHeader(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `col_${i + 1}`);
}

/** The whole file's checks: rows with the wrong number of fields, no rows at all. */
export function checkTable(t: RawTable, skipBadRows: boolean, headerLine = 1): RawTable {
  const file = t.file;
  if (t.badRowCount > 0 && !skipBadRows) {
    const listed = t.badRows.slice(0, 5);
    const where = listed.map((r) => `line ${r.line} has ${r.fields}`).join(', ');
    const more =
      t.badRowCount > listed.length ? ` (and ${t.badRowCount - listed.length} more)` : '';
    throw new DatasetError(
      `"${file}": ${t.badRowCount} row${t.badRowCount === 1 ? '' : 's'} do${t.badRowCount === 1 ? 'es' : ''} not have the header's ${t.columns.length} fields: ${where}${more}. Fix the file, or choose "Skip bad rows" to leave them out.`,
      { problem: 'field-count', file, line: listed[0]?.line, lines: listed.map((r) => r.line) },
    );
  }
  // Parts each stay under the limit; the joined table may not.
  if (t.rows * t.columns.length > MAX_CELLS) throw tooManyCells(file, t.columns.length);
  if (t.rows === 0) {
    throw t.hasHeader && t.badRowCount === 0
      ? new DatasetError(`"${file}" has a header row but no data rows.`, {
          problem: 'header-only',
          file,
          line: headerLine,
        })
      : new DatasetError(`"${file}" has no usable rows.`, { problem: 'no-rows', file });
  }
  return t;
}
