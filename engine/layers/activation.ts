/**
 * Element-wise activation layer y = f(x), f one of linear (identity), sigmoid 1/(1+e^{−x}),
 * tanh, ReLU max(0, x), leaky ReLU (x > 0 ? x : αx). Backward: ∂L/∂x = ∂L/∂y ⊙ f'(x).
 */
import type { ActivationKind, Backend, Mat } from '../backend/backend';
import { RowBuffer, type Layer, type Param } from './layer';

export class Activation implements Layer {
  readonly type = 'activation';
  readonly params: readonly Param[] = [];
  readonly outSize: number;
  private readonly out: RowBuffer;
  private readonly gin: RowBuffer;
  private y: Mat | null = null;

  constructor(
    private readonly backend: Backend,
    readonly inSize: number,
    readonly fn: ActivationKind,
    readonly alpha: number,
    maxBatch: number,
  ) {
    if (!(alpha >= 0 && alpha <= 1))
      throw new RangeError(`leaky ReLU alpha must be in [0, 1], got ${alpha}`);
    this.outSize = inSize;
    this.out = new RowBuffer(backend, maxBatch, inSize);
    this.gin = new RowBuffer(backend, maxBatch, inSize);
  }

  /** Output of the last forward pass, or null before any. */
  get lastOutput(): Mat | null {
    return this.y;
  }

  forward(x: Mat, _training: boolean): Mat {
    const y = this.out.rows(x.rows);
    this.backend.biasActivation(x, null, this.fn, this.alpha, y);
    this.y = y;
    return y;
  }

  backward(gradOut: Mat, needInputGrad: boolean): Mat | null {
    if (!needInputGrad) return null;
    const y = this.y;
    if (y === null) throw new Error('Activation.backward called before forward');
    const gi = this.gin.rows(y.rows);
    this.backend.activationBackward(y, gradOut, this.fn, this.alpha, gi);
    return gi;
  }
}
