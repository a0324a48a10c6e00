/**
 * Guessing how a CSV file is written, from its first lines: the delimiter (comma, semicolon or
 * tab), the line ending, whether numbers use a decimal comma, and whether there is a header row.
 */
import Papa from 'papaparse';
import { isMissing, parseNumber } from './cells';

export interface Dialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r';
  decimalComma: boolean;
}

const CANDIDATES = [',', ';', '\t'] as const;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 50;

function sampleRows(sample: string, delimiter: string, newline: string): string[][] {
  const res = Papa.parse<string[]>(sample, {
    delimiter,
    newline: newline as Papa.ParseConfig['newline'],
    preview: SAMPLE_ROWS,
    skipEmptyLines: 'greedy',
  });
  const rows = res.data;
  // The sample may cut the last line in half.
  return sample.length >= SAMPLE_CHARS && rows.length > 2 ? rows.slice(0, -1) : rows;
}

/** Of the candidates, the one that splits the sample lines into the most consistent fields. */
export function detectDialect(text: string): Dialect {
  const sample = text.slice(0, SAMPLE_CHARS);
  // Any LF means LF-separated lines: a CR before it (CRLF, or mixed endings) is trimmed off the
  // last cell. Only old Mac files separate lines with a bare CR.
  const newline: Dialect['newline'] = !sample.includes('\n') && sample.includes('\r') ? '\r' : '\n';
  let best: { delimiter: Dialect['delimiter']; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CANDIDATES) {
    const rows = sampleRows(sample, delimiter, newline);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 1;
    let modeRows = 0;
    for (const [fields, n] of counts)
      if (n > modeRows || (n === modeRows && fields > mode)) [mode, modeRows] = [fields, n];
    if (mode < 2) continue;
    // Consistency first, then more fields (a decimal comma splits numbers into more fields,
    // but inconsistently unless every number has one; see decimalComma below).
    const score = (modeRows / rows.length) * 1000 + Math.min(mode, 999);
    if (score > best.score) best = { delimiter, score };
  }
  // "1,5;2,25" splits consistently on both ',' and ';': prefer ';' when it also gives ≥ 2 fields
  // and its cells read as decimal-comma numbers.
  if (best.delimiter === ',') {
    const semi = sampleRows(sample, ';', newline);
    if (semi.length > 0 && semi.every((r) => r.length === semi[0]!.length && r.length >= 2)) {
      if (decimalCommaShare(semi) > 0) best = { delimiter: ';', score: 0 };
    }
  }
  const rows = best.delimiter === ',' ? [] : sampleRows(sample, best.delimiter, newline);
  return {
    delimiter: best.delimiter,
    newline,
    decimalComma: best.delimiter !== ',' && decimalCommaShare(rows) > 0,
  };
}

/** Share of numeric-looking cells written with a decimal comma, 0 when any uses a point. */
function decimalCommaShare(rows: string[][]): number {
  let comma = 0;
  let point = 0;
  for (const r of rows) {
    for (const raw of r) {
      const c = raw.trim();
      if (/^[+-]?\d*,\d+$/.test(c)) comma++;
      else if (/^[+-]?\d*\.\d+$/.test(c)) point++;
    }
  }
  return point > 0 ? 0 : comma / Math.max(1, rows.length);
}

/**
 * Whether the first row is a header. It is data when every cell is filled, at least one column
 * of the following rows is mostly numeric, and the first row has numbers in all such columns.
 */
export function firstRowIsHeader(rows: string[][], decimalComma: boolean): boolean {
  const [first, ...rest] = rows;
  if (!first || rest.length === 0) return true;
  const cells = first.map((c) => c.trim());
  if (cells.some((c) => c === '')) return true;
  let numericColumns = 0;
  for (let j = 0; j < cells.length; j++) {
    let numbers = 0;
    let filled = 0;
    for (const r of rest) {
      const c = (r[j] ?? '').trim();
      if (isMissing(c)) continue;
      filled++;
      if (parseNumber(c, decimalComma) === parseNumber(c, decimalComma)) numbers++;
    }
    if (filled > 0 && numbers / filled >= 0.9) {
      numericColumns++;
      const v = parseNumber(cells[j]!, decimalComma);
      if (v !== v) return true;
    }
  }
  return numericColumns === 0;
}
