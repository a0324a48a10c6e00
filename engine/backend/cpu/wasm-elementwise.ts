/**
 * WebAssembly SIMD bias + ReLU / linear activation and the ReLU derivative, four lanes at a time
 * (the JavaScript loops in kernels.ts cost about 3 ns per element; these about a tenth of that
 * plus the copies into the scratch memory). Same results as the JavaScript kernels bit for bit:
 * one float32 add, then max(0, v) with NaN → 0 (f32x4.pmax(0, v) = 0 < v ? v : 0), and the
 * derivative keeps g where y > 0 (a lane mask). Rows must be a multiple of four wide (the bias
 * index wraps per vector); other widths stay in JavaScript.
 */
import type { ActivationKind, Mat } from '../backend';
import * as K from './kernels';
import {
  ADD,
  BLOCK,
  END,
  F32X4_ADD,
  GE_U,
  LOOP,
  T_I32,
  br,
  brIf,
  get,
  i32,
  instantiate,
  set,
  simd,
  v128Load,
  v128Store,
  v128Zero,
  type Scratch,
  type WasmFunction,
} from './wasm-asm';

const F32X4_PMAX = simd(0xeb);
const F32X4_GT = simd(0x44);
const V128_AND = simd(0x4e);
const NE = 0x47;
const IF = [0x04, 0x40];

// bias(pZ, bytes, pBias, rowBytes) with relu or not; locals 4 o, 5 c (byte offset in the bias).
// prettier-ignore
function bias(relu: boolean): WasmFunction {
  const value = [...get(0), ...get(4), ADD, ...v128Load(0), ...get(2), ...get(5), ADD, ...v128Load(0), ...F32X4_ADD];
  const code = [
    ...BLOCK, ...LOOP,
    ...get(4), ...get(1), GE_U, ...brIf(1),
    ...get(0), ...get(4), ADD,
    ...(relu ? [...v128Zero, ...value, ...F32X4_PMAX] : value),
    ...v128Store(0),
    ...get(4), ...i32(16), ADD, ...set(4),
    ...get(5), ...i32(16), ADD, ...set(5),
    // c wraps to 0 at the end of a row.
    ...get(5), ...get(3), NE, ...IF, ...br(1), END,
    ...i32(0), ...set(5), ...br(0),
    END, END,
  ];
  return { name: relu ? 'biasRelu' : 'biasLinear', params: [T_I32, T_I32, T_I32, T_I32], results: [], locals: [[2, T_I32]], code };
}

// reluBackward(pY, pG, pD, bytes): d = y > 0 ? g : 0; local 4 o.
// prettier-ignore
function reluBackward(): WasmFunction {
  const code = [
    ...BLOCK, ...LOOP,
    ...get(4), ...get(3), GE_U, ...brIf(1),
    ...get(2), ...get(4), ADD,
    ...get(1), ...get(4), ADD, ...v128Load(0),
    ...get(0), ...get(4), ADD, ...v128Load(0), ...v128Zero, ...F32X4_GT,
    ...V128_AND, ...v128Store(0),
    ...get(4), ...i32(16), ADD, ...set(4), ...br(0),
    END, END,
  ];
  return { name: 'reluBackward', params: [T_I32, T_I32, T_I32, T_I32], results: [], locals: [[1, T_I32]], code };
}

type Fn = (...args: number[]) => void;

export interface WasmElementwise {
  biasActivation(
    z: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void;
  activationBackward(y: Mat, gradOut: Mat, act: ActivationKind, alpha: number, gradIn: Mat): void;
}

/** The kernels working in `scratch`, or null where the runtime lacks WebAssembly SIMD. */
export function createWasmElementwise(scratch: Scratch): WasmElementwise | null {
  const ex = instantiate(scratch, [bias(false), bias(true), reluBackward()]);
  if (ex === null) return null;
  const fLin = ex.biasLinear as Fn;
  const fRelu = ex.biasRelu as Fn;
  const fBack = ex.reluBackward as Fn;
  const base = scratch.base;
  return {
    biasActivation(z, b, act, alpha, out) {
      const cols = z.cols;
      const n = z.rows * cols;
      if (b === null || cols % 4 !== 0 || (act !== 'relu' && act !== 'linear')) {
        K.biasActivation(z, b, act, alpha, out);
        return;
      }
      const zOff = base;
      const bOff = base + n;
      const m = scratch.ensure(n + cols);
      m.set(z.data.subarray(0, n), zOff);
      m.set(b.subarray(0, cols), bOff);
      (act === 'relu' ? fRelu : fLin)(zOff * 4, n * 4, bOff * 4, cols * 4);
      out.data.set(m.subarray(zOff, zOff + n));
    },
    activationBackward(y, gradOut, act, alpha, gradIn) {
      const n = y.rows * y.cols;
      if (act !== 'relu' || n % 4 !== 0) {
        K.activationBackward(y, gradOut, act, alpha, gradIn);
        return;
      }
      const m = scratch.ensure(2 * n);
      m.set(y.data.subarray(0, n), base);
      m.set(gradOut.data.subarray(0, n), base + n);
      fBack(base * 4, (base + n) * 4, base * 4, n * 4);
      gradIn.data.set(m.subarray(base, base + n));
    },
  };
}
