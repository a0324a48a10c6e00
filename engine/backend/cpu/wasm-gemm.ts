/**
 * WebAssembly SIMD matrix product, used by the CPU backend for all but tiny products.
 *
 * The kernel gemm(M4, N8, K, pA, sa, sk, pB, ldb, pC, ldc) computes C (M4 × N8, row stride ldc
 * bytes) = A'·B' with A'(i, k) at pA + i·sa + k·sk and B'(k, j) at pB + k·ldb + 4j (byte
 * addresses), so A is read in place whether or not it is transposed. Operands the backend
 * allocated (resident in the module's memory, see wasm-heap.ts) are used where they lie; others
 * are copied in with one memcpy each (only a transposed B is rearranged) and C is copied back,
 * one memcpy when N is a multiple of 8. Rows past M and columns past N read
 * whatever lies beyond the operands; they only feed rows and columns of C that are dropped.
 * Each 4 × 8 block of C is held in eight f32x4 accumulators while k runs: per k two vector loads
 * of B, four broadcast loads of A and 16 vector multiply-adds (64 FLOP).
 *
 * Two variants: plain SIMD (multiply, then add: the same rounding on every machine) and, where
 * the runtime validates relaxed SIMD, f32x4.relaxed_madd (fused on hardware with FMA, so its
 * results are deterministic per machine). Without WebAssembly SIMD `createWasmGemm` returns
 * null and the backend stays on the JavaScript kernel.
 */
import type { Gemm } from './gemm';
import type { GemmSplitter } from './gemm-helper';
import {
  ADD,
  BLOCK,
  END,
  F32X4_ADD,
  F32X4_MUL,
  F32X4_RELAXED_MADD,
  GE_U,
  LOOP,
  MUL,
  SHL,
  SUB,
  T_I32,
  T_V128,
  br,
  brIf,
  get,
  i32,
  instantiate,
  load32Splat,
  set,
  tee,
  v128Load,
  v128Store,
  v128Zero,
  type Scratch,
  type WasmFunction,
} from './wasm-asm';

export type GemmKernel = 'simd' | 'relaxed';

// Params: 0 M4, 1 N8, 2 K, 3 pA, 4 sa, 5 sk, 6 pB, 7 ldb, 8 pC, 9 ldc.
// i32 locals: 10 i, 11 j, 12 k, 13 pa, 14 pb, 15 pc, 16 sa2, 17 sa3, 18 row;
// v128: 19..26 acc, 27 b0, 28 b1, 29 a.
// prettier-ignore
export function gemmFunction(kernel: GemmKernel): WasmFunction {
  const acc = (r: number, h: number) => 19 + 2 * r + h;
  const code: number[] = [
    ...get(4), ...i32(1), SHL, ...set(16),
    ...get(16), ...get(4), ADD, ...set(17),
    ...BLOCK, ...LOOP,
    ...get(10), ...get(0), GE_U, ...brIf(1),
    ...get(3), ...get(10), ...get(4), MUL, ADD, ...set(18),
    ...i32(0), ...set(11),
    ...BLOCK, ...LOOP,
    ...get(11), ...get(1), GE_U, ...brIf(1),
  ];
  for (let x = 0; x < 8; x++) code.push(...v128Zero, ...set(19 + x));
  code.push(...get(18), ...set(13));
  code.push(...get(6), ...get(11), ...i32(2), SHL, ADD, ...set(14));
  code.push(...get(2), ...set(12));
  code.push(...LOOP);
  const rowAddr = [get(13), [...get(13), ...get(4), ADD], [...get(13), ...get(16), ADD], [...get(13), ...get(17), ADD]];
  code.push(...tileStep(kernel, 14, 27, 29, acc, (r) => rowAddr[r]!));
  code.push(...get(13), ...get(5), ADD, ...set(13));
  code.push(...get(14), ...get(7), ADD, ...set(14));
  code.push(...get(12), ...i32(1), SUB, ...tee(12), ...brIf(0), END);
  code.push(...get(8), ...get(10), ...get(9), MUL, ADD, ...get(11), ...i32(2), SHL, ADD, ...set(15));
  for (let r = 0; r < 4; r++) {
    code.push(...get(15), ...get(acc(r, 0)), ...v128Store(0));
    code.push(...get(15), ...get(acc(r, 1)), ...v128Store(16));
    code.push(...get(15), ...get(9), ADD, ...set(15));
  }
  code.push(...get(11), ...i32(8), ADD, ...set(11), ...br(0), END, END);
  code.push(...get(10), ...i32(4), ADD, ...set(10), ...br(0), END, END);
  return {
    name: 'gemm',
    params: new Array<number>(10).fill(T_I32),
    results: [],
    locals: [[9, T_I32], [11, T_V128]],
    code,
  };
}

/**
 * One k step of a 4 × 8 tile, shared by the product kernels: B'(k, j..j+7) loaded from the
 * address in local `pb` into locals b0, b0 + 1; then per row r, A'(i + r, k) (at `rowAddr(r)`)
 * (plus the immediate offset `rowOffset(r)`) broadcast into local `a` and multiplied into the accumulators acc(r, 0), acc(r, 1) — fused
 * (relaxed) or multiply then add (simd). Every accumulator sees its k steps in order.
 */
// prettier-ignore
export function tileStep(
  kernel: GemmKernel,
  pb: number,
  b0: number,
  a: number,
  acc: (r: number, h: number) => number,
  rowAddr: (r: number) => number[],
  rowOffset: (r: number) => number = () => 0,
): number[] {
  const code = [...get(pb), ...v128Load(0), ...set(b0), ...get(pb), ...v128Load(16), ...set(b0 + 1)];
  for (let r = 0; r < 4; r++) {
    code.push(...rowAddr(r), ...load32Splat(rowOffset(r)), ...set(a));
    for (let h = 0; h < 2; h++) {
      if (kernel === 'relaxed') {
        code.push(...get(a), ...get(b0 + h), ...get(acc(r, h)), ...F32X4_RELAXED_MADD, ...set(acc(r, h)));
      } else {
        code.push(...get(acc(r, h)), ...get(a), ...get(b0 + h), ...F32X4_MUL, ...F32X4_ADD, ...set(acc(r, h)));
      }
    }
  }
  return code;
}

type Run = (...args: number[]) => void;

/**
 * A gemm with the same contract as the JavaScript one working in `scratch`, or null where the
 * runtime lacks WebAssembly SIMD (or, for 'relaxed', relaxed SIMD). With a splitter (a shared
 * scratch and helper threads) large products are split by rows over the threads.
 */
export function createWasmGemm(
  scratch: Scratch,
  kernel: GemmKernel = 'simd',
  splitter: GemmSplitter | null = null,
): Gemm | null {
  const exports = instantiate(scratch, [gemmFunction(kernel)]);
  if (exports === null) return null;
  const run = exports.gemm as Run;

  const heap = scratch.heap;
  return (M, N, K, A, sai, sak, B, sbk, sbj, C, acc) => {
    if (K === 0) {
      if (!acc) C.fill(0, 0, M * N);
      return;
    }
    const M4 = (M + 3) & ~3;
    const N8 = (N + 7) & ~7;
    const bPacked = sbj !== 1;
    // Resident operands are read in place when every read, rows past M and columns past N
    // included, stays inside the memory; C is written in place when the kernel writes exactly
    // its M × N values.
    let pA = heap.addressOf(A);
    if (pA >= 0 && pA + ((M4 - 1) * sai + (K - 1) * sak + 1) * 4 > heap.size) pA = -1;
    let pB = bPacked ? -1 : heap.addressOf(B);
    if (pB >= 0 && pB + ((K - 1) * sbk + N8) * 4 > heap.size) pB = -1;
    const pC = !acc && N === N8 && M === M4 ? heap.addressOf(C) : -1;
    const ldb = bPacked ? N8 : sbk;
    // Scratch regions (floats, 4-aligned) for the others, with slack for the reads past M and N.
    const aLen = pA >= 0 ? 0 : (Math.max(M4 * K, A.length) + 8 + 3) & ~3;
    const bLen = pB >= 0 ? 0 : (Math.max(K * ldb, B.length) + 8 + 3) & ~3;
    const cLen = pC >= 0 ? 0 : M4 * N8;
    const m = scratch.ensure(aLen + bLen + cLen);
    const aOff = scratch.base;
    const bOff = aOff + aLen;
    const cOff = bOff + bLen;
    if (pA < 0) {
      m.set(A, aOff);
      pA = aOff * 4;
    }
    if (bPacked) {
      // B'(k, j) = B[k·sbk + j·sbj]: rearranged to row-major K × N8.
      for (let k = 0; k < K; k++) {
        const o = bOff + k * N8;
        let s = k * sbk;
        for (let j = 0; j < N; j++, s += sbj) m[o + j] = B[s]!;
      }
      pB = bOff * 4;
    } else if (pB < 0) {
      m.set(B, bOff);
      pB = bOff * 4;
    }
    const c = pC >= 0 ? pC : cOff * 4;
    if (splitter === null) run(M4, N8, K, pA, sai * 4, sak * 4, pB, ldb * 4, c, N8 * 4);
    else splitter.run(run, M4, N8, K, pA, sai * 4, sak * 4, pB, ldb * 4, c, N8 * 4);
    if (pC >= 0) return;
    if (!acc && N === N8) {
      C.set(m.subarray(cOff, cOff + M * N));
      return;
    }
    for (let i = 0; i < M; i++) {
      const o = cOff + i * N8;
      const d = i * N;
      if (acc) for (let j = 0; j < N; j++) C[d + j] = C[d + j]! + m[o + j]!;
      // Narrow rows are copied by hand: a subarray per row would allocate in every step.
      else if (N < 64) for (let j = 0; j < N; j++) C[d + j] = m[o + j]!;
      else C.set(m.subarray(o, o + N), d);
    }
  };
}
