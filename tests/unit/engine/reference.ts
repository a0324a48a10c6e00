/**
 * A float64 re-implementation of the network's loss, written independently of the engine, used
 * as the reference for finite-difference gradient checks.
 */
import type { Mat } from '../../../engine/backend/backend';
import type { Network } from '../../../engine/train/network';

const act = (name: string, alpha: number, v: number): number => {
  switch (name) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'tanh':
      return Math.tanh(v);
    case 'relu':
      return Math.max(0, v);
    case 'leaky_relu':
      return v > 0 ? v : alpha * v;
    default:
      return v;
  }
};

/**
 * Total loss (data + penalty) of `net` on (x, y) in float64, with parameters `p` (same order and
 * layout as net.params) and dropout masks `masks` (one per dropout layer, in order).
 */
export function referenceLoss(
  net: Network,
  p: Float64Array[],
  x: Mat,
  y: Mat,
  masks: Float32Array[],
): number {
  const B = x.rows;
  let h: number[][] = [];
  for (let r = 0; r < B; r++) h.push(Array.from(x.data.subarray(r * x.cols, (r + 1) * x.cols)));
  let pi = 0;
  let mi = 0;
  let penalty = 0;
  for (const layer of net.layers) {
    if (layer.type === 'dense') {
      const d = layer as unknown as {
        W: { l1: number; l2: number };
        b: unknown;
        activation: string;
        alpha: number;
        inSize: number;
        outSize: number;
      };
      const W = p[pi++]!;
      const b = d.b === null ? null : p[pi++]!;
      for (let i = 0; i < W.length; i++)
        penalty += d.W.l1 * Math.abs(W[i]!) + d.W.l2 * W[i]! * W[i]!;
      h = h.map((row) => {
        const out: number[] = [];
        for (let j = 0; j < d.outSize; j++) {
          let s = b === null ? 0 : b[j]!;
          for (let k = 0; k < d.inSize; k++) s += row[k]! * W[k * d.outSize + j]!;
          out.push(act(d.activation, d.alpha, s));
        }
        return out;
      });
    } else if (layer.type === 'activation') {
      const a = layer as unknown as { fn: string; alpha: number };
      h = h.map((row) => row.map((v) => act(a.fn, a.alpha, v)));
    } else if (layer.type === 'dropout') {
      const m = masks[mi++]!;
      h = h.map((row, r) => row.map((v, c) => v * m[r * row.length + c]!));
    }
  }
  const k = y.cols;
  const t = (r: number, c: number): number => y.data[r * k + c]!;
  let loss = 0;
  for (let r = 0; r < B; r++) {
    const z = h[r]!;
    if (net.spec.loss === 'cce') {
      const max = Math.max(...z);
      const lse = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
      for (let c = 0; c < k; c++) loss -= (t(r, c) * (z[c]! - lse)) / B;
    } else if (net.spec.loss === 'bce') {
      for (let c = 0; c < k; c++) {
        const pr = 1 / (1 + Math.exp(-z[c]!));
        loss -= (t(r, c) * Math.log(pr) + (1 - t(r, c)) * Math.log(1 - pr)) / (B * k);
      }
    } else {
      for (let c = 0; c < k; c++) loss += (z[c]! - t(r, c)) ** 2 / (B * k);
    }
  }
  return loss + penalty;
}

/**
 * Compares the engine's analytic gradients (float32) with central differences of the float64
 * reference. Returns the worst |analytic − numeric| / (1e-4 + |numeric|).
 */
export function gradientCheck(net: Network, x: Mat, y: Mat, h = 1e-6): number {
  net.gradients(x, y);
  const masks = net.layers
    .filter((l) => l.type === 'dropout')
    .map((l) => (l as unknown as { currentMask: Float32Array }).currentMask);
  const p = net.params.map((q) => Float64Array.from(q.value));
  let worst = 0;
  net.params.forEach((q, i) => {
    const v = p[i]!;
    for (let j = 0; j < v.length; j++) {
      const old = v[j]!;
      v[j] = old + h;
      const up = referenceLoss(net, p, x, y, masks);
      v[j] = old - h;
      const down = referenceLoss(net, p, x, y, masks);
      v[j] = old;
      const numeric = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(q.grad[j]! - numeric) / (1e-4 + Math.abs(numeric)));
    }
  });
  return worst;
}
