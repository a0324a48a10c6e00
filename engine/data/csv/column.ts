/**
 * One column of a parsed table, stored compactly: numbers as Float32 (what the network gets
 * anyway; a column switches to Float64 when it holds an integer Float32 cannot represent, such
 * as an ID or a timestamp) and other strings as codes into a per-column dictionary. Cells live in
 * fixed-size chunks so growing never copies (a doubling array would briefly need twice the
 * memory on a big file). For up to 1000 distinct numbers the column remembers each one's exact
 * text ("0.1", not Float32's 0.100000001), for category keys and class names.
 *
 * Per cell: `num` holds the number, or NaN; `codes` (allocated only once a non-numeric string
 * appears) says what a NaN means: MISSING, or a dictionary index ≥ 0. Without `codes` a NaN is
 * always a missing value.
 */
import { isMissing, parseNumber } from './cells';

const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export const NUMBER = -1;
export const MISSING = -2;

const EXACT_TEXTS = 1000;

export class Column {
  private num: (Float32Array | Float64Array)[] = [];
  private wide = false;
  private exact: Map<number, string> | null = new Map();
  private codes: Int32Array[] | null = null;
  private readonly dict = new Map<string, number>();
  /** Dictionary strings, by code. */
  readonly strings: string[] = [];
  length = 0;
  missing = 0;
  numbers = 0;

  constructor(
    readonly name: string,
    private readonly decimalComma: boolean,
  ) {}

  /** Appends one raw cell (already trimmed). */
  push(cell: string): void {
    const i = this.length++;
    const c = i >>> SHIFT;
    if (c === this.num.length) {
      this.num.push(this.wide ? new Float64Array(CHUNK) : new Float32Array(CHUNK));
      this.codes?.push(new Int32Array(CHUNK));
    }
    const o = i & MASK;
    // Numbers first: they are most cells, and the number parser rejects non-numbers quickly.
    const v = parseNumber(cell, this.decimalComma);
    if (v === v) {
      if (!this.wide && Math.fround(v) !== v && Number.isInteger(v)) this.widen();
      this.num[c]![o] = v;
      if (this.codes) this.codes[c]![o] = NUMBER;
      this.numbers++;
      if (this.exact) {
        const stored = this.num[c]![o]!;
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
    let code = this.dict.get(cell);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(cell);
      this.dict.set(cell, code);
    }
    codes[c]![o] = code;
  }

  /** From Float32 to Float64 storage (an integer Float32 cannot hold exactly). */
  private widen(): void {
    this.wide = true;
    this.num = this.num.map((chunk) => Float64Array.from(chunk));
    this.exact = null; // texts keyed by Float32 values would no longer match
  }

  private allocateCodes(): Int32Array[] {
    const codes = this.num.map((chunk) => {
      const out = new Int32Array(CHUNK);
      for (let k = 0; k < CHUNK; k++) out[k] = chunk[k] === chunk[k] ? NUMBER : MISSING;
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
    return this.num.length * CHUNK * ((this.wide ? 8 : 4) + (this.codes ? 4 : 0));
  }
}
