/**
 * The CPU backend's element-wise, reduction, loss and optimizer kernels: plain loops over
 * Float32Array (the same file name and kernels as gpu/kernels.ts; the math is stated on the
 * Backend interface). Nothing here allocates.
 */
import type { ActivationKind, Mat } from '../backend';
import type { Rng } from '../../data/rng';
import { flushed } from './flush';

export function biasActivation(
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
  // One loop per activation with the bias hoisted: the switch per element cost more than the math.
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    if (bias !== null) {
      for (let c = 0; c < cols; c++) y[o + c] = x[o + c]! + bias[c]!;
    } else if (y !== x) {
      for (let c = 0; c < cols; c++) y[o + c] = x[o + c]!;
    }
  }
  const n = rows * cols;
  switch (act) {
    case 'relu':
      for (let i = 0; i < n; i++) if (!(y[i]! > 0)) y[i] = 0;
      break;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) {
        const v = y[i]!;
        if (!(v > 0)) y[i] = alpha * v;
      }
      break;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const v = y[i]!;
        y[i] = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      }
      break;
    case 'tanh':
      for (let i = 0; i < n; i++) y[i] = Math.tanh(y[i]!);
      break;
    default:
  }
}

export function activationBackward(
  y: Mat,
  gradOut: Mat,
  act: ActivationKind,
  alpha: number,
  gradIn: Mat,
): void {
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

export function softmaxRows(x: Mat, out: Mat): void {
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

export function sumColumns(m: Mat, out: Float32Array, accumulate: boolean): void {
  const cols = m.cols;
  const d = m.data;
  if (!accumulate) out.fill(0, 0, cols);
  for (let r = 0; r < m.rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) out[c] = out[c]! + d[o + c]!;
  }
}

export function dropoutMask(mask: Float32Array, n: number, rate: number, rng: Rng): void {
  const keep = 1 / (1 - rate);
  for (let i = 0; i < n; i++) mask[i] = rng.float() < rate ? 0 : keep;
}

export function multiply(a: Float32Array, b: Float32Array, out: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
}

export function sumSquares(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return s;
}

export function sumAbs(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]!);
  return s;
}

export function scale(x: Float32Array, s: number): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * s;
}

export function addScaled(out: Float32Array, x: Float32Array, s: number): void {
  for (let i = 0; i < x.length; i++) out[i] = out[i]! + s * x[i]!;
}

export function addScaledSign(out: Float32Array, x: Float32Array, s: number): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = out[i]! + (v > 0 ? s : v < 0 ? -s : 0);
  }
}

export function softmaxCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number {
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
    // One exp per logit: exp(z − max) is kept in probs, then divided by the row's sum.
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(s[o + c]! - max);
      p[o + c] = e;
      sum += e;
    }
    const lse = max + Math.log(sum);
    const inv = 1 / sum;
    for (let c = 0; c < cols; c++) {
      const yc = t[o + c]!;
      if (yc !== 0) loss -= yc * (s[o + c]! - lse);
      const pc = p[o + c]! * inv;
      p[o + c] = pc;
      g[o + c] = (pc - yc) * invB;
    }
  }
  return loss * invB;
}

export function sigmoidBinaryCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number {
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

export function meanSquaredError(pred: Mat, y: Mat, grad: Mat): number {
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

// The updates flush subnormal results to zero (see flush.ts).
export function sgdUpdate(p: Float32Array, g: Float32Array, lr: number): void {
  for (let i = 0; i < p.length; i++) p[i] = flushed(p[i]! - lr * g[i]!);
}

export function momentumUpdate(
  p: Float32Array,
  g: Float32Array,
  v: Float32Array,
  lr: number,
  mu: number,
  nesterov: boolean,
): void {
  for (let i = 0; i < p.length; i++) {
    const vi = flushed(mu * v[i]! + g[i]!);
    v[i] = vi;
    p[i] = flushed(p[i]! - lr * (nesterov ? g[i]! + mu * vi : vi));
  }
}

export function rmspropUpdate(
  p: Float32Array,
  g: Float32Array,
  s: Float32Array,
  lr: number,
  rho: number,
  eps: number,
): void {
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const si = flushed(rho * s[i]! + (1 - rho) * gi * gi);
    s[i] = si;
    p[i] = flushed(p[i]! - (lr * gi) / (Math.sqrt(si) + eps));
  }
}

export function adamUpdate(
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
    const mi = flushed(beta1 * m[i]! + b1 * gi);
    const vi = flushed(beta2 * v[i]! + b2 * gi * gi);
    m[i] = mi;
    v[i] = vi;
    p[i] = flushed(p[i]! - (lr * mi * c1) / (Math.sqrt(vi * c2) + eps));
  }
}
