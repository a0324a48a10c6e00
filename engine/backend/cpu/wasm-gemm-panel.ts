/**
 * The product on weights packed once into panels, for inference and evaluation (where every
 * chunk of rows is multiplied by the same weights), with the dense layer's bias and ReLU applied
 * as the tile is stored.
 *
 * Packed layout (`packPanels`): B (K × N) as ⌈N/8⌉ panels of 8 columns, each K rows of 8 floats
 * in order, so B'(k, j) lies at float (j − j mod 8)·K + 8k + j mod 8 and the kernel reads each
 * panel front to back (one stream, whole cache lines; a row-major B is read 32 bytes per
 * 4·N-byte row). The bias, padded with zeros to a multiple of 8, follows the panels.
 *
 * gemmPanel(M, N8, K, pA, sa, pB, pC, ldc, pBias, mode) computes C (M × N8, row stride ldc
 * bytes) = A·B' for a row-major A (row stride sa bytes) in 4 × 8 tiles as wasm-gemm.ts does: each
 * accumulator sees the same multiply-adds in the same order, so C is bit-identical to it. On the
 * store, mode 1 adds the bias and mode 2 also takes max(0, v) (f32x4.pmax(0, v), NaN → 0): the
 * same single float32 add and the same max as the separate bias + activation kernel
 * (wasm-elementwise.ts), so the fused result is bit-identical to the two passes.
 */
import {
  ADD,
  BLOCK,
  END,
  F32X4_ADD,
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
  set,
  simd,
  tee,
  v128Load,
  v128Store,
  v128Zero,
  type WasmFunction,
} from './wasm-asm';
import { tileStep, type GemmKernel } from './wasm-gemm';

const F32X4_PMAX = simd(0xeb);
const EQZ = 0x45;
const IF = [0x04, 0x40];
const ELSE = 0x05;
const EQ = 0x46;

/** Floats the packed copy of a K × N matrix takes (panels, then the bias padded to 8). */
export const packedFloats = (K: number, N: number): number => {
  const N8 = (N + 7) & ~7;
  return K * N8 + N8;
};

/**
 * Packs B (K × N, element (k, j) at B[k·sbk + j·sbj]) and the bias (or zeros) into `to` from
 * float `at` (see the layout above); columns past N are zero.
 */
export function packPanels(
  K: number,
  N: number,
  B: Float32Array,
  sbk: number,
  sbj: number,
  bias: Float32Array | null,
  to: Float32Array,
  at: number,
): void {
  const N8 = (N + 7) & ~7;
  to.fill(0, at, at + packedFloats(K, N));
  for (let j0 = 0; j0 < N; j0 += 8) {
    const w = Math.min(8, N - j0);
    const panel = at + j0 * K;
    for (let k = 0; k < K; k++) {
      const o = panel + 8 * k;
      let s = k * sbk + j0 * sbj;
      for (let j = 0; j < w; j++, s += sbj) to[o + j] = B[s]!;
    }
  }
  if (bias !== null) to.set(bias.subarray(0, N), at + K * N8);
}

/**
 * Row strides (bytes) with a kernel of their own, where A's rows are read at immediate offsets
 * from one pointer: the three address additions per k step of the general kernel cost about a
 * tenth of its speed (W-big's first layer: 48 → 53 GFLOP/s on one core). Resident rows of 128,
 * 256, 512 or 1024 floats are read in place; a caller's rows are copied in at the next stride up.
 */
export const PANEL_STRIDES: readonly number[] = [512, 1024, 2048, 4096];

// Params: 0 M (a multiple of 4), 1 N8, 2 K, 3 pA, 4 sa (ignored with a fixed `stride`), 5 pB,
// 6 pC, 7 ldc, 8 pBias, 9 mode.
// i32 locals: 10 i, 11 j, 12 k, 13 pa, 14 pb, 15 pc, 16 row, 17 sa2, 18 sa3;
// v128: 19..26 accumulators, 27 b0, 28 b1, 29 a.
// prettier-ignore
export function gemmPanelFunction(kernel: GemmKernel, stride = 0): WasmFunction {
  const acc = (r: number, h: number) => 19 + 2 * r + h;
  // With a fixed stride, row r of the tile is at pa + r·stride: an immediate offset, no add.
  const rowAddr = (r: number) =>
    stride > 0 || r === 0 ? get(13) : [...get(13), ...get(r === 1 ? 4 : r === 2 ? 17 : 18), ADD];
  const rowOffset = (r: number) => (stride > 0 ? r * stride : 0);
  /** Stores the tile; `bias` adds the bias vectors (27, 28), `relu` then takes max(0, v). */
  const store = (bias: boolean, relu: boolean): number[] => {
    const out: number[] = [];
    for (let r = 0; r < 4; r++) {
      for (let h = 0; h < 2; h++) {
        out.push(...get(15));
        if (relu) out.push(...v128Zero);
        out.push(...get(acc(r, h)));
        if (bias) out.push(...get(27 + h), ...F32X4_ADD);
        if (relu) out.push(...F32X4_PMAX);
        out.push(...v128Store(16 * h));
      }
      out.push(...get(15), ...get(7), ADD, ...set(15));
    }
    return out;
  };
  const code: number[] = [
    ...get(4), ...i32(1), SHL, ...set(17),
    ...get(17), ...get(4), ADD, ...set(18),
    ...BLOCK, ...LOOP,
    ...get(10), ...get(0), GE_U, ...brIf(1),
    ...get(3), ...get(10), ...get(4), MUL, ADD, ...set(16),
    ...i32(0), ...set(11),
    ...BLOCK, ...LOOP,
    ...get(11), ...get(1), GE_U, ...brIf(1),
  ];
  for (let x = 0; x < 8; x++) code.push(...v128Zero, ...set(19 + x));
  code.push(...get(16), ...set(13));
  // The panel of columns j..j+7 starts at pB + j·K·4.
  code.push(...get(5), ...get(11), ...get(2), MUL, ...i32(2), SHL, ADD, ...set(14));
  code.push(...get(2), ...set(12));
  code.push(...LOOP);
  code.push(...tileStep(kernel, 14, 27, 29, acc, rowAddr, rowOffset));
  code.push(...get(13), ...i32(4), ADD, ...set(13));
  code.push(...get(14), ...i32(32), ADD, ...set(14));
  code.push(...get(12), ...i32(1), SUB, ...tee(12), ...brIf(0), END);
  code.push(...get(6), ...get(10), ...get(7), MUL, ADD, ...get(11), ...i32(2), SHL, ADD, ...set(15));
  // Mode 0: plain; 1: + bias; 2: + bias, then ReLU. The bias of columns j..j+7 goes to 27, 28.
  code.push(...get(9), EQZ, ...IF, ...store(false, false), ELSE);
  code.push(...get(8), ...get(11), ...i32(2), SHL, ADD, ...tee(14), ...v128Load(0), ...set(27));
  code.push(...get(14), ...v128Load(16), ...set(28));
  code.push(...get(9), ...i32(1), EQ, ...IF, ...store(true, false), ELSE, ...store(true, true), END);
  code.push(END);
  code.push(...get(11), ...i32(8), ADD, ...set(11), ...br(0), END, END);
  code.push(...get(10), ...i32(4), ADD, ...set(10), ...br(0), END, END);
  return {
    name: stride > 0 ? `gemmPanel${stride}` : 'gemmPanel',
    params: new Array<number>(10).fill(T_I32),
    results: [],
    locals: [[9, T_I32], [11, T_V128]],
    code,
  };
}
