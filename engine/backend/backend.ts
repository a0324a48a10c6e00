/**
 * The Backend interface: every numeric kernel the engine needs, and nothing else.
 *
 * Layers, losses and optimizers are written once, above this interface: they decide *which*
 * products and element-wise operations make up a forward pass, a gradient or an update, and call
 * a backend to do them. The CPU backend (engine/backend/cpu) runs them on Float32Array; a gpu.js
 * backend (engine/backend/gpu, a later issue) implements the same kernel names.
 *
 * Conventions: matrices are row-major `Mat`s (`data[r * cols + c]`); a batch is one row per
 * sample. Kernels never allocate: every output buffer is passed in, sized by the caller.
 *
 * Residency: a backend may keep buffers it allocated on a device (the gpu.js backend keeps them
 * in textures for a whole training step). Code that writes such a buffer on the host calls
 * `upload(x)` afterwards; code that reads it on the host calls `download(x)` first. Both are
 * no-ops on the CPU. Arrays a backend did not allocate are always read from and written to the
 * host, so a kernel called on plain Float32Arrays needs neither.
 */
import type { Rng } from '../data/rng';

/** A dense row-major float32 matrix (a view: `data.length` is exactly rows × cols). */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/** Element-wise activation functions the kernels know. `linear` is the identity. */
export type ActivationKind = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu';

export interface Backend {
  readonly name: string;

  /** A zero-filled rows × cols matrix. Called when a model is built, never inside a step. */
  alloc(rows: number, cols: number): Mat;

  /** A zero-filled array of x's length, stored like x (e.g. optimizer state for a parameter). */
  allocLike(x: Float32Array): Float32Array;

  /** The host has written x (or a view of it): later kernels must read the host's values. */
  upload(x: Float32Array): void;

  /** The host is about to read x: makes its host values current (one readback at most). */
  download(x: Float32Array): void;

  /** Frees device resources (textures, contexts); the backend is unusable afterwards. */
  dispose(): void;

  /**
   * Optional: `holdWeights(true)` promises that the weights passed to `denseForward` do not
   * change until the matching `holdWeights(false)` (calls nest), so the backend may prepare each
   * weight matrix once (the CPU backend packs it) and reuse that for every chunk of rows. Used
   * around a whole prediction or evaluation; never across a training step.
   */
  holdWeights?(on: boolean): void;

  /**
   * out = op(a) · op(b)  (+ out when `accumulate`), where op(x) = xᵀ when the matching `trans`
   * flag is set. Shapes: op(a) is M × K, op(b) is K × N, out is M × N.
   */
  matmul(a: Mat, b: Mat, out: Mat, transA: boolean, transB: boolean, accumulate: boolean): void;

  /**
   * A Dense layer's forward pass in one kernel: out = f(x · w + bias), bias added per column
   * (bias may be null), f the activation (α: leaky ReLU's slope). x is B × K, w is K × N.
   */
  denseForward(
    x: Mat,
    w: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void;

  /** out[r][c] = f(z[r][c] + bias[c]) — bias add fused with the activation (bias may be null). */
  biasActivation(
    z: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void;

  /**
   * gradIn = gradOut ⊙ f'(·), with f' expressed through the activation's *output* y:
   * sigmoid y(1−y), tanh 1−y², ReLU [y>0], leaky ReLU y>0 ? 1 : α, linear 1.
   * gradIn may alias gradOut.
   */
  activationBackward(y: Mat, gradOut: Mat, act: ActivationKind, alpha: number, gradIn: Mat): void;

  /** out = softmax of each row, computed as exp(x − max) / Σ exp(x − max). */
  softmaxRows(x: Mat, out: Mat): void;

  /** out[c] = Σ_r m[r][c] (+ out[c] when `accumulate`): the bias gradient of a batch. */
  sumColumns(m: Mat, out: Float32Array, accumulate: boolean): void;

  /** mask[i] = 0 with probability `rate`, else 1 / (1 − rate) (inverted dropout), for i < n. */
  dropoutMask(mask: Float32Array, n: number, rate: number, rng: Rng): void;

  /** out[i] = a[i] · b[i] for i < n (out may alias a). */
  multiply(a: Float32Array, b: Float32Array, out: Float32Array, n: number): void;

  /** Σ x[i]² (as a float64 number). */
  sumSquares(x: Float32Array): number;
  /** Σ |x[i]|. */
  sumAbs(x: Float32Array): number;
  /** x[i] *= s. */
  scale(x: Float32Array, s: number): void;
  /** out[i] += s · x[i] (the L2 gradient term 2λw uses s = 2λ). */
  addScaled(out: Float32Array, x: Float32Array, s: number): void;
  /** out[i] += s · sign(x[i]) (the L1 gradient term λ·sign(w), sign(0) = 0). */
  addScaledSign(out: Float32Array, x: Float32Array, s: number): void;

  /**
   * Fused softmax + categorical cross-entropy over a batch of B rows of logits z and one-hot
   * (or probability) targets y: L = −(1/B) Σ_r Σ_c y_rc · log softmax(z_r)_c, computed through
   * log-sum-exp so it never takes log(0). Writes the probabilities to `probs` and
   * ∂L/∂z = (softmax(z) − y) / B to `grad`; returns L.
   */
  softmaxCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number;

  /**
   * Fused sigmoid + binary cross-entropy on logits z, targets y in [0, 1]:
   * L = (1/N) Σ max(z,0) − z·y + log(1 + e^{−|z|}) over all N = rows × cols entries.
   * Writes σ(z) to `probs` and ∂L/∂z = (σ(z) − y) / N to `grad`; returns L.
   */
  sigmoidBinaryCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number;

  /** Mean squared error L = (1/N) Σ (p − y)²; writes ∂L/∂p = 2(p − y)/N to `grad`; returns L. */
  meanSquaredError(p: Mat, y: Mat, grad: Mat): number;

  /** Plain SGD: p −= lr · g. */
  sgdUpdate(p: Float32Array, g: Float32Array, lr: number): void;
  /**
   * Momentum: v = μ·v + g; p −= lr · v, or with Nesterov p −= lr · (g + μ·v).
   */
  momentumUpdate(
    p: Float32Array,
    g: Float32Array,
    v: Float32Array,
    lr: number,
    mu: number,
    nesterov: boolean,
  ): void;
  /** RMSprop: s = ρ·s + (1−ρ)·g²; p −= lr · g / (√s + ε). */
  rmspropUpdate(
    p: Float32Array,
    g: Float32Array,
    s: Float32Array,
    lr: number,
    rho: number,
    eps: number,
  ): void;
  /**
   * Adam at step t ≥ 1: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
   * p −= lr · m̂ / (√v̂ + ε) with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ).
   */
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
  ): void;
}

/**
 * (M, K, N) of out = op(a)·op(b), op(x) = xᵀ when its flag is set; throws a RangeError quoting
 * the shapes when they do not fit.
 */
export function productShape(
  a: Mat,
  b: Mat,
  out: Mat,
  transA: boolean,
  transB: boolean,
): [number, number, number] {
  const M = transA ? a.cols : a.rows;
  const K = transA ? a.rows : a.cols;
  const K2 = transB ? b.cols : b.rows;
  const N = transB ? b.rows : b.cols;
  if (K !== K2 || out.rows !== M || out.cols !== N) {
    throw new RangeError(
      `matmul shapes do not fit: (${M} × ${K}) · (${K2} × ${N}) → ${out.rows} × ${out.cols}`,
    );
  }
  return [M, K, N];
}

/** A row-range view of a matrix sharing its storage (rows [0, rows)). Allocates a small object. */
export function viewRows(m: Mat, rows: number): Mat {
  return { rows, cols: m.cols, data: m.data.subarray(0, rows * m.cols) };
}

/** Wraps existing data as a Mat, checking the length. */
export function matOf(rows: number, cols: number, data: Float32Array): Mat {
  if (data.length !== rows * cols) {
    throw new RangeError(
      `a ${rows} × ${cols} matrix needs ${rows * cols} values, got ${data.length}`,
    );
  }
  return { rows, cols, data };
}
