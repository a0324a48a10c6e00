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
