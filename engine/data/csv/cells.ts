/** Reading single cells: missing-value tokens and numbers (with an optional decimal comma). */

/** Cells that mean "no value" (compared after trimming, case-insensitively). */
export const MISSING_TOKENS = ['', 'na', 'n/a', 'nan', 'null', '?'] as const;
const MISSING = new Set<string>(MISSING_TOKENS);

export function isMissing(cell: string): boolean {
  return cell.length <= 4 && MISSING.has(cell.toLowerCase());
}

/**
 * The number a cell holds, or NaN. Accepts plain decimal notation with an optional exponent
 * ("-1.5", ".5", "1e-3"); refuses what `Number()` would also take but a spreadsheet would not
 * mean as a number ("0x1F", "Infinity", "1_000").
 */
export function parseNumber(cell: string, decimalComma: boolean): number {
  const fast = parseSimpleDecimal(cell, decimalComma ? 44 : 46);
  if (fast === fast) return fast;
  const first = cell.charCodeAt(0);
  // digits, '+', '-', '.' (and ',' for a decimal comma)
  const plausible =
    (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 44;
  if (!plausible) return NaN;
  let s = cell;
  if (decimalComma && s.includes(',')) {
    if (s.includes('.')) return NaN; // "1.234,5": a thousands separator we do not guess at
    s = s.replace(',', '.');
  }
  const v = Number(s);
  if (!Number.isFinite(v)) return NaN;
  // Number() also takes hex/binary/octal prefixes and underscores are refused by it already.
  if (s.length > 1 && s.charCodeAt(0) === 48) {
    const c1 = s.charCodeAt(1) | 32;
    if (c1 === 120 || c1 === 98 || c1 === 111) return NaN; // 0x 0b 0o
  }
  return v;
}

const NOT_FINITE_WORD = /^([+-]?(inf|infinity)|[+-]nan)$/i;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A cell written as a number that has no finite value: "Infinity", "-inf", "-nan" (plain "nan"
 * is a missing-value token), or a number too big for a double ("1e309"). `parseNumber` gives
 * NaN for these; inference counts them apart so they do not make a numeric column look like text.
 */
export function isNonFiniteNumber(cell: string, decimalComma: boolean): boolean {
  if (cell.length > 1000) return false;
  if (NOT_FINITE_WORD.test(cell)) return true;
  const s = decimalComma ? cell.replace(',', '.') : cell;
  return DECIMAL.test(s) && !Number.isFinite(Number(s));
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The common case, fast: an optional sign, up to 15 digits and one decimal mark ("-12.5").
 * The digits form an exact integer m < 2^53 and the result is m / 10^k, one correctly rounded
 * division, so it equals what Number() gives. Anything else returns NaN (the slow path decides).
 */
function parseSimpleDecimal(s: string, point: number): number {
  const n = s.length;
  if (n === 0 || n > 17) return NaN;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i = 1;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === point && frac < 0) {
      frac = i;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN; // beyond 15 digits m may not be exact
  const k = frac < 0 ? 0 : n - frac - 1;
  const v = k === 0 ? m : m / POW10[k]!;
  return neg ? -v : v;
}

const TRUE = new Set(['true', 'yes', 't', 'y']);
const FALSE = new Set(['false', 'no', 'f', 'n']);

/** 1 / 0 for a yes/no style word, NaN otherwise. */
export function parseBoolean(cell: string): number {
  const s = cell.toLowerCase();
  return TRUE.has(s) ? 1 : FALSE.has(s) ? 0 : NaN;
}

const DATE =
  /^(\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/;

export function looksLikeDate(cell: string): boolean {
  return DATE.test(cell);
}
