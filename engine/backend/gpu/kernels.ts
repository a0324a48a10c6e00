/**
 * Element-wise, row-reduction, loss and optimizer kernel sources for the gpu.js backend (the
 * math of cpu/cpu-backend.ts, one thread per output element: x = column, y = row).
 *
 * Reductions over a row loop to the constant C (the row width), over a column to the constant
 * R (the row count): never to an argument, which gpu.js would cut at loopMaxIterations. Scalars
 * that change between calls (learning rate, Adam's bias corrections, …) are arguments.
 */
import type { ActivationKind } from '../backend';
import { activationSource } from './gemm';

const AT = '[this.thread.y][this.thread.x]';

/** Host → device: the identity on a gpu.js Input. */
export const UPLOAD = `function (a) { return a${AT}; }`;

/** out = f(z + bias[col]) (bias optional); constants: alpha. */
export function biasActivationSource(act: ActivationKind, bias: boolean): string {
  return `function (${bias ? 'z, b' : 'z'}) {
  const v = z${AT}${bias ? ' + b[0][this.thread.x]' : ''};
  return ${activationSource(act)};
}`;
}

/** gradIn = gradOut ⊙ f'(·) through the activation's output y; constants: alpha. */
export function activationBackwardSource(act: ActivationKind): string {
  const d: Record<ActivationKind, string> = {
    relu: '(y > 0.0 ? g : 0.0)',
    leaky_relu: '(y > 0.0 ? g : this.constants.alpha * g)',
    sigmoid: 'g * y * (1.0 - y)',
    tanh: 'g * (1.0 - y * y)',
    linear: 'g',
  };
  return `function (a, gradOut) {
  const y = a${AT};
  const g = gradOut${AT};
  return ${d[act]};
}`;
}

/** Row-wise max and Σ exp(x − max) as statements defining `max` and `sum`; constants: C. */
const ROW_LSE = `
  let max = x[this.thread.y][0];
  for (let c = 1; c < this.constants.C; c++) { max = Math.max(max, x[this.thread.y][c]); }
  let sum = 0.0;
  for (let c = 0; c < this.constants.C; c++) { sum += Math.exp(x[this.thread.y][c] - max); }`;

/** softmax of each row: exp(x − max) / Σ exp(x − max); constants: C. */
export const SOFTMAX = `function (x) {${ROW_LSE}
  return Math.exp(x${AT} - max) / sum;
}`;

/** Per-row cross-entropy −Σ_c y_c·(z_c − lse(z)), output R × 1; constants: C. */
export const CE_ROWS = `function (x, t) {${ROW_LSE}
  const lse = max + Math.log(sum);
  let loss = 0.0;
  for (let c = 0; c < this.constants.C; c++) { loss -= t[this.thread.y][c] * (x[this.thread.y][c] - lse); }
  return loss;
}`;

/** (p − y)·s: the gradient of fused softmax/sigmoid + cross-entropy (s = 1/B or 1/N). */
export const PROB_GRAD = `function (p, t, s) { return (p${AT} - t${AT}) * s; }`;

/** Per-element max(z,0) − z·y + log(1 + e^{−|z|}). */
export const BCE_ELEMENTS = `function (z, t) {
  const v = z${AT};
  return Math.max(v, 0.0) - v * t${AT} + Math.log(1.0 + Math.exp(-Math.abs(v)));
}`;

/** Per-element (p − y)². */
export const SQUARED_ERROR = `function (p, t) { const d = p${AT} - t${AT}; return d * d; }`;

/** out[c] = Σ_r m[r][c] (+ old out[c]); output 1 × C; constants: R. */
export function sumColumnsSource(accumulate: boolean): string {
  return `function (${accumulate ? 'm, o' : 'm'}) {
  let s = ${accumulate ? 'o[0][this.thread.x]' : '0.0'};
  for (let r = 0; r < this.constants.R; r++) { s += m[r][this.thread.x]; }
  return s;
}`;
}

/** Per-row Σ x² or Σ |x|, output R × 1; constants: C. */
export function rowSumSource(kind: 'squares' | 'abs'): string {
  const term = kind === 'squares' ? 'v * v' : 'Math.abs(v)';
  return `function (x) {
  let s = 0.0;
  for (let c = 0; c < this.constants.C; c++) { const v = x[this.thread.y][c]; s += ${term}; }
  return s;
}`;
}

export const MULTIPLY = `function (a, b) { return a${AT} * b${AT}; }`;
export const SCALE = `function (x, s) { return x${AT} * s; }`;
/** out + s·x */
export const ADD_SCALED = `function (o, x, s) { return o${AT} + s * x${AT}; }`;
/** out + s·sign(x), sign(0) = 0 */
export const ADD_SCALED_SIGN = `function (o, x, s) {
  const v = x${AT};
  return o${AT} + (v > 0.0 ? s : (v < 0.0 ? -s : 0.0));
}`;

/** SGD: p − lr·g */
export const SGD = `function (p, g, lr) { return p${AT} - lr * g${AT}; }`;
/** Momentum state: v' = μ·v + g */
export const MOMENTUM_V = `function (v, g, mu) { return mu * v${AT} + g${AT}; }`;
/** Momentum step from the new v': p − lr·(n·(g + μ·v') + (1 − n)·v'), n = 1 for Nesterov. */
export const MOMENTUM_P = `function (p, g, v, lr, mu, n) {
  const vi = v${AT};
  return p${AT} - lr * (n * (g${AT} + mu * vi) + (1.0 - n) * vi);
}`;
/** Exponential moving average a' = β·a + (1 − β)·g^e (e = 1 for Adam's m, 2 for v and RMSprop). */
export const EMA = `function (a, g, beta, e) {
  const gi = g${AT};
  return beta * a${AT} + (1.0 - beta) * (e > 1.5 ? gi * gi : gi);
}`;
/** RMSprop step from the new s': p − lr·g / (√s' + ε) */
export const RMSPROP_P = `function (p, g, s, lr, eps) {
  return p${AT} - lr * g${AT} / (Math.sqrt(s${AT}) + eps);
}`;
/** Adam step from the new m', v': p − lr·m'·c1 / (√(v'·c2) + ε) */
export const ADAM_P = `function (p, m, v, lr, c1, c2, eps) {
  return p${AT} - lr * m${AT} * c1 / (Math.sqrt(v${AT} * c2) + eps);
}`;
