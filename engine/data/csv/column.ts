/**
 * One column of a parsed table, stored compactly: numbers as Float64 and other strings as codes
 * into a per-column dictionary. Cells live in fixed-size chunks so growing never copies (a
 * doubling array would briefly need twice the memory on a big file).
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

export class Column {
  private readonly num: Float64Array[] = [];
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
      this.num.push(new Float64Array(CHUNK));
      this.codes?.push(new Int32Array(CHUNK));
    }
    const o = i & MASK;
    if (isMissing(cell)) {
      this.num[c]![o] = NaN;
      if (this.codes) this.codes[c]![o] = MISSING;
      this.missing++;
      return;
    }
    const v = parseNumber(cell, this.decimalComma);
    if (v === v) {
      this.num[c]![o] = v;
      if (this.codes) this.codes[c]![o] = NUMBER;
      this.numbers++;
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

  /** The cell as text: numbers in their shortest form, missing as ''. */
  text(r: number): string {
    const code = this.code(r);
    if (code === NUMBER) return String(this.number(r));
    return code === MISSING ? '' : this.strings[code]!;
  }

  /** Bytes held, for the memory estimate. */
  get bytes(): number {
    return this.num.length * CHUNK * (this.codes ? 12 : 8);
  }
}
