/**
 * The CPU backend: every Backend kernel as a plain loop over Float32Array. Matrix products go
 * through the WebAssembly SIMD kernel where the host has one, else the register-tiled JavaScript
 * `gemm`; nothing here allocates except `alloc` (and a one-off growth of the SIMD scratch memory).
 */
import { productShape, type ActivationKind, type Backend, type Mat } from '../backend';
import type { Rng } from '../../data/rng';
import { gemm, type Gemm } from './gemm';
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

  biasActivation(
    z: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void {
    const rows = z.rows;
    const cols = z.cols;
    const x = z.data;
    const y = out.data;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let c = 0; c < cols; c++) {
        const v = bias === null ? x[o + c]! : x[o + c]! + bias[c]!;
        let f: number;
        switch (act) {
          case 'relu':
            f = v > 0 ? v : 0;
            break;
          case 'leaky_relu':
            f = v > 0 ? v : alpha * v;
            break;
          case 'sigmoid':
            f = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
            break;
          case 'tanh':
            f = Math.tanh(v);
            break;
          default:
            f = v;
        }
        y[o + c] = f;
      }
    }
  }

  activationBackward(y: Mat, gradOut: Mat, act: ActivationKind, alpha: number, gradIn: Mat): void {
    const n = y.rows * y.cols;
    const a = y.data;
    const g = gradOut.data;
    const d = gradIn.data;
    switch (act) {
      case 'relu':
        for (let i = 0; i < n; i++) d[i] = a[i]! > 0 ? g[i]! : 0;
        break;
      case 'leaky_relu':
        for (let i = 0; i < n; i++) d[i] = a[i]! > 0 ? g[i]! : alpha * g[i]!;
        break;
      case 'sigmoid':
        for (let i = 0; i < n; i++) d[i] = g[i]! * a[i]! * (1 - a[i]!);
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) d[i] = g[i]! * (1 - a[i]! * a[i]!);
        break;
      default:
        if (d !== g) for (let i = 0; i < n; i++) d[i] = g[i]!;
    }
  }

  softmaxRows(x: Mat, out: Mat): void {
    const cols = x.cols;
    const s = x.data;
    const d = out.data;
    for (let r = 0; r < x.rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let c = 0; c < cols; c++) if (s[o + c]! > max) max = s[o + c]!;
      let sum = 0;
      for (let c = 0; c < cols; c++) {
        const e = Math.exp(s[o + c]! - max);
        d[o + c] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let c = 0; c < cols; c++) d[o + c] = d[o + c]! * inv;
    }
  }

  sumColumns(m: Mat, out: Float32Array, accumulate: boolean): void {
    const cols = m.cols;
    const d = m.data;
    if (!accumulate) out.fill(0, 0, cols);
    for (let r = 0; r < m.rows; r++) {
      const o = r * cols;
      for (let c = 0; c < cols; c++) out[c] = out[c]! + d[o + c]!;
    }
  }

  dropoutMask(mask: Float32Array, n: number, rate: number, rng: Rng): void {
    const keep = 1 / (1 - rate);
    for (let i = 0; i < n; i++) mask[i] = rng.float() < rate ? 0 : keep;
  }

  multiply(a: Float32Array, b: Float32Array, out: Float32Array, n: number): void {
    for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
  }

  sumSquares(x: Float32Array): number {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
    return s;
  }

  sumAbs(x: Float32Array): number {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += Math.abs(x[i]!);
    return s;
  }

  scale(x: Float32Array, s: number): void {
    for (let i = 0; i < x.length; i++) x[i] = x[i]! * s;
  }

  addScaled(out: Float32Array, x: Float32Array, s: number): void {
    for (let i = 0; i < x.length; i++) out[i] = out[i]! + s * x[i]!;
  }

  addScaledSign(out: Float32Array, x: Float32Array, s: number): void {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = out[i]! + (v > 0 ? s : v < 0 ? -s : 0);
    }
  }

  softmaxCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number {
    const rows = z.rows;
    const cols = z.cols;
    const s = z.data;
    const t = y.data;
    const p = probs.data;
    const g = grad.data;
    const invB = 1 / rows;
    let loss = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let c = 0; c < cols; c++) if (s[o + c]! > max) max = s[o + c]!;
      let sum = 0;
      for (let c = 0; c < cols; c++) sum += Math.exp(s[o + c]! - max);
      const lse = max + Math.log(sum);
      for (let c = 0; c < cols; c++) {
        const logp = s[o + c]! - lse;
        const pc = Math.exp(logp);
        const yc = t[o + c]!;
        if (yc !== 0) loss -= yc * logp;
        p[o + c] = pc;
        g[o + c] = (pc - yc) * invB;
      }
    }
    return loss * invB;
  }

  sigmoidBinaryCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number {
    const n = z.rows * z.cols;
    const s = z.data;
    const t = y.data;
    const p = probs.data;
    const g = grad.data;
    const invN = 1 / n;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const v = s[i]!;
      const yi = t[i]!;
      const e = Math.exp(-Math.abs(v));
      loss += (v > 0 ? v : 0) - v * yi + Math.log1p(e);
      const pi = v >= 0 ? 1 / (1 + e) : e / (1 + e);
      p[i] = pi;
      g[i] = (pi - yi) * invN;
    }
    return loss * invN;
  }

  meanSquaredError(pred: Mat, y: Mat, grad: Mat): number {
    const n = pred.rows * pred.cols;
    const p = pred.data;
    const t = y.data;
    const g = grad.data;
    const invN = 1 / n;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const d = p[i]! - t[i]!;
      loss += d * d;
      g[i] = 2 * d * invN;
    }
    return loss * invN;
  }

  sgdUpdate(p: Float32Array, g: Float32Array, lr: number): void {
    for (let i = 0; i < p.length; i++) p[i] = p[i]! - lr * g[i]!;
  }

  momentumUpdate(
    p: Float32Array,
    g: Float32Array,
    v: Float32Array,
    lr: number,
    mu: number,
    nesterov: boolean,
  ): void {
    for (let i = 0; i < p.length; i++) {
      const vi = mu * v[i]! + g[i]!;
      v[i] = vi;
      p[i] = p[i]! - lr * (nesterov ? g[i]! + mu * vi : vi);
    }
  }

  rmspropUpdate(
    p: Float32Array,
    g: Float32Array,
    s: Float32Array,
    lr: number,
    rho: number,
    eps: number,
  ): void {
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]!;
      const si = rho * s[i]! + (1 - rho) * gi * gi;
      s[i] = si;
      p[i] = p[i]! - (lr * gi) / (Math.sqrt(si) + eps);
    }
  }

  adamUpdate(
    p: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    t: number,
  ): void {
    const c1 = 1 / (1 - Math.pow(beta1, t));
    const c2 = 1 / (1 - Math.pow(beta2, t));
    const b1 = 1 - beta1;
    const b2 = 1 - beta2;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]!;
      const mi = beta1 * m[i]! + b1 * gi;
      const vi = beta2 * v[i]! + b2 * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] = p[i]! - (lr * mi * c1) / (Math.sqrt(vi * c2) + eps);
    }
  }
}

/** One shared CPU backend (it holds no state). */
export const cpuBackend: Backend = new CpuBackend();
