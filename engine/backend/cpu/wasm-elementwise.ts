/**
 * WebAssembly SIMD bias + ReLU / linear activation and the ReLU derivative, four lanes at a time
 * (the JavaScript loops in kernels.ts cost about 3 ns per element; these about a tenth of that
 * plus the copies into the scratch memory, none for resident arrays). Same results as the JavaScript kernels bit for bit:
 * one float32 add, then max(0, v) with NaN → 0 (f32x4.pmax(0, v) = 0 < v ? v : 0), and the
 * derivative keeps g where y > 0 (a lane mask). Rows must be a multiple of four wide (the bias
 * index wraps per vector); other widths stay in JavaScript. The bias gradient (column sums) runs
 * here too, in the JavaScript loop's order, so it is bit-identical as well.
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
  T_V128,
  SUB,
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
const IF_ELSE_V128 = [0x04, T_V128];
const ELSE = 0x05;
const EQZ = 0x45;

// bias(pZ, bytes, pBias, rowBytes, pOut) with relu or not; locals 5 o, 6 c (byte offset in the
// bias).
// prettier-ignore
function bias(relu: boolean): WasmFunction {
  const value = [...get(0), ...get(5), ADD, ...v128Load(0), ...get(2), ...get(6), ADD, ...v128Load(0), ...F32X4_ADD];
  const code = [
    ...BLOCK, ...LOOP,
    ...get(5), ...get(1), GE_U, ...brIf(1),
    ...get(4), ...get(5), ADD,
    ...(relu ? [...v128Zero, ...value, ...F32X4_PMAX] : value),
    ...v128Store(0),
    ...get(5), ...i32(16), ADD, ...set(5),
    ...get(6), ...i32(16), ADD, ...set(6),
    // c wraps to 0 at the end of a row.
    ...get(6), ...get(3), NE, ...IF, ...br(1), END,
    ...i32(0), ...set(6), ...br(0),
    END, END,
  ];
  return { name: relu ? 'biasRelu' : 'biasLinear', params: [T_I32, T_I32, T_I32, T_I32, T_I32], results: [], locals: [[2, T_I32]], code };
}

// sumColumns(pM, rows, rowBytes, pOut, acc): out[c] (+)= Σ_r m[r][c], four columns at a time,
// rows in order (the JavaScript loop's order and float32 rounding); locals 5 c, 6 p, 7 r,
// v128 8 s.
// prettier-ignore
function sumColumns(): WasmFunction {
  const code = [
    ...BLOCK, ...LOOP,
    ...get(5), ...get(2), GE_U, ...brIf(1),
    ...get(4), ...IF_ELSE_V128, ...get(3), ...get(5), ADD, ...v128Load(0), ELSE, ...v128Zero, END, ...set(8),
    ...get(0), ...get(5), ADD, ...set(6),
    ...get(1), ...set(7),
    ...BLOCK, ...LOOP,
    ...get(7), EQZ, ...brIf(1),
    ...get(8), ...get(6), ...v128Load(0), ...F32X4_ADD, ...set(8),
    ...get(6), ...get(2), ADD, ...set(6),
    ...get(7), ...i32(1), SUB, ...set(7), ...br(0),
    END, END,
    ...get(3), ...get(5), ADD, ...get(8), ...v128Store(0),
    ...get(5), ...i32(16), ADD, ...set(5), ...br(0),
    END, END,
  ];
  return { name: 'sumColumns', params: [T_I32, T_I32, T_I32, T_I32, T_I32], results: [], locals: [[3, T_I32], [1, T_V128]], code };
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
  sumColumns(m: Mat, out: Float32Array, accumulate: boolean): void;
}

/** The kernels working in `scratch`, or null where the runtime lacks WebAssembly SIMD. */
export function createWasmElementwise(scratch: Scratch): WasmElementwise | null {
  const ex = instantiate(scratch, [bias(false), bias(true), reluBackward(), sumColumns()]);
  if (ex === null) return null;
  const fLin = ex.biasLinear as Fn;
  const fRelu = ex.biasRelu as Fn;
  const fBack = ex.reluBackward as Fn;
  const fSum = ex.sumColumns as Fn;
  const heap = scratch.heap;
  /**
   * Byte addresses of a (na floats), b (nb) and c (nc) in `at`: where they lie when all three
   * are resident, else in consecutive regions of the scratch block, a and b copied there.
   * Returns whether they were copied.
   */
  const at = [0, 0, 0];
  const place = (
    a: Float32Array,
    na: number,
    b: Float32Array,
    nb: number,
    c: Float32Array,
    nc: number,
  ): boolean => {
    at[0] = heap.addressOf(a);
    at[1] = heap.addressOf(b);
    at[2] = heap.addressOf(c);
    if (at[0]! >= 0 && at[1]! >= 0 && at[2]! >= 0) return false;
    const ra = (na + 3) & ~3;
    const rb = (nb + 3) & ~3;
    const m = scratch.ensure(ra + rb + nc);
    const o = scratch.base;
    m.set(a.subarray(0, na), o);
    m.set(b.subarray(0, nb), o + ra);
    at[0] = o * 4;
    at[1] = (o + ra) * 4;
    at[2] = (o + ra + rb) * 4;
    return true;
  };
  const copyOut = (to: Float32Array, region: number, n: number) => {
    const o = at[region]! >> 2;
    to.set(scratch.f32.subarray(o, o + n));
  };
  return {
    biasActivation(z, b, act, alpha, out) {
      const cols = z.cols;
      const n = z.rows * cols;
      if (b === null || cols % 4 !== 0 || (act !== 'relu' && act !== 'linear')) {
        K.biasActivation(z, b, act, alpha, out);
        return;
      }
      const copied = place(z.data, n, b, cols, out.data, n);
      (act === 'relu' ? fRelu : fLin)(at[0]!, n * 4, at[1]!, cols * 4, at[2]!);
      if (copied) copyOut(out.data, 2, n);
    },
    activationBackward(y, gradOut, act, alpha, gradIn) {
      const n = y.rows * y.cols;
      if (act !== 'relu' || n % 4 !== 0) {
        K.activationBackward(y, gradOut, act, alpha, gradIn);
        return;
      }
      const copied = place(y.data, n, gradOut.data, n, gradIn.data, n);
      fBack(at[0]!, at[1]!, at[2]!, n * 4);
      if (copied) copyOut(gradIn.data, 2, n);
    },
    sumColumns(m, out, accumulate) {
      const cols = m.cols;
      if (cols % 4 !== 0) {
        K.sumColumns(m, out, accumulate);
        return;
      }
      const copied = place(m.data, m.rows * cols, out, cols, out, 0);
      fSum(at[0]!, m.rows, cols * 4, at[1]!, accumulate ? 1 : 0);
      if (copied) copyOut(out, 1, cols);
    },
  };
}
