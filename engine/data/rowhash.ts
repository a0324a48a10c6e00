/**
 * A 52-bit hash of each row's cells (numbers by their bits, strings by their dictionary code),
 * for finding duplicate rows without building a string key per row on big files. Two different
 * rows collide with a probability around n² / 2⁵³: negligible for the counts reported.
 */
import { MISSING, NUMBER, type Column } from './csv/column';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export function rowHashes(columns: Column[], rows: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let j = 0; j < columns.length; j++) {
      const col = columns[j]!;
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
      h1 = Math.imul(h1 ^ a, 0x01000193) ^ Math.imul(b, 0x27d4eb2d);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995) + Math.imul(a ^ (h2 >>> 15), 0x165667b1);
      h1 = (h1 ^ (j + 1)) >>> 0;
      h2 = h2 >>> 0;
    }
    out[r] = (h1 >>> 0) * 1048576 + (h2 & 0xfffff);
  }
  return out;
}
