/**
 * What every runtime layer provides. Layers own their output and input-gradient buffers, sized
 * once for the largest batch; `forward`/`backward` on a batch of b ≤ maxBatch rows use row views
 * of those buffers that are created once per distinct b and then reused (no allocation per step).
 */
import type { Backend, Mat } from '../backend/backend';

/** A trainable tensor with its gradient and the regularisation strengths that apply to it. */
export interface Param {
  /** e.g. "dense1.W" */
  readonly name: string;
  readonly value: Float32Array;
  readonly grad: Float32Array;
  /** λ of the L1 term λ·Σ|w| (0 for biases). */
  l1: number;
  /** λ of the L2 term λ·Σw² (0 for biases). */
  l2: number;
}

export interface Layer {
  readonly type: string;
  readonly inSize: number;
  readonly outSize: number;
  readonly params: readonly Param[];
  /** Forward pass of a batch; `training` switches dropout on. Returns a view of the layer's buffer. */
  forward(x: Mat, training: boolean): Mat;
  /**
   * Backward pass: given ∂L/∂(this layer's output) for the batch of the last forward, writes the
   * parameter gradients (overwriting) and returns ∂L/∂input, or null when `needInputGrad` is false.
   */
  backward(gradOut: Mat, needInputGrad: boolean): Mat | null;
}

/** Row views of one preallocated maxRows × cols matrix, cached per row count. */
export class RowBuffer {
  readonly full: Mat;
  private readonly views = new Map<number, Mat>();

  constructor(backend: Backend, maxRows: number, cols: number) {
    this.full = backend.alloc(maxRows, cols);
  }

  rows(n: number): Mat {
    if (n === this.full.rows) return this.full;
    if (n > this.full.rows)
      throw new RangeError(`batch of ${n} rows exceeds the prepared ${this.full.rows}`);
    let v = this.views.get(n);
    if (v === undefined) {
      v = { rows: n, cols: this.full.cols, data: this.full.data.subarray(0, n * this.full.cols) };
      this.views.set(n, v);
    }
    return v;
  }
}
