/**
 * Matrix-product kernel sources for the gpu.js backend (the counterpart of cpu/gemm.ts).
 *
 * One thread per output element (x = column j, y = row i) computes
 *   C[i][j] = Σ_{k<K} A'(i, k) · B'(k, j)  (+ C_old[i][j] when accumulating)
 * with A' = A or Aᵀ and B' = B or Bᵀ chosen when the source is built, so no operand is copied.
 * K is a kernel constant: gpu.js silently cuts loops bounded by an argument at
 * loopMaxIterations (1000), a constant bound is compiled into the shader as is.
 * The Dense forward pass fuses bias and activation: out = f(Σ_k x[i][k]·w[k][j] + b[j]).
 */
import type { ActivationKind } from '../backend';

/**
 * f(v) as a gpu.js expression of the local `v` (α: this.constants.alpha). tanh is written as
 * 1 − 2/(e^{2v} + 1): the GLSL polyfill of Math.tanh overflows to NaN for v ≳ 44.
 */
export function activationSource(act: ActivationKind): string {
  switch (act) {
    case 'relu':
      return 'Math.max(v, 0.0)';
    case 'leaky_relu':
      return '(v > 0.0 ? v : this.constants.alpha * v)';
    case 'sigmoid':
      return '(v >= 0.0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v)))';
    case 'tanh':
      return '(1.0 - 2.0 / (Math.exp(2.0 * v) + 1.0))';
    default:
      return 'v';
  }
}

/** Source of out = op(a)·op(b) (+ c when `accumulate`); constants: K. */
export function matmulSource(transA: boolean, transB: boolean, accumulate: boolean): string {
  const a = transA ? 'a[k][this.thread.y]' : 'a[this.thread.y][k]';
  const b = transB ? 'b[this.thread.x][k]' : 'b[k][this.thread.x]';
  const args = accumulate ? 'a, b, c' : 'a, b';
  const start = accumulate ? 'c[this.thread.y][this.thread.x]' : '0.0';
  return `function (${args}) {
  let s = ${start};
  for (let k = 0; k < this.constants.K; k++) {
    s += ${a} * ${b};
  }
  return s;
}`;
}

/** Source of out = f(x·w + bias); constants: K (and alpha). */
export function denseSource(act: ActivationKind, bias: boolean): string {
  return `function (${bias ? 'x, w, b' : 'x, w'}) {
  let s = 0.0;
  for (let k = 0; k < this.constants.K; k++) {
    s += x[this.thread.y][k] * w[k][this.thread.x];
  }
  const v = s${bias ? ' + b[0][this.thread.x]' : ''};
  return ${activationSource(act)};
}`;
}
