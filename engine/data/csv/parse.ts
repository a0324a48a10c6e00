/**
 * CSV text → typed columns, with papaparse doing the parsing (quotes, embedded delimiters and
 * newlines). We add what a user's file needs on top: delimiter / decimal comma / header
 * detection, line numbers for every row (so messages can point at them), field-count checks,
 * and cooperative pauses so a host can stay responsive and report progress on big files.
 */
import Papa from 'papaparse';
import { DatasetError } from '../errors';
import type { SkippedRow } from '../types';
import { Column } from './column';
import { detectDialect, firstRowIsHeader, type Dialect } from './dialect';

export interface ParseOptions {
  /** File name for messages. */
  file: string;
  skipBadRows?: boolean;
  /** Called now and then with the fraction of the text read. */
  onProgress?(fraction: number): void;
  /** If given, parsing pauses about every `yieldMs` and awaits this (e.g. setImmediate). */
  yieldTo?(): Promise<void>;
  yieldMs?: number;
}

export interface RawTable {
  file: string;
  dialect: Dialect;
  hasHeader: boolean;
  header: string[];
  columns: Column[];
  rows: number;
  /** Line (1-based) on which data row r starts. */
  lines: Int32Array;
  emptyLines: number;
  badRows: SkippedRow[];
  badRowCount: number;
  preview: string[][];
  notes: string[];
}

const PREVIEW_ROWS = 20;
const HEADER_SAMPLE = 50;
const MAX_BAD_ROWS_LISTED = 20;

export function parseTable(text: string, options: ParseOptions): Promise<RawTable> {
  const file = options.file;
  const body = trimEnd(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (body.slice(0, 65536).includes('\u0000')) {
    throw new DatasetError(`"${file}" looks like a binary file, not CSV text.`, {
      problem: 'binary',
      file,
    });
  }
  if (body.trim() === '') {
    throw new DatasetError(`"${file}" is empty: it has no header and no rows.`, {
      problem: 'empty',
      file,
    });
  }
  const dialect = detectDialect(body);
  const nl = dialect.newline === '\r' ? '\r' : '\n';
  const b = new Builder(file, dialect, options.skipBadRows ?? false);

  let base = 0; // absolute offset of the text papaparse is parsing now (it restarts on resume)
  let pos = 0; // absolute offset where the next row starts
  let line = 1; // line on which the next row starts
  let rowsSinceCheck = 0;
  let last = Date.now();
  const yieldMs = options.yieldMs ?? 50;

  return new Promise<RawTable>((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown, parser?: Papa.Parser) => {
      failed = true;
      parser?.abort();
      reject(err);
    };
    Papa.parse<string[]>(body, {
      delimiter: dialect.delimiter,
      newline: dialect.newline as Papa.ParseConfig['newline'],
      step(result, parser) {
        if (failed) return;
        const start = line;
        const end = base + result.meta.cursor;
        // Count the newlines this row spans (more than one when a quoted field holds some).
        let k = body.indexOf(nl, pos);
        while (k >= 0 && k < end) {
          line++;
          k = body.indexOf(nl, k + 1);
        }
        pos = end;
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          const what =
            quoteError.code === 'MissingQuotes'
              ? 'a quoted field starts here and is never closed'
              : 'a quoted field has text after its closing quote';
          return fail(
            new DatasetError(`"${file}" line ${start}: ${what}.`, {
              problem: 'quotes',
              file,
              line: start,
            }),
            parser,
          );
        }
        try {
          b.row(result.data, start);
        } catch (err) {
          return fail(err, parser);
        }
        if (options.yieldTo && ++rowsSinceCheck >= 4096) {
          rowsSinceCheck = 0;
          if (Date.now() - last >= yieldMs) {
            options.onProgress?.(end / body.length);
            base = end;
            parser.pause();
            void options.yieldTo().then(() => {
              last = Date.now();
              parser.resume();
            });
          }
        }
      },
      complete() {
        if (failed) return;
        try {
          options.onProgress?.(1);
          resolve(b.finish());
        } catch (err) {
          reject(err);
        }
      },
    });
  });
}

/** The text without its trailing line breaks (so they do not count as empty lines). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Collects rows into columns; decides on the header once it has seen a few rows. */
class Builder {
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

  constructor(
    private readonly file: string,
    private readonly dialect: Dialect,
    private readonly skipBadRows: boolean,
  ) {}

  row(raw: string[], line: number): void {
    if (raw.length === 1 && raw[0]!.trim() === '') {
      this.emptyLines++;
      return;
    }
    const cells = raw.map((c) => c.trim());
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
    this.hasHeader = firstRowIsHeader(
      pending.map((p) => p.cells),
      this.dialect.decimalComma,
    );
    if (this.hasHeader) {
      this.header = first.cells;
      this.headerLine = first.line;
      this.checkHeader();
    } else {
      this.header = first.cells.map((_, i) => `col_${i + 1}`);
      this.notes.push(
        `The first line holds data, not column names, so the columns are named col_1…col_${this.header.length}.`,
      );
    }
    this.columns = this.header.map((name) => new Column(name, this.dialect.decimalComma));
    for (const p of this.hasHeader ? pending.slice(1) : pending) this.add(p.cells, p.line);
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
    this.lines[this.rows++] = line;
    for (let j = 0; j < cells.length; j++) this.columns[j]!.push(cells[j]!);
    if (this.preview.length < PREVIEW_ROWS) this.preview.push(cells);
  }

  finish(): RawTable {
    if (this.pending) this.start();
    const file = this.file;
    if (this.badRowCount > 0 && !this.skipBadRows) {
      const listed = this.badRows.slice(0, 5);
      const where = listed.map((r) => `line ${r.line} has ${r.fields}`).join(', ');
      const more =
        this.badRowCount > listed.length ? ` (and ${this.badRowCount - listed.length} more)` : '';
      throw new DatasetError(
        `"${file}": ${this.badRowCount} row${this.badRowCount === 1 ? '' : 's'} do${this.badRowCount === 1 ? 'es' : ''} not have the header's ${this.columns.length} fields: ${where}${more}. Fix the file, or choose "Skip bad rows" to leave them out.`,
        { problem: 'field-count', file, line: listed[0]?.line, lines: listed.map((r) => r.line) },
      );
    }
    if (this.rows === 0) {
      throw this.hasHeader && this.badRowCount === 0
        ? new DatasetError(`"${file}" has a header row but no data rows.`, {
            problem: 'header-only',
            file,
            line: this.headerLine,
          })
        : new DatasetError(`"${file}" has no usable rows.`, { problem: 'no-rows', file });
    }
    return {
      file,
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
}
