/**
 * Inverted dropout with rate p: in training y = x ⊙ m with m_i = 0 (probability p) or 1/(1−p),
 * so E[y] = x; at evaluation y = x. Backward: ∂L/∂x = ∂L/∂y ⊙ m (the same mask).
 */
import type { Backend, Mat } from '../backend/backend';
import type { Rng } from '../data/rng';
import { RowBuffer, type Layer, type Param } from './layer';

export class Dropout implements Layer {
  readonly type = 'dropout';
  readonly params: readonly Param[] = [];
  readonly outSize: number;
  /** When true the next training forward passes reuse the current mask (for gradient checks). */
  freezeMask = false;
  private readonly out: RowBuffer;
  private readonly gin: RowBuffer;
  private readonly mask: Float32Array;
  private active = false;

  constructor(
    private readonly backend: Backend,
    readonly inSize: number,
    readonly rate: number,
    private readonly rng: Rng,
    maxBatch: number,
  ) {
    if (!(rate >= 0 && rate < 1))
      throw new RangeError(`dropout rate must be at least 0 and below 1, got ${rate}`);
    this.outSize = inSize;
    this.out = new RowBuffer(backend, maxBatch, inSize);
    this.gin = new RowBuffer(backend, maxBatch, inSize);
    this.mask = backend.alloc(maxBatch, inSize).data;
  }

  /** The current mask (first rows × inSize entries are in use), current on the host. */
  get currentMask(): Float32Array {
    this.backend.download(this.mask);
    return this.mask;
  }

  forward(x: Mat, training: boolean): Mat {
    this.active = training && this.rate > 0;
    if (!this.active) return x;
    const n = x.rows * x.cols;
    if (!this.freezeMask) this.backend.dropoutMask(this.mask, n, this.rate, this.rng);
    const y = this.out.rows(x.rows);
    this.backend.multiply(x.data, this.mask, y.data, n);
    return y;
  }

  backward(gradOut: Mat, needInputGrad: boolean): Mat | null {
    if (!needInputGrad) return null;
    if (!this.active) return gradOut;
    const gi = this.gin.rows(gradOut.rows);
    const n = gradOut.rows * gradOut.cols;
    this.backend.multiply(gradOut.data, this.mask, gi.data, n);
    return gi;
  }
}
