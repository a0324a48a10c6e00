/**
 * CSV rows from text arriving in pieces, one row at a time, for streaming predictions: only the
 * unfinished last row of a piece is kept, so memory stays bounded however long the file. Quoted
 * fields (embedded delimiters, "" quotes, line breaks) are read as the app's parser reads them;
 * each row carries the file line it starts on, for messages.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Pushes pieces of text in; each complete row goes to `onRow` right away (synchronously), so
 * rows die young instead of piling up between awaits. Blank lines are skipped.
 */
export class RowReader {
  private buf = '';
  private line = 1;
  private first = true;
  private readonly d: number;

  constructor(
    delimiter: string,
    private readonly onRow: (row: CsvRow) => void,
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  push(piece: string): void {
    if (this.first && piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    this.first = false;
    this.buf = this.buf ? this.buf + piece : piece;
    this.scan(false);
  }

  /** The last row, when the text does not end with a line break. */
  end(): void {
    if (this.buf.length > 0) this.scan(true);
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    let at = 0;
    while (at < buf.length) {
      const r = readRow(buf, at, this.d, final);
      if (r === null) break;
      if (!(r.cells.length === 1 && r.cells[0] === ''))
        this.onRow({ line: this.line, cells: r.cells });
      this.line += r.lines;
      at = r.next;
    }
    this.buf = buf.slice(at);
  }
}

/** Rows of `pieces` split on `delimiter`, as an async iterator (blank lines skipped). */
export async function* csvRows(
  pieces: AsyncIterable<string> | Iterable<string>,
  delimiter: string,
): AsyncGenerator<CsvRow> {
  const out: CsvRow[] = [];
  const reader = new RowReader(delimiter, (row) => out.push(row));
  for await (const piece of pieces) {
    reader.push(piece);
    yield* out;
    out.length = 0;
  }
  reader.end();
  yield* out;
}

/** The row starting at `at`, or null when it runs past the text (and more is coming). */
function readRow(
  s: string,
  at: number,
  d: number,
  final: boolean,
): { cells: string[]; next: number; lines: number } | null {
  const cells: string[] = [];
  let i = at;
  let lines = 0;
  const n = s.length;
  for (;;) {
    if (i < n && s.charCodeAt(i) === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          if (!final) return null;
          value += s.slice(j);
          j = n;
          break;
        }
        value += s.slice(j, q);
        if (q + 1 < n && s.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return null;
        j = q + 1;
        break;
      }
      for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === LF) lines++;
      // Anything between the closing quote and the delimiter is kept, as papaparse does not.
      let k = j;
      while (k < n && s.charCodeAt(k) !== d && s.charCodeAt(k) !== LF) k++;
      if (k >= n && !final) return null;
      const rest = s.slice(j, k);
      cells.push(
        rest.charCodeAt(rest.length - 1) === CR ? value + rest.slice(0, -1) : value + rest,
      );
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === d || c === LF) break;
        k++;
      }
      if (k >= n && !final) return null;
      const end =
        k > i && s.charCodeAt(k - 1) === CR && (k >= n || s.charCodeAt(k) === LF) ? k - 1 : k;
      cells.push(s.slice(i, end));
      i = k;
    }
    if (i >= n) return { cells, next: n, lines };
    if (s.charCodeAt(i) === LF) return { cells, next: i + 1, lines: lines + 1 };
    i++; // the delimiter
  }
}
