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

/** Rows of `pieces` split on `delimiter`; blank lines are skipped. */
export async function* csvRows(
  pieces: AsyncIterable<string> | Iterable<string>,
  delimiter: string,
): AsyncGenerator<CsvRow> {
  const d = delimiter.charCodeAt(0);
  let buf = '';
  let line = 1;
  const out: CsvRow[] = [];
  const scan = (final: boolean) => {
    let at = 0;
    for (;;) {
      const r = readRow(buf, at, d, final);
      if (r === null) break;
      if (!(r.cells.length === 1 && r.cells[0] === '')) out.push({ line, cells: r.cells });
      line += r.lines;
      at = r.next;
      if (at >= buf.length) break;
    }
    buf = buf.slice(at);
  };
  let first = true;
  for await (let piece of pieces) {
    if (first && piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    first = false;
    buf = buf ? buf + piece : piece;
    scan(false);
    yield* out;
    out.length = 0;
  }
  if (buf.length > 0) scan(true);
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
