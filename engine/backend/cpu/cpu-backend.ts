/**
 * The CPU backend: every Backend kernel as a plain loop over Float32Array. Matrix products go
 * through the WebAssembly SIMD kernel where the host has one, else the register-tiled JavaScript
 * `gemm`; nothing here allocates except `alloc` (and a one-off growth of the SIMD scratch memory).
 */
import { productShape, type ActivationKind, type Backend, type Mat } from '../backend';
import { gemm, type Gemm } from './gemm';
import * as K from './kernels';
import { createWasmGemm } from './wasm-gemm';

export interface CpuBackendOptions {
  /** Use the WebAssembly SIMD matrix product when available (default true). */
  simd?: boolean;
}

export class CpuBackend implements Backend {
  readonly name: string;
  private readonly gemm: Gemm;

  constructor(opts: CpuBackendOptions = {}) {
    const wasm = opts.simd === false ? null : createWasmGemm();
    this.gemm = wasm ?? gemm;
    this.name = wasm ? 'cpu-simd' : 'cpu-js';
  }

  alloc(rows: number, cols: number): Mat {
    return { rows, cols, data: new Float32Array(rows * cols) };
  }

  allocLike(x: Float32Array): Float32Array {
    return new Float32Array(x.length);
  }

  // Everything lives on the host: nothing to synchronise or free.
  upload(_x: Float32Array): void {}
  download(_x: Float32Array): void {}
  dispose(): void {}

  matmul(a: Mat, b: Mat, out: Mat, transA: boolean, transB: boolean, accumulate: boolean): void {
    const [M, K, N] = productShape(a, b, out, transA, transB);
    const sai = transA ? 1 : a.cols;
    const sak = transA ? a.cols : 1;
    const sbk = transB ? 1 : b.cols;
    const sbj = transB ? b.cols : 1;
    this.gemm(M, N, K, a.data, sai, sak, b.data, sbk, sbj, out.data, accumulate);
  }

  denseForward(
    x: Mat,
    w: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void {
    this.matmul(x, w, out, false, false, false);
    if (bias !== null || act !== 'linear') this.biasActivation(out, bias, act, alpha, out);
  }

  // Element-wise, loss and optimizer kernels: kernels.ts (as in gpu/).
  readonly biasActivation = K.biasActivation;
  readonly activationBackward = K.activationBackward;
  readonly softmaxRows = K.softmaxRows;
  readonly sumColumns = K.sumColumns;
  readonly dropoutMask = K.dropoutMask;
  readonly multiply = K.multiply;
  readonly sumSquares = K.sumSquares;
  readonly sumAbs = K.sumAbs;
  readonly scale = K.scale;
  readonly addScaled = K.addScaled;
  readonly addScaledSign = K.addScaledSign;
  readonly softmaxCrossEntropy = K.softmaxCrossEntropy;
  readonly sigmoidBinaryCrossEntropy = K.sigmoidBinaryCrossEntropy;
  readonly meanSquaredError = K.meanSquaredError;
  readonly sgdUpdate = K.sgdUpdate;
  readonly momentumUpdate = K.momentumUpdate;
  readonly rmspropUpdate = K.rmspropUpdate;
  readonly adamUpdate = K.adamUpdate;
}

/** One shared CPU backend (it holds no state). */
export const cpuBackend: Backend = new CpuBackend();
