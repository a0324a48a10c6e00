/**
 * CSV text → typed columns, with papaparse doing the parsing (quotes, embedded delimiters and
 * newlines). We add what a user's file needs on top: delimiter / decimal comma / header
 * detection, line numbers for every row (so messages can point at them), field-count checks,
 * and streaming: text arrives in pieces (a big file is never held whole), is cut at line breaks
 * outside quotes, and between pieces the host may breathe (answer requests, report progress).
 */
import Papa from 'papaparse';
import { DatasetError } from '../errors';
import type { SkippedRow } from '../types';
import { Builder, type HeaderPreset } from './builder';
import type { Column } from './column';
import { detectDialect, type Dialect } from './dialect';

export interface ParseOptions {
  /** File name for messages. */
  file: string;
  skipBadRows?: boolean;
  /** Called now and then with the fraction read (for a stream: from `fraction()`). */
  onProgress?(fraction: number): void;
  /** If given, parsing pauses about every `yieldMs` and awaits this (e.g. setImmediate). */
  yieldTo?(): Promise<void>;
  yieldMs?: number;
  /** Characters per piece handed to papaparse (tests use small pieces). */
  chunkChars?: number;
  /**
   * Dialect and header decided beforehand: the text is one part of a bigger file (see
   * csv/parts.ts). Lines are then counted from the part's start, and the result is not checked
   * as a whole file (`checkTable` runs once the parts are merged).
   */
  preset?: HeaderPreset & { dialect: Dialect; lastPart: boolean };
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

/** Text in pieces, and how far through the source they are (for progress). */
export interface TextStream {
  pieces: AsyncIterable<string> | Iterable<string>;
  fraction?(): number;
}

// Small pieces keep papaparse's per-row garbage young (measured: 1 MB pieces parse ~10 % slower).
const CHUNK = 1 << 16;
const SNIFF = 65536;

/** Parses a whole text (tests, dropped files, samples). */
export function parseTable(text: string, options: ParseOptions): Promise<RawTable> {
  return parseStream({ pieces: [text] }, options);
}

export async function parseStream(stream: TextStream, options: ParseOptions): Promise<RawTable> {
  const file = options.file;
  const size = options.chunkChars ?? CHUNK;
  const yieldMs = options.yieldMs ?? 50;
  let last = Date.now();
  let buf = '';
  const st: { dialect: Dialect | null; b: Builder | null } = { dialect: null, b: null };
  let line = 1;
  let nl = '\n';
  let pos = 0; // characters consumed before `buf` (for progress of a single text)
  let total = 0;

  const start = (final: boolean): boolean => {
    if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    if (!final && buf.length < SNIFF) return false;
    if (options.preset) {
      st.dialect = options.preset.dialect;
      nl = st.dialect.newline;
      st.b = new Builder(file, st.dialect, options.skipBadRows ?? false, options.preset);
      return true;
    }
    if (buf.slice(0, SNIFF).includes('\u0000'))
      throw new DatasetError(`"${file}" looks like a binary file, not CSV text.`, {
        problem: 'binary',
        file,
      });
    if (final && buf.trim() === '')
      throw new DatasetError(`"${file}" is empty: it has no header and no rows.`, {
        problem: 'empty',
        file,
      });
    st.dialect = detectDialect(buf);
    nl = st.dialect.newline;
    st.b = new Builder(file, st.dialect, options.skipBadRows ?? false);
    return true;
  };

  for await (const piece of stream.pieces) {
    buf = buf ? buf + piece : piece;
    total += piece.length;
    if (!st.b && !start(false)) continue;
    // Most files have no quote character at all: then every line break is a row's end.
    const quoteFree = buf.indexOf('"') < 0;
    let at = 0;
    while (buf.length - at > size) {
      const cut = quoteFree ? buf.indexOf(nl, at + size) : safeCut(buf, at, size, nl);
      if (cut < 0) break; // a quoted field runs on: wait for more text
      const chunk = buf.slice(at, cut);
      line = parseChunk(chunk, !quoteFree, line, nl, st.dialect!, st.b!, file, true);
      pos += cut + 1 - at;
      at = cut + 1;
      if (options.yieldTo && Date.now() - last >= yieldMs) {
        options.onProgress?.(stream.fraction ? stream.fraction() : pos / total);
        await options.yieldTo();
        last = Date.now();
      }
    }
    buf = buf.slice(at);
  }
  if (!st.b) start(true);
  let end = buf.length;
  const isBreak = (i: number) => buf.charCodeAt(i) === 10 || buf.charCodeAt(i) === 13;
  if (options.preset && !options.preset.lastPart) {
    // A part cut before the next one: only its own line break ends it; blank lines before
    // it count as in a sequential parse.
    if (end > 0 && buf[end - 1] === nl) end--;
    if (nl === '\n' && end > 0 && buf.charCodeAt(end - 1) === 13) end--;
  } else while (end > 0 && isBreak(end - 1)) end--;
  if (end > 0) parseChunk(buf.slice(0, end), true, line, nl, st.dialect!, st.b!, file, false);
  options.onProgress?.(1);
  return options.preset ? st.b!.result() : st.b!.finish();
}

/**
 * The first line break at least `size` characters after `from` that is not inside a quoted
 * field (an even number of quote characters before it; "" counts as two), or -1 if the text
 * has none yet. `from` is always outside quotes, so counting starts from zero there.
 */
function safeCut(text: string, from: number, size: number, nl: string): number {
  let quotes = 0;
  let k = text.indexOf(nl, from + size);
  while (k >= 0) {
    // Count in a slice (cheap in JS engines) so the search stops at k, not at the text's end.
    const part = text.slice(from, k);
    for (let q = part.indexOf('"'); q >= 0; q = part.indexOf('"', q + 1)) quotes++;
    if (quotes % 2 === 0) return k;
    from = k;
    k = text.indexOf(nl, k + 1);
  }
  return -1;
}

/**
 * Parses one piece row by row into the builder; returns the line after it. `mayQuote`: false
 * when the piece is known to hold no quote character. `more`: a line break
 * followed the piece (it was cut there), so the next piece starts one line on.
 */
function parseChunk(
  chunk: string,
  mayQuote: boolean,
  firstLine: number,
  nl: string,
  dialect: Dialect,
  b: Builder,
  file: string,
  more: boolean,
): number {
  let line = firstLine;
  let pos = 0;
  // Without quote characters every row is exactly one line: no need to count line breaks.
  const quoted = mayQuote && chunk.includes('"');
  let rows = 0;
  let failure: unknown = null;
  Papa.parse<string[]>(chunk, {
    delimiter: dialect.delimiter,
    newline: dialect.newline as Papa.ParseConfig['newline'],
    step(result, parser) {
      if (failure) return;
      const rowLine = quoted ? line : firstLine + rows;
      rows++;
      if (quoted) {
        // Count the line breaks this row spans (more than one when a quoted field holds some).
        const rowEnd = result.meta.cursor;
        let k = chunk.indexOf(nl, pos);
        while (k >= 0 && k < rowEnd) {
          line++;
          k = chunk.indexOf(nl, k + 1);
        }
        pos = rowEnd;
      }
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      try {
        if (quoteError) {
          const what =
            quoteError.code === 'MissingQuotes'
              ? 'a quoted field starts here and is never closed'
              : 'a quoted field has text after its closing quote';
          throw new DatasetError(`"${file}" line ${rowLine}: ${what}.`, {
            problem: 'quotes',
            file,
            line: rowLine,
          });
        }
        b.row(result.data, rowLine);
      } catch (err) {
        failure = err;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (!quoted) line = firstLine + rows - 1; // the line of the piece's last row
  return more ? line + 1 : line;
}
