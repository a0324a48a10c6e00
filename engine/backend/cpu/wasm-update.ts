/**
 * WebAssembly SIMD optimizer updates and the sum of squares, four float32 lanes at a time.
 *
 * Resident operands (see wasm-heap.ts) are updated where they lie; others are copied into the
 * scratch block (one memcpy each), updated there and copied back. The updates run in float32 (the JavaScript kernels in kernels.ts compute in float64 and
 * round once), so the two differ in the last bits; each is deterministic. The sum of squares
 * accumulates in float64 lanes (two f64x2 accumulators), so it is as exact as the JavaScript
 * loop up to the order of summation.
 *
 * Every value an update writes (weights and optimizer state) is flushed to zero below
 * FLUSH_BELOW, as in the JavaScript kernels (see flush.ts): WebAssembly cannot turn on the
 * processor's flush-to-zero, and subnormal numbers make every later product up to 10× slower.
 */
import type { Backend } from '../backend';
import type { HelperStart } from '../threads';
import type { GemmSplitter } from './gemm-helper';
import { gemmFunction, type GemmKernel } from './wasm-gemm';
import { gemmPanelFunction, PANEL_STRIDES } from './wasm-gemm-panel';
import type { Scratch, WasmFunction } from './wasm-asm';
import { FLUSH_BELOW } from './flush';
import {
  ADD,
  BLOCK,
  F32X4_ABS,
  F32X4_LT,
  V128_ANDNOT,
  f32x4Const,
  F32X4_ADD,
  F32X4_DIV,
  F32X4_MUL,
  F32X4_SPLAT,
  F32X4_SQRT,
  F32X4_SUB,
  F64X2_ADD,
  F64X2_MUL,
  F64X2_PROMOTE_LOW,
  F64_ADD,
  GE_U,
  LOOP,
  END,
  SHUFFLE_HIGH_PAIR,
  T_F32,
  T_F64,
  T_I32,
  T_V128,
  br,
  brIf,
  f64x2Extract,
  get,
  i32,
  instantiate,
  moduleBytes,
  set,
  v128Load,
  v128Store,
  v128Zero,
} from './wasm-asm';

/**
 * A loop over byte offset o = 0, 16, … < bytes (local `o`, param `bytesParam`) around `body`.
 * `at(p)` pushes the address param p + o.
 */
// prettier-ignore
function vectorLoop(o: number, bytesParam: number, body: number[]): number[] {
  return [
    ...BLOCK, ...LOOP,
    ...get(o), ...get(bytesParam), GE_U, ...brIf(1),
    ...body,
    ...get(o), ...i32(16), ADD, ...set(o), ...br(0),
    END, END,
  ];
}
const at = (p: number, o: number) => [...get(p), ...get(o), ADD];
/**
 * Replaces the vector on the stack by itself with lanes of magnitude below FLUSH_BELOW set to
 * +0 (NaN lanes kept, so a divergence still shows), using local `tmp` and local `tiny` (set
 * once before the loop by `setTiny`).
 */
// prettier-ignore
const flushed = (tmp: number, tiny: number) => [
  ...set(tmp), ...get(tmp),
  ...get(tmp), ...F32X4_ABS, ...get(tiny), ...F32X4_LT, ...V128_ANDNOT,
];
const setTiny = (tiny: number) => [...f32x4Const(FLUSH_BELOW), ...set(tiny)];
const splat = (param: number, local: number) => [...get(param), ...F32X4_SPLAT, ...set(local)];

// adam(pP, pG, pM, pV, bytes, a = lr/(1−β1ᵗ), β1, 1−β1, β2, 1−β2, c2 = 1/(1−β2ᵗ), ε)
// locals: 12 o; v128 13 A, 14 B1, 15 OB1, 16 B2, 17 OB2, 18 C2, 19 EPS, 20 g, 21 m, 22 v, 23 tmp,
// 24 TINY.
// prettier-ignore
function adam(): WasmFunction {
  const body = [
    ...at(1, 12), ...v128Load(0), ...set(20),
    ...at(2, 12),
    ...get(14), ...at(2, 12), ...v128Load(0), ...F32X4_MUL, ...get(15), ...get(20), ...F32X4_MUL, ...F32X4_ADD,
    ...flushed(23, 24), ...set(21), ...get(21), ...v128Store(0),
    ...at(3, 12),
    ...get(16), ...at(3, 12), ...v128Load(0), ...F32X4_MUL,
    ...get(17), ...get(20), ...F32X4_MUL, ...get(20), ...F32X4_MUL, ...F32X4_ADD,
    ...flushed(23, 24), ...set(22), ...get(22), ...v128Store(0),
    ...at(0, 12),
    ...at(0, 12), ...v128Load(0),
    ...get(13), ...get(21), ...F32X4_MUL,
    ...get(18), ...get(22), ...F32X4_MUL, ...F32X4_SQRT, ...get(19), ...F32X4_ADD,
    ...F32X4_DIV, ...F32X4_SUB, ...flushed(23, 24), ...v128Store(0),
  ];
  const code = [
    ...splat(5, 13), ...splat(6, 14), ...splat(7, 15), ...splat(8, 16), ...splat(9, 17),
    ...splat(10, 18), ...splat(11, 19), ...setTiny(24),
    ...vectorLoop(12, 4, body),
  ];
  return {
    name: 'adam',
    params: [T_I32, T_I32, T_I32, T_I32, T_I32, T_F32, T_F32, T_F32, T_F32, T_F32, T_F32, T_F32],
    results: [],
    locals: [[1, T_I32], [12, T_V128]],
    code,
  };
}

// rmsprop(pP, pG, pS, bytes, lr, ρ, 1−ρ, ε); locals: 8 o; v128 9 LR, 10 RHO, 11 ORHO, 12 EPS,
// 13 g, 14 s, 15 tmp, 16 TINY.
// prettier-ignore
function rmsprop(): WasmFunction {
  const body = [
    ...at(1, 8), ...v128Load(0), ...set(13),
    ...at(2, 8),
    ...get(10), ...at(2, 8), ...v128Load(0), ...F32X4_MUL,
    ...get(11), ...get(13), ...F32X4_MUL, ...get(13), ...F32X4_MUL, ...F32X4_ADD,
    ...flushed(15, 16), ...set(14), ...get(14), ...v128Store(0),
    ...at(0, 8),
    ...at(0, 8), ...v128Load(0),
    ...get(9), ...get(13), ...F32X4_MUL,
    ...get(14), ...F32X4_SQRT, ...get(12), ...F32X4_ADD,
    ...F32X4_DIV, ...F32X4_SUB, ...flushed(15, 16), ...v128Store(0),
  ];
  return {
    name: 'rmsprop',
    params: [T_I32, T_I32, T_I32, T_I32, T_F32, T_F32, T_F32, T_F32],
    results: [],
    locals: [[1, T_I32], [8, T_V128]],
    code: [
      ...splat(4, 9), ...splat(5, 10), ...splat(6, 11), ...splat(7, 12), ...setTiny(16),
      ...vectorLoop(8, 3, body),
    ],
  };
}

// momentum(pP, pG, pV, bytes, lr, μ) and the Nesterov form; locals: 6 o; v128 7 LR, 8 MU, 9 g,
// 10 v, 11 tmp, 12 TINY.
// prettier-ignore
function momentum(nesterov: boolean): WasmFunction {
  const step = nesterov
    ? [...get(9), ...get(8), ...get(10), ...F32X4_MUL, ...F32X4_ADD]
    : get(10);
  const body = [
    ...at(1, 6), ...v128Load(0), ...set(9),
    ...at(2, 6),
    ...get(8), ...at(2, 6), ...v128Load(0), ...F32X4_MUL, ...get(9), ...F32X4_ADD,
    ...flushed(11, 12), ...set(10), ...get(10), ...v128Store(0),
    ...at(0, 6),
    ...at(0, 6), ...v128Load(0), ...get(7), ...step, ...F32X4_MUL, ...F32X4_SUB, ...flushed(11, 12),
    ...v128Store(0),
  ];
  return {
    name: nesterov ? 'nesterov' : 'momentum',
    params: [T_I32, T_I32, T_I32, T_I32, T_F32, T_F32],
    results: [],
    locals: [[1, T_I32], [6, T_V128]],
    code: [...splat(4, 7), ...splat(5, 8), ...setTiny(12), ...vectorLoop(6, 3, body)],
  };
}

// sumSquares(pX, bytes) → f64; locals: 2 o; v128 3 lo-acc, 4 hi-acc, 5 x, 6 d.
// prettier-ignore
function sumSquares(): WasmFunction {
  const body = [
    ...at(0, 2), ...v128Load(0), ...set(5),
    ...get(5), ...F64X2_PROMOTE_LOW, ...set(6),
    ...get(3), ...get(6), ...get(6), ...F64X2_MUL, ...F64X2_ADD, ...set(3),
    ...get(5), ...get(5), ...SHUFFLE_HIGH_PAIR, ...F64X2_PROMOTE_LOW, ...set(6),
    ...get(4), ...get(6), ...get(6), ...F64X2_MUL, ...F64X2_ADD, ...set(4),
  ];
  return {
    name: 'sumSquares',
    params: [T_I32, T_I32],
    results: [T_F64],
    locals: [[1, T_I32], [4, T_V128]],
    code: [
      ...v128Zero, ...set(3), ...v128Zero, ...set(4),
      ...vectorLoop(2, 1, body),
      ...get(3), ...get(4), ...F64X2_ADD, ...set(3),
      ...get(3), ...f64x2Extract(0), ...get(3), ...f64x2Extract(1), F64_ADD,
    ],
  };
}

/** The optimizer updates and the sum of squares, with the Backend's signatures and math. */
export type WasmUpdates = Pick<
  Backend,
  'adamUpdate' | 'rmspropUpdate' | 'momentumUpdate' | 'sumSquares'
>;

type Fn = (...args: number[]) => number;

/** Kernel numbers of the helpers' module (gemm-helper.ts): the product, then the updates. */
const ADAM = 1;
const RMSPROP = 2;
const MOMENTUM = 3;
const NESTEROV = 4;
/**
 * The product on packed weights (wasm-gemm-panel.ts), then its fixed-stride variants: kernel
 * GEMM_PANEL + 1 + i runs rows PANEL_STRIDES[i] bytes apart.
 */
export const GEMM_PANEL = 5;

/** The helpers' module: the product (kernel 0) and the optimizer updates, on shared memory. */
export function helperModule(kernel: GemmKernel): Pick<HelperStart, 'module' | 'kernels'> {
  const fns = [
    gemmFunction(kernel),
    adam(),
    rmsprop(),
    momentum(false),
    momentum(true),
    gemmPanelFunction(kernel),
    ...PANEL_STRIDES.map((stride) => gemmPanelFunction(kernel, stride)),
  ];
  return {
    module: moduleBytes(fns, true),
    kernels: fns.map((f) => ({
      name: f.name,
      signature: f.params.map((t) => (t === T_F32 ? 'f' : 'i')).join(''),
    })),
  };
}
const SIG_ADAM = 'iiiiifffffff';
const SIG_RMSPROP = 'iiiiffff';
const SIG_MOMENTUM = 'iiiiff';

/**
 * The kernels working in `scratch`, or null where the runtime lacks WebAssembly SIMD. With a
 * splitter, updates of resident parameters large enough are split over the helper threads.
 */
export function createWasmUpdates(
  scratch: Scratch,
  splitter: GemmSplitter | null = null,
): WasmUpdates | null {
  const ex = instantiate(scratch, [
    adam(),
    rmsprop(),
    momentum(false),
    momentum(true),
    sumSquares(),
  ]);
  if (ex === null) return null;
  const fAdam = ex.adam as Fn;
  const fRms = ex.rmsprop as Fn;
  const fMom = ex.momentum as Fn;
  const fNes = ex.nesterov as Fn;
  const fSum = ex.sumSquares as Fn;
  const heap = scratch.heap;
  /** Arguments of an update (reused: a step allocates nothing). */
  const args: number[] = [];
  /** Runs kernel f (k here) on `args`, split over the helpers when resident and large. */
  const update = (f: number, k: Fn, sig: string, copied: boolean): void => {
    if (!copied && splitter !== null && splitter.vector(f, k, args, sig.indexOf('f') - 1, sig))
      return;
    k(...args);
  };
  /**
   * Puts the arrays' byte addresses in `args` (the first `count` of p, g, s, t): where they lie
   * when all are resident and n is a multiple of four (the kernels run over whole vectors), else
   * in consecutive 4-aligned regions of the scratch block they are copied into. Returns whether
   * they were copied.
   */
  const place = (
    count: number,
    n: number,
    p: Float32Array,
    g: Float32Array | null,
    s: Float32Array | null,
    t: Float32Array | null,
  ): boolean => {
    args.length = 0;
    let resident = n % 4 === 0;
    for (let i = 0; i < count && resident; i++) {
      const a = heap.addressOf((i === 0 ? p : i === 1 ? g : i === 2 ? s : t)!);
      args.push(a);
      resident = a >= 0;
    }
    if (resident) return false;
    args.length = 0;
    const stride = (n + 3) & ~3;
    const m = scratch.ensure(stride * count);
    for (let i = 0; i < count; i++) {
      m.set((i === 0 ? p : i === 1 ? g : i === 2 ? s : t)!, scratch.base + i * stride);
      args.push((scratch.base + i * stride) * 4);
    }
    return true;
  };
  const copyOut = (to: Float32Array, region: number, n: number) => {
    const o = scratch.base + region * ((n + 3) & ~3);
    to.set(scratch.f32.subarray(o, o + n));
  };
  const bytes = (n: number) => ((n + 3) & ~3) * 4;
  return {
    adamUpdate(p, g, mm, v, lr, beta1, beta2, eps, t) {
      const n = p.length;
      const copied = place(4, n, p, g, mm, v);
      args.push(bytes(n), lr / (1 - Math.pow(beta1, t)), beta1, 1 - beta1, beta2, 1 - beta2);
      args.push(1 / (1 - Math.pow(beta2, t)), eps);
      update(ADAM, fAdam, SIG_ADAM, copied);
      if (!copied) return;
      copyOut(p, 0, n);
      copyOut(mm, 2, n);
      copyOut(v, 3, n);
    },
    rmspropUpdate(p, g, s, lr, rho, eps) {
      const n = p.length;
      const copied = place(3, n, p, g, s, null);
      args.push(bytes(n), lr, rho, 1 - rho, eps);
      update(RMSPROP, fRms, SIG_RMSPROP, copied);
      if (!copied) return;
      copyOut(p, 0, n);
      copyOut(s, 2, n);
    },
    momentumUpdate(p, g, v, lr, mu, nesterov) {
      const n = p.length;
      const copied = place(3, n, p, g, v, null);
      args.push(bytes(n), lr, mu);
      if (nesterov) update(NESTEROV, fNes, SIG_MOMENTUM, copied);
      else update(MOMENTUM, fMom, SIG_MOMENTUM, copied);
      if (!copied) return;
      copyOut(p, 0, n);
      copyOut(v, 2, n);
    },
    sumSquares(x) {
      const n = x.length;
      if (place(1, n, x, null, null, null)) {
        // Lanes past n must not count.
        const m = scratch.f32;
        for (let i = n; i < ((n + 3) & ~3); i++) m[scratch.base + i] = 0;
      }
      return fSum(args[0]!, bytes(n));
    },
  };
}
