/**
 * One column of a parsed table, stored compactly: numbers as Float32 (what the network gets
 * anyway; a column switches to Float64 when it holds an integer Float32 cannot represent, such
 * as an ID or a timestamp) and other strings as codes into a per-column dictionary. Cells live in
 * chunks of CHUNK cells, so a big column grows without copying (a doubling array would briefly
 * need twice the memory on a big file). The first chunk starts small and doubles up to CHUNK:
 * a file with many columns and few rows must not reserve CHUNK cells per column up front (100,000
 * columns would take gigabytes). For up to 1000 distinct numbers the column remembers each one's
 * exact text ("0.1", not Float32's 0.100000001), for category keys and class names.
 *
 * Per cell: `num` holds the number, or NaN; `codes` (allocated only once a non-numeric string
 * appears) says what a NaN means: MISSING, or a dictionary index ≥ 0. Without `codes` a NaN is
 * always a missing value.
 */
import { isMissing, parseNumber } from './cells';
import { addNumber, emptySummary, mergeSummary, type NumberSummary } from './summary';

const SHIFT = 16;
/** Cells per storage chunk (row r lives in chunk r >>> 16 at offset r & 0xffff). */
export const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Cells of a new column's first chunk (it doubles from there up to CHUNK). */
const FIRST = 64;

export const NUMBER = -1;
export const MISSING = -2;

const EXACT_TEXTS = 1000;

/**
 * A column as plain data, for moving it between threads: the typed arrays can be transferred
 * (not copied) with postMessage.
 */
export interface ColumnData {
  name: string;
  decimalComma: boolean;
  wide: boolean;
  num: (Float32Array | Float64Array)[];
  codes: Int32Array[] | null;
  strings: string[];
  exact: [number, string][] | null;
  summary: NumberSummary;
  length: number;
  missing: number;
  numbers: number;
}

const EMPTY = new Float32Array(0);
const EMPTY_CODES = new Int32Array(0);

export class Column {
  private num: (Float32Array | Float64Array)[] = [];
  private wide = false;
  private exact: Map<number, string> | null = new Map();
  /** Statistics of the numbers, kept as cells arrive. */
  readonly summary: NumberSummary = emptySummary();
  private codes: Int32Array[] | null = null;
  /** Cells allocated: full chunks, then the last one (CHUNK cells, or fewer while growing). */
  private capacity = 0;
  private readonly dict = new Map<string, number>();
  /** Dictionary strings, by code. */
  readonly strings: string[] = [];
  length = 0;
  missing = 0;
  numbers = 0;

  constructor(
    readonly name: string,
    readonly decimalComma: boolean,
  ) {}

  /** Appends one raw cell (already trimmed). */
  push(cell: string): void {
    const i = this.length++;
    if (i === this.capacity) this.grow();
    const c = i >>> SHIFT;
    const o = i & MASK;
    // Numbers first: they are most cells, and the number parser rejects non-numbers quickly.
    const v = parseNumber(cell, this.decimalComma);
    if (v === v) {
      // The value as stored (Float32-rounded), as every later reader sees it.
      let stored = this.wide ? v : Math.fround(v);
      if (stored !== v && Number.isInteger(v)) {
        this.widen();
        stored = v;
      }
      this.num[c]![o] = v;
      if (this.codes) this.codes[c]![o] = NUMBER;
      this.numbers++;
      addNumber(this.summary, stored);
      if (this.exact) {
        if (!this.exact.has(stored)) {
          if (this.exact.size >= EXACT_TEXTS) this.exact = null;
          else this.exact.set(stored, String(v));
        }
      }
      return;
    }
    if (isMissing(cell)) {
      this.num[c]![o] = NaN;
      if (this.codes) this.codes[c]![o] = MISSING;
      this.missing++;
      return;
    }
    this.num[c]![o] = NaN;
    const codes = this.codes ?? this.allocateCodes();
    codes[c]![o] = this.codeOf(cell);
  }

  /**
   * Room for one more chunk's worth: the first chunk doubles (copying at most CHUNK / 2 cells),
   * later chunks are allocated whole (the column is big by then).
   */
  private grow(): void {
    const last = this.num.length - 1;
    const size = last < 0 ? FIRST : this.num[last]!.length;
    if (last >= 0 && size < CHUNK) {
      const bigger = Math.min(CHUNK, size * 2);
      const num = this.wide ? new Float64Array(bigger) : new Float32Array(bigger);
      num.set(this.num[last]!);
      this.num[last] = num;
      if (this.codes) {
        const codes = new Int32Array(bigger);
        codes.set(this.codes[last]!);
        this.codes[last] = codes;
      }
      this.capacity += bigger - size;
      return;
    }
    const n = last < 0 ? FIRST : CHUNK;
    this.num.push(this.wide ? new Float64Array(n) : new Float32Array(n));
    this.codes?.push(new Int32Array(n));
    this.capacity += n;
  }

  /** Room for `n` cells in all. */
  private reserve(n: number): void {
    while (this.capacity < n) this.grow();
  }

  /** The dictionary code of a string, added to the dictionary when new. */
  private codeOf(s: string): number {
    let code = this.dict.get(s);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(s);
      this.dict.set(s, code);
    }
    return code;
  }

  /** Chunks of storage in use (see CHUNK); the last one may be partly filled. */
  get chunkCount(): number {
    return this.length === 0 ? 0 : ((this.length - 1) >>> SHIFT) + 1;
  }

  /** Numbers of chunk c (NaN: missing or a string cell). For fast whole-column loops. */
  numberChunk(c: number): Float32Array | Float64Array {
    return this.num[c]!;
  }

  /** Codes of chunk c, or null while the column has no string cell (then NaN means missing). */
  codeChunk(c: number): Int32Array | null {
    return this.codes ? this.codes[c]! : null;
  }

  /** Cells used in chunk c. */
  chunkLength(c: number): number {
    return Math.min(CHUNK, this.length - c * CHUNK);
  }

  toData(): ColumnData {
    return {
      name: this.name,
      decimalComma: this.decimalComma,
      wide: this.wide,
      num: this.num,
      codes: this.codes,
      strings: this.strings,
      exact: this.exact ? [...this.exact] : null,
      summary: this.summary,
      length: this.length,
      missing: this.missing,
      numbers: this.numbers,
    };
  }

  static fromData(d: ColumnData): Column {
    const col = new Column(d.name, d.decimalComma);
    col.wide = d.wide;
    col.num = d.num;
    col.codes = d.codes;
    const last = d.num[d.num.length - 1];
    col.capacity = last ? (d.num.length - 1) * CHUNK + last.length : 0;
    col.exact = d.exact ? new Map(d.exact) : null;
    Object.assign(col.summary, d.summary);
    for (const s of d.strings) col.codeOf(s);
    col.length = d.length;
    col.missing = d.missing;
    col.numbers = d.numbers;
    return col;
  }

  /**
   * Appends every cell of `other` (the next rows of the same column, parsed elsewhere), and
   * empties it chunk by chunk as it goes, so the copy never needs twice the memory. String codes
   * are renumbered into this column's dictionary.
   */
  append(other: Column): void {
    if (other.wide && !this.wide) this.widen();
    let remap: Int32Array | null = null;
    if (other.codes || this.codes) {
      if (!this.codes) this.allocateCodes();
      remap = Int32Array.from(other.strings, (s) => this.codeOf(s));
    }
    this.mergeExact(other);
    mergeSummary(this.summary, other.summary);
    const total = other.length;
    this.reserve(this.length + total);
    let done = 0;
    while (done < total) {
      const dst = this.length + done;
      const dc = dst >>> SHIFT;
      const doff = dst & MASK;
      const sc = done >>> SHIFT;
      const soff = done & MASK;
      const n = Math.min(CHUNK - doff, CHUNK - soff, total - done);
      const src = other.num[sc]!;
      this.num[dc]!.set(src.subarray(soff, soff + n), doff);
      const codes = this.codes?.[dc];
      if (codes) {
        const from = other.codes?.[sc];
        if (from) {
          for (let k = 0; k < n; k++) {
            const v = from[soff + k]!;
            codes[doff + k] = v >= 0 ? remap![v]! : v;
          }
        } else {
          for (let k = 0; k < n; k++) {
            const v = src[soff + k]!;
            codes[doff + k] = v === v ? NUMBER : MISSING;
          }
        }
      }
      done += n;
      // A source chunk fully copied: let it go now.
      if ((done & MASK) === 0 || done === total) {
        other.num[sc] = EMPTY;
        if (other.codes) other.codes[sc] = EMPTY_CODES;
      }
    }
    this.length += total;
    this.missing += other.missing;
    this.numbers += other.numbers;
    other.length = 0;
  }

  private mergeExact(other: Column): void {
    if (!this.exact) return;
    if (!other.exact || this.wide) {
      this.exact = null;
      return;
    }
    for (const [v, t] of other.exact) {
      if (this.exact.has(v)) continue;
      if (this.exact.size >= EXACT_TEXTS) {
        this.exact = null;
        return;
      }
      this.exact.set(v, t);
    }
  }

  /** From Float32 to Float64 storage (an integer Float32 cannot hold exactly). */
  private widen(): void {
    this.wide = true;
    this.num = this.num.map((chunk) => Float64Array.from(chunk));
    this.exact = null; // texts keyed by Float32 values would no longer match
  }

  private allocateCodes(): Int32Array[] {
    const codes = this.num.map((chunk) => {
      const out = new Int32Array(chunk.length);
      for (let k = 0; k < chunk.length; k++) out[k] = chunk[k] === chunk[k] ? NUMBER : MISSING;
      return out;
    });
    this.codes = codes;
    return codes;
  }

  /** Number at row r (NaN when missing or not a number). */
  number(r: number): number {
    return this.num[r >>> SHIFT]![r & MASK]!;
  }

  /** NUMBER, MISSING, or the dictionary code of a string cell. */
  code(r: number): number {
    const v = this.num[r >>> SHIFT]![r & MASK]!;
    if (v === v) return NUMBER;
    return this.codes ? this.codes[r >>> SHIFT]![r & MASK]! : MISSING;
  }

  isMissing(r: number): boolean {
    return this.code(r) === MISSING;
  }

  /**
   * Distinct numbers when at most `cap` (≤ 1000), cap + 1 when more; null when only a scan can
   * tell (a wider cap, or Float64 storage).
   */
  distinctNumbers(cap: number): number | null {
    if (this.exact) return Math.min(this.exact.size, cap + 1);
    return !this.wide && cap <= EXACT_TEXTS ? cap + 1 : null;
  }

  /** Strings (non-numeric, non-missing cells) seen at all. */
  get hasStrings(): boolean {
    return this.strings.length > 0;
  }

  /** The cell as text: numbers as written (or in their shortest form), missing as ''. */
  text(r: number): string {
    const code = this.code(r);
    if (code === NUMBER) return this.numberText(this.number(r));
    return code === MISSING ? '' : this.strings[code]!;
  }

  /** A stored number as text: its exact text when remembered, else the shortest that reads back. */
  numberText(v: number): string {
    const known = this.exact?.get(v);
    if (known !== undefined) return known;
    if (this.wide || Number.isInteger(v)) return String(v);
    for (let p = 6; p < 9; p++) {
      const t = Number(v.toPrecision(p));
      if (Math.fround(t) === v) return String(t);
    }
    return String(v);
  }

  /** Bytes held, for the memory estimate. */
  get bytes(): number {
    return this.capacity * ((this.wide ? 8 : 4) + (this.codes ? 4 : 0));
  }
}
