/**
 * WebAssembly SIMD matrix product, used by the CPU backend for all but tiny products.
 *
 * A hand-assembled module (below, ~300 bytes) exports gemm(M4, N8, K, pA, pB, pC):
 * C (M4 × N8, row-major) = A · B where A is packed in panels of 4 rows (for each k, the four
 * rows' values are adjacent) and B is row-major K × N8. Each 4 × 8 block of C is held in eight
 * f32x4 accumulators while k runs, so per k it does two vector loads of B, four broadcast loads
 * of A and 16 vector multiply-adds (64 FLOP). JavaScript packs the operands into the module's
 * memory (resolving transposes and zero-padding M to a multiple of 4 and N to a multiple of 8) and
 * unpacks the result. Everything is float32 and deterministic (WebAssembly has no fused
 * multiply-add, so results are the same on every machine).
 *
 * WebAssembly is an ECMAScript-host global (browsers, Node, workers) rather than part of the
 * language, so it is looked up on globalThis; without it (or without SIMD) `createWasmGemm`
 * returns null and the backend stays on the JavaScript kernel.
 */

import type { Gemm } from './gemm';

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (d: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: Record<string, unknown> };
}

// --- A tiny assembler for the one function -------------------------------------------------------
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (v: number) => [0x41, ...sleb(v)];
const ADD = 0x6a;
const SUB = 0x6b;
const MUL = 0x6c;
const SHL = 0x74;
const GE_U = 0x4f;
const simd = (op: number) => [0xfd, ...uleb(op)];
const v128Load = (offset: number) => [...simd(0x00), 2, ...uleb(offset)];
const v128Store = (offset: number) => [...simd(0x0b), 2, ...uleb(offset)];
const load32Splat = (offset: number) => [...simd(0x09), 2, ...uleb(offset)];
const F32X4_ADD = simd(0xe4);
const F32X4_MUL = simd(0xe6);
const v128Zero = [...simd(0x0c), ...new Array<number>(16).fill(0)];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = 0x0b;
const br = (d: number) => [0x0c, d];
const brIf = (d: number) => [0x0d, d];

// Locals: params 0 M4, 1 N8, 2 K, 3 pA, 4 pB, 5 pC (byte offsets);
// i32 6 i, 7 j, 8 k, 9 pa, 10 pb, 11 pc, 12 N·4, 13 panel; v128 14..21 acc, 22 b0, 23 b1, 24 a.
// prettier-ignore
function body(): number[] {
  const acc = (r: number, h: number) => 14 + 2 * r + h;
  const code: number[] = [
    ...get(1), ...i32(2), SHL, ...set(12),
    ...BLOCK, ...LOOP,
    ...get(6), ...get(0), GE_U, ...brIf(1),
    ...get(3), ...get(6), ...get(2), MUL, ...i32(2), SHL, ADD, ...set(13),
    ...i32(0), ...set(7),
    ...BLOCK, ...LOOP,
    ...get(7), ...get(1), GE_U, ...brIf(1),
  ];
  for (let x = 0; x < 8; x++) code.push(...v128Zero, ...set(14 + x));
  code.push(...get(13), ...set(9));
  code.push(...get(4), ...get(7), ...i32(2), SHL, ADD, ...set(10));
  code.push(...get(2), ...set(8));
  code.push(...LOOP);
  code.push(...get(10), ...v128Load(0), ...set(22), ...get(10), ...v128Load(16), ...set(23));
  for (let r = 0; r < 4; r++) {
    code.push(...get(9), ...load32Splat(4 * r), ...set(24));
    for (let h = 0; h < 2; h++) {
      code.push(...get(acc(r, h)), ...get(24), ...get(22 + h), ...F32X4_MUL, ...F32X4_ADD, ...set(acc(r, h)));
    }
  }
  code.push(...get(9), ...i32(16), ADD, ...set(9));
  code.push(...get(10), ...get(12), ADD, ...set(10));
  code.push(...get(8), ...i32(1), SUB, ...tee(8), ...brIf(0), END);
  code.push(...get(5), ...get(6), ...get(1), MUL, ...get(7), ADD, ...i32(2), SHL, ADD, ...set(11));
  for (let r = 0; r < 4; r++) {
    code.push(...get(11), ...get(acc(r, 0)), ...v128Store(0));
    code.push(...get(11), ...get(acc(r, 1)), ...v128Store(16));
    code.push(...get(11), ...get(12), ADD, ...set(11));
  }
  code.push(...get(7), ...i32(8), ADD, ...set(7), ...br(0), END, END);
  code.push(...get(6), ...i32(4), ADD, ...set(6), ...br(0), END, END, END);
  const locals = [2, ...uleb(8), 0x7f, ...uleb(11), 0x7b];
  const fn = [...locals, ...code];
  return [...uleb(fn.length), ...fn];
}

// prettier-ignore
function moduleBytes(): Uint8Array {
  const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
  const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  const fnBody = body();
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 6, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
    ...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('gemm'), 0x00, 0]),
    ...section(10, [1, ...fnBody]),
  ]);
}

/** A gemm with the same contract as the JavaScript one, or null where WebAssembly SIMD is missing. */
export function createWasmGemm(): Gemm | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) return null;
  let memory: WasmMemory;
  let run: (M4: number, N8: number, K: number, pA: number, pB: number, pC: number) => void;
  try {
    memory = new api.Memory({ initial: 16 });
    const instance = new api.Instance(new api.Module(moduleBytes()), { env: { mem: memory } });
    run = instance.exports.gemm as typeof run;
  } catch {
    return null;
  }
  let mem = new Float32Array(memory.buffer);

  return (M, N, K, A, sai, sak, B, sbk, sbj, C, acc) => {
    const M4 = (M + 3) & ~3;
    const N8 = (N + 7) & ~7;
    const aOff = 0;
    const bOff = M4 * K;
    const cOff = bOff + K * N8;
    const need = (cOff + M4 * N8) * 4;
    if (need > memory.buffer.byteLength) {
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
      mem = new Float32Array(memory.buffer);
    }
    const m = mem;
    // A → panels of 4 rows: m[aOff + (p·K + k)·4 + r] = A'(4p + r, k), zero rows past M.
    for (let p = 0; p < M4; p += 4) {
      let o = aOff + p * K;
      if (p + 4 <= M) {
        const s1 = sai;
        const s2 = 2 * sai;
        const s3 = 3 * sai;
        for (let k = 0, s = p * sai; k < K; k++, o += 4, s += sak) {
          m[o] = A[s]!;
          m[o + 1] = A[s + s1]!;
          m[o + 2] = A[s + s2]!;
          m[o + 3] = A[s + s3]!;
        }
      } else {
        for (let k = 0; k < K; k++, o += 4) {
          for (let r = 0; r < 4; r++) m[o + r] = p + r < M ? A[(p + r) * sai + k * sak]! : 0;
        }
      }
    }
    // B → row-major K × N8, zero columns past N.
    if (sbj === 1 && sbk === N8 && B.length === K * N) {
      m.set(B, bOff);
    } else {
      for (let k = 0; k < K; k++) {
        const o = bOff + k * N8;
        let s = k * sbk;
        for (let j = 0; j < N; j++, s += sbj) m[o + j] = B[s]!;
        for (let j = N; j < N8; j++) m[o + j] = 0;
      }
    }
    run(M4, N8, K, aOff * 4, bOff * 4, cOff * 4);
    for (let i = 0; i < M; i++) {
      const o = cOff + i * N8;
      const d = i * N;
      if (acc) for (let j = 0; j < N; j++) C[d + j] = C[d + j]! + m[o + j]!;
      else for (let j = 0; j < N; j++) C[d + j] = m[o + j]!;
    }
  };
}
