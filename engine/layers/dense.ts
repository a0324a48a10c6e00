/**
 * Dense (fully connected) layer with an optional fused activation f:
 *   z = x·W + b,  y = f(z)        (x: B × in, W: in × units, b: units)
 * Backward, with δ = ∂L/∂y ⊙ f'(z):
 *   ∂L/∂W = xᵀ·δ,  ∂L/∂b = Σ_rows δ,  ∂L/∂x = δ·Wᵀ
 */
import type { ActivationKind, Backend, Mat } from '../backend/backend';
import type { Initializer } from '../graph/document';
import type { Rng } from '../data/rng';
import { initialize } from './init';
import { RowBuffer, type Layer, type Param } from './layer';

export interface DenseOptions {
  units: number;
  useBias?: boolean;
  initializer?: Initializer;
  activation?: ActivationKind;
  /** Negative slope of leaky ReLU. */
  alpha?: number;
  l1?: number;
  l2?: number;
  name?: string;
}

export class Dense implements Layer {
  readonly type = 'dense';
  readonly outSize: number;
  readonly params: Param[];
  readonly W: Param;
  readonly b: Param | null;
  readonly activation: ActivationKind;
  readonly alpha: number;
  private readonly out: RowBuffer;
  private readonly delta: RowBuffer;
  private readonly gin: RowBuffer;
  private readonly wMat: Mat;
  private readonly gwMat: Mat;
  private x: Mat | null = null;
  private y: Mat | null = null;

  constructor(
    private readonly backend: Backend,
    readonly inSize: number,
    opts: DenseOptions,
    rng: Rng,
    maxBatch: number,
  ) {
    const { units } = opts;
    if (!Number.isInteger(units) || units < 1)
      throw new RangeError(`Dense units must be a whole number ≥ 1, got ${units}`);
    if (!Number.isInteger(inSize) || inSize < 1)
      throw new RangeError(`Dense input size must be ≥ 1, got ${inSize}`);
    const alpha = opts.alpha ?? 0.01;
    if (!(alpha >= 0 && alpha <= 1))
      throw new RangeError(`leaky ReLU alpha must be in [0, 1], got ${alpha}`);
    for (const [k, v] of [
      ['l1', opts.l1],
      ['l2', opts.l2],
    ] as const) {
      if (v !== undefined && !(v >= 0 && Number.isFinite(v)))
        throw new RangeError(`${k} must be a number ≥ 0, got ${v}`);
    }
    this.outSize = units;
    this.activation = opts.activation ?? 'linear';
    this.alpha = alpha;
    const name = opts.name ?? 'dense';
    this.wMat = backend.alloc(inSize, units);
    this.gwMat = backend.alloc(inSize, units);
    initialize(this.wMat.data, opts.initializer ?? 'glorot_uniform', inSize, units, rng);
    this.W = {
      name: `${name}.W`,
      value: this.wMat.data,
      grad: this.gwMat.data,
      l1: opts.l1 ?? 0,
      l2: opts.l2 ?? 0,
    };
    this.b =
      opts.useBias === false
        ? null
        : {
            name: `${name}.b`,
            // Allocated by the backend, so a device backend keeps them resident.
            value: backend.alloc(1, units).data,
            grad: backend.alloc(1, units).data,
            l1: 0,
            l2: 0,
          };
    this.params = this.b === null ? [this.W] : [this.W, this.b];
    this.out = new RowBuffer(backend, maxBatch, units);
    this.delta = new RowBuffer(backend, maxBatch, units);
    this.gin = new RowBuffer(backend, maxBatch, inSize);
  }

  /** Output (after the activation) of the last forward pass, or null before any. */
  get lastOutput(): Mat | null {
    return this.y;
  }

  forward(x: Mat, _training: boolean): Mat {
    const y = this.out.rows(x.rows);
    const bias = this.b === null ? null : this.b.value;
    this.backend.denseForward(x, this.wMat, bias, this.activation, this.alpha, y);
    this.x = x;
    this.y = y;
    return y;
  }

  backward(gradOut: Mat, needInputGrad: boolean): Mat | null {
    const x = this.x;
    const y = this.y;
    if (x === null || y === null) throw new Error('Dense.backward called before forward');
    let d = gradOut;
    if (this.activation !== 'linear') {
      d = this.delta.rows(x.rows);
      this.backend.activationBackward(y, gradOut, this.activation, this.alpha, d);
    }
    this.backend.matmul(x, d, this.gwMat, true, false, false);
    if (this.b !== null) this.backend.sumColumns(d, this.b.grad, false);
    if (!needInputGrad) return null;
    const gi = this.gin.rows(x.rows);
    this.backend.matmul(d, this.wMat, gi, false, true, false);
    return gi;
  }
}
