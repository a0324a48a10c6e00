/**
 * A 52-bit hash of each row's cells (numbers by their bits, strings by their dictionary code),
 * for finding duplicate rows without building a string key per row on big files. Two different
 * rows collide with a probability around n² / 2⁵³: negligible for the counts reported.
 */
import { MISSING, NUMBER, type Column } from './csv/column';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export function rowHashes(columns: Column[], rows: number): Float64Array {
  const it = rowHashSteps(columns, rows);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** rowHashes as a generator that yields between columns (so a caller can pause). */
export function* rowHashSteps(columns: Column[], rows: number): Generator<void, Float64Array> {
  const h1 = new Uint32Array(rows).fill(0x811c9dc5);
  const h2 = new Uint32Array(rows).fill(0x01000193);
  for (let j = 0; j < columns.length; j++) {
    yield;
    const col = columns[j]!;
    for (let r = 0; r < rows; r++) {
      const code = col.code(r);
      let a: number;
      let b: number;
      if (code === NUMBER) {
        f64[0] = col.number(r);
        a = u32[0]!;
        b = u32[1]!;
      } else {
        a = code === MISSING ? 0x9e3779b9 : code;
        b = code === MISSING ? 0x7f4a7c15 : 0x85ebca6b;
      }
      const x = h1[r]!;
      const y = h2[r]!;
      h1[r] = (Math.imul(x ^ a, 0x01000193) ^ Math.imul(b, 0x27d4eb2d) ^ (j + 1)) >>> 0;
      h2[r] = (Math.imul(y ^ b, 0x5bd1e995) + Math.imul(a ^ (y >>> 15), 0x165667b1)) >>> 0;
    }
  }
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = h1[r]! * 1048576 + (h2[r]! & 0xfffff);
  return out;
}
