/**
 * Network: the runtime model built from a ModelSpec — layers, loss head and all buffers, sized
 * once for `maxBatch` rows. `gradients` runs forward, loss and backward for one batch without
 * allocating; the optimizer then reads each Param's `grad`.
 */
import type { Backend, Mat } from '../backend/backend';
import { cpuBackend } from '../backend/cpu/cpu-backend';
import { Rng } from '../data/rng';
import { Activation } from '../layers/activation';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout';
import { RowBuffer, type Layer, type Param } from '../layers/layer';
import { makeLoss, type Loss } from '../losses/loss';
import { addPenaltyGradients, penalty } from '../losses/regularization';
import { outputSize, type ModelSpec } from './spec';

export interface NetworkOptions {
  backend?: Backend;
  /** Seed of the initialisation and dropout random streams. */
  seed?: number;
  /** Largest batch the buffers are sized for (default 256). */
  maxBatch?: number;
}

export class Network {
  readonly backend: Backend;
  readonly layers: Layer[];
  readonly params: Param[];
  readonly loss: Loss;
  readonly inputs: number;
  readonly outputs: number;
  readonly maxBatch: number;
  private readonly pred: RowBuffer;
  private readonly grad: RowBuffer;

  constructor(
    readonly spec: ModelSpec,
    opts: NetworkOptions = {},
  ) {
    const backend = (this.backend = opts.backend ?? cpuBackend);
    const seed = opts.seed ?? 0;
    const maxBatch = (this.maxBatch = opts.maxBatch ?? 256);
    if (!Number.isInteger(maxBatch) || maxBatch < 1)
      throw new RangeError(`maxBatch must be ≥ 1, got ${maxBatch}`);
    if (!Number.isInteger(spec.inputs) || spec.inputs < 1) {
      throw new RangeError(`the model needs at least 1 input feature, got ${spec.inputs}`);
    }
    for (const [k, v] of [
      ['l1', spec.l1],
      ['l2', spec.l2],
    ] as const) {
      if (!(v >= 0 && Number.isFinite(v)))
        throw new RangeError(`${k} must be a number ≥ 0, got ${v}`);
    }
    const initRng = new Rng(seed);
    const dropRng = new Rng((seed ^ 0x5bd1e995) >>> 0);
    this.inputs = spec.inputs;
    let width = spec.inputs;
    let n = 0;
    this.layers = spec.layers.map((l) => {
      let layer: Layer;
      if (l.type === 'dense') {
        n++;
        layer = new Dense(
          backend,
          width,
          {
            units: l.units,
            useBias: l.useBias,
            initializer: l.initializer,
            activation: l.activation,
            alpha: l.alpha,
            l1: l.l1 ?? spec.l1,
            l2: l.l2 ?? spec.l2,
            name: `dense${n}`,
          },
          initRng,
          maxBatch,
        );
      } else if (l.type === 'activation') {
        layer = new Activation(backend, width, l.fn, l.alpha, maxBatch);
      } else {
        layer = new Dropout(backend, width, l.rate, dropRng, maxBatch);
      }
      width = layer.outSize;
      return layer;
    });
    this.outputs = outputSize(spec);
    this.params = this.layers.flatMap((l) => [...l.params]);
    this.loss = makeLoss(spec.loss, backend);
    this.pred = new RowBuffer(backend, maxBatch, this.outputs);
    this.grad = new RowBuffer(backend, maxBatch, this.outputs);
  }

  /** Raw outputs (logits for cce/bce) of a batch of at most maxBatch rows. */
  forward(x: Mat, training: boolean): Mat {
    let h = x;
    for (let i = 0; i < this.layers.length; i++) h = this.layers[i]!.forward(h, training);
    return h;
  }

  /**
   * One batch: forward (training mode), loss, backward, regularisation gradients.
   * Returns the data loss (without the penalty) and leaves predictions in `lastPredictions`.
   */
  gradients(x: Mat, y: Mat): number {
    const z = this.forward(x, true);
    const pred = this.pred.rows(x.rows);
    const g = this.grad.rows(x.rows);
    const loss = this.loss.compute(z, y, pred, g);
    this.lastPred = pred;
    let d: Mat | null = g;
    for (let i = this.layers.length - 1; i >= 0 && d !== null; i--) {
      d = this.layers[i]!.backward(d, i > 0);
    }
    addPenaltyGradients(this.params, this.backend);
    return loss;
  }

  /** Predictions of the last `gradients` call. */
  lastPred: Mat | null = null;

  /** The regularisation penalty R(W) at the current weights. */
  penalty(): number {
    return penalty(this.params, this.backend);
  }

  /** Predictions (probabilities for cce/bce, values for mse) for a batch of ≤ maxBatch rows. */
  predictBatch(x: Mat): Mat {
    const z = this.forward(x, false);
    const pred = this.pred.rows(x.rows);
    this.loss.predict(z, pred);
    return pred;
  }

  /** Loss of a batch in evaluation mode (no dropout); predictions go to the returned buffer. */
  evaluateBatch(x: Mat, y: Mat): { loss: number; pred: Mat } {
    const z = this.forward(x, false);
    const pred = this.pred.rows(x.rows);
    const loss = this.loss.compute(z, y, pred, this.grad.rows(x.rows));
    return { loss, pred };
  }

  /** Total number of trainable values. */
  get parameterCount(): number {
    return this.params.reduce((s, p) => s + p.value.length, 0);
  }

  /** A copy of every parameter, in `params` order. */
  getWeights(): Float32Array[] {
    return this.params.map((p) => {
      this.backend.download(p.value);
      return p.value.slice();
    });
  }

  /** Brings every parameter's values to the host (before code reads `p.value` directly). */
  downloadParams(): void {
    for (const p of this.params) this.backend.download(p.value);
  }

  setWeights(weights: readonly Float32Array[]): void {
    if (weights.length !== this.params.length) {
      throw new RangeError(`expected ${this.params.length} weight arrays, got ${weights.length}`);
    }
    this.params.forEach((p, i) => {
      const w = weights[i]!;
      if (w.length !== p.value.length)
        throw new RangeError(`${p.name} needs ${p.value.length} values, got ${w.length}`);
      p.value.set(w);
      this.backend.upload(p.value);
    });
  }
}
