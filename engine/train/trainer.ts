/**
 * Trainer: fit / evaluate / predict for a ModelSpec.
 *
 *   const trainer = new Trainer(spec, { seed: 1, maxBatch: 128 });
 *   const result = await trainer.fit(train, { epochs: 10, batchSize: 32, optimizer: { name: 'adam', lr: 1e-3 },
 *                                             validation, onEvent: (e) => post(e), control,
 *                                             earlyStopping: { patience: 10 }, augment: { noise: { sigma: 0.1 } },
 *                                             callbacks: [{ onEpochEnd: (fit, e) => (e.val!.acc > 0.99 ? 'stop' : 'continue') }] });
 *
 * fit runs the batches: shuffle (seeded), then per mini-batch gather, augment (training batches
 * only), forward, loss + λ·R(W), backward, optional clipping, optimizer step; after the epoch,
 * validation (with activation statistics). Everything decided around that is a callback (see
 * callbacks/): the learning rate (schedule, live changes), the divergence guard, the best-epoch
 * snapshot, the epoch event, the overfitting monitor, early stopping, then the caller's own.
 * Buffers are sized once (maxBatch rows), so steps allocate nothing. A non-finite loss or gradient
 * stops training at once with an `error` event naming epoch and batch and the last good weights;
 * a loss that stays far above where training started (the monitor's divergence) stops after its
 * epoch and restores the best epoch; a spike from a near-zero loss is only an instability alert.
 */
import { matOf, type Backend, type Mat } from '../backend/backend';
import { Rng } from '../data/rng';
import type { Dataset } from '../data/dataset';
import { RowBuffer } from '../layers/layer';
import { makeOptimizer, type OptimizerConfig } from '../optimizers/optimizers';
import type { ScheduleConfig } from '../optimizers/schedules';
import { ActivationProbe } from './activation-stats';
import { Augmenter, type AugmentConfig } from './augment';
import { checkData, gather, sliceRows } from './batches';
import { TrainingControl, type RunState } from './control';
import {
  builtInCallbacks,
  CallbackList,
  FitRun,
  type Callback,
  type FitOutcome,
  type FitState,
} from './callbacks';
import { BestWeights, type EarlyStoppingConfig } from './early-stopping';
import type { EpochEvent, TrainEvent } from './events';
import { MetricAccumulator, type Metrics } from './metrics';
import { baselineLoss, modelFacts } from './monitor/model-facts';
import { TrainingMonitor, type MonitorOptions } from './monitor/monitor';
import { Network } from './network';
import type { ModelSpec } from './spec';
import { applyGradients, computeGradients } from './step';

export interface TrainerOptions {
  backend?: Backend;
  /** Seed of initialisation, dropout and shuffling (default 0). */
  seed?: number;
  /** Largest batch for training and evaluation chunks (default 256). */
  maxBatch?: number;
}

/** The serialisable part of a fit: what a host can post to a worker thread as is. */
export interface FitSettings {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerConfig;
  schedule?: ScheduleConfig;
  /** Shuffle the rows every epoch (default true). */
  shuffle?: boolean;
  /** Clip the global gradient norm to this value. */
  clipNorm?: number;
  /** Emit a batch event every N batches (default 1; 0 = none). */
  batchEvery?: number;
  /** Stop after `patience` epochs without improvement; restore the best epoch (default). */
  earlyStopping?: EarlyStoppingConfig;
  /** The overfitting monitor's settings, or false to turn it off (default: on). */
  monitor?: MonitorOptions | false;
  /** Data augmentation of training batches (seeded by `augment.seed`, else the trainer's seed). */
  augment?: AugmentConfig;
  /** Collect activation statistics while validating (default true). */
  activationStats?: boolean;
  /** Per-layer gradient / weight norms and unit shares in each epoch event (default false). */
  diagnostics?: boolean;
}

/** FitSettings plus the run-time hooks of the host. */
export interface FitOptions extends FitSettings {
  validation?: Dataset;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainingControl;
  /** Called about every `yieldEveryMs` (default 50) so the host can process messages, e.g. setImmediate. */
  yieldToHost?: () => Promise<void>;
  yieldEveryMs?: number;
  /** The caller's callbacks, run in order after the built-in ones (see callbacks/callback.ts). */
  callbacks?: Callback[];
}

/** How a fit ended, its history, best and restored epochs (see FitOutcome). */
export type FitResult = FitOutcome;

export class Trainer {
  readonly network: Network;
  private readonly shuffleRng: Rng;
  private readonly seed: number;
  private readonly best: BestWeights;
  private _monitor: TrainingMonitor | null = null;

  constructor(
    readonly spec: ModelSpec,
    opts: TrainerOptions = {},
  ) {
    const seed = (this.seed = opts.seed ?? 0);
    this.network = new Network(spec, {
      backend: opts.backend,
      seed,
      maxBatch: opts.maxBatch ?? 256,
    });
    this.shuffleRng = new Rng((seed ^ 0x2545f491) >>> 0);
    this.best = new BestWeights(this.network.params, this.network.backend);
  }

  /**
   * Best epoch of the last fit: lowest validation loss (or training loss under early stopping
   * without validation data); 0 when none was tracked (no validation data, no early stopping).
   */
  get bestEpoch(): number {
    return this.best.epoch;
  }

  /** The monitored loss at the best epoch (Infinity before any). */
  get bestLoss(): number {
    return this.best.loss;
  }

  /** The overfitting monitor of the last fit (its `alerts`), or null when it was off. */
  get monitor(): TrainingMonitor | null {
    return this._monitor;
  }

  /**
   * Puts back the weights of the best epoch of the last fit (also after training ended); returns
   * that epoch, or 0 when there is none.
   */
  restoreBest(): number {
    return this.best.restore();
  }

  async fit(train: Dataset, opts: FitOptions): Promise<FitResult> {
    const net = this.network;
    checkFit(net, train, opts);
    const { epochs, batchSize } = opts;
    const optimizer = makeOptimizer(opts.optimizer, net.params, net.backend);
    const control = opts.control ?? new TrainingControl();
    const monitor = (this._monitor =
      opts.monitor === false
        ? null
        : new TrainingMonitor(
            { baselineLoss: baselineLoss(net.spec.loss, train.y), ...opts.monitor },
            modelFacts(net.spec),
          ));
    const n = train.x.rows;
    const batches = Math.ceil(n / batchSize);
    const emit = opts.onEvent ?? ((): void => undefined);
    const fit = new FitRun(net, optimizer, epochs, batches, this.best, monitor, emit);
    const callbacks = new CallbackList(
      builtInCallbacks(fit, { ...opts, lr: opts.optimizer.lr }, control),
    );
    const augmenter = opts.augment
      ? new Augmenter(
          opts.augment,
          net.inputs,
          net.outputs,
          batchSize,
          opts.augment.seed ?? this.seed,
        )
      : null;
    const probe =
      opts.validation && opts.activationStats !== false ? new ActivationProbe(net) : null;
    const batchEvery = opts.batchEvery ?? 1;
    const yieldEvery = opts.yieldEveryMs ?? 50;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const xb = new RowBuffer(net.backend, batchSize, net.inputs);
    const yb = new RowBuffer(net.backend, batchSize, net.outputs);
    const acc = new MetricAccumulator(net.spec.loss, net.outputs);
    const regularised = net.params.some((p) => p.l1 > 0 || p.l2 > 0);
    let lastYield = Date.now();

    callbacks.trainBegin(fit);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      fit.epoch = epoch;
      fit.batch = 0;
      fit.alerts.length = 0;
      callbacks.epochBegin(fit);
      if (opts.shuffle !== false) this.shuffleRng.shuffle(order);
      acc.reset();
      for (let b = 0; b < batches; b++) {
        fit.batch = b + 1;
        // Awaited only when not running, so a running step allocates no promise.
        if (stateOf(control) !== 'running' && (await stopRequested(control, fit)))
          return fit.finish(callbacks, epoch - 1, 'stopped');
        callbacks.batchBegin(fit);
        const start = b * batchSize;
        const rows = Math.min(batchSize, n - start);
        const x = xb.rows(rows);
        const y = yb.rows(rows);
        gather(train.x, order, start, rows, x);
        gather(train.y, order, start, rows, y);
        if (augmenter) augmenter.apply(x, y);
        const { dataLoss, norm } = computeGradients(net, x, y);
        fit.loss = regularised ? dataLoss + net.penalty() : dataLoss;
        fit.norm = norm;
        if (callbacks.gradients(fit)) return fit.finish(callbacks, epoch - 1);
        applyGradients(net, optimizer, norm, opts.clipNorm);
        acc.add(net.lastPred!, y, fit.loss);
        if (batchEvery > 0 && ((b + 1) % batchEvery === 0 || b + 1 === batches))
          emit({ type: 'batch', epoch, batch: b + 1, batches, loss: fit.loss });
        if (callbacks.batchEnd(fit)) return fit.finish(callbacks, epoch - 1);
        if (opts.yieldToHost && Date.now() - lastYield >= yieldEvery) {
          await opts.yieldToHost();
          lastYield = Date.now();
        }
      }
      const val = opts.validation ? this.evaluateWith(opts.validation, probe) : null;
      const event: EpochEvent = {
        type: 'epoch',
        epoch,
        epochs,
        lr: optimizer.lr,
        train: acc.result(),
        val,
        elapsedMs: fit.elapsedMs,
      };
      // What evaluateWith added to the validation loss: kept apart so a data loss can be had.
      if (regularised) event.penalty = net.penalty();
      const activations = probe && !probe.empty ? probe.result() : null;
      if (activations) event.activations = activations;
      if (callbacks.epochEnd(fit, event)) return fit.finish(callbacks, epoch);
      control.endOfEpoch();
    }
    return fit.finish(callbacks, epochs, 'completed');
  }

  /** Loss (data term plus the regularisation penalty) and metrics in evaluation mode. */
  evaluate(data: Dataset): Metrics {
    return this.evaluateWith(data, null);
  }

  /** Predictions for every row of x: probabilities (cce, bce) or values (mse). */
  predict(x: Mat, out?: Mat): Mat {
    const net = this.network;
    if (x.cols !== net.inputs)
      throw new RangeError(`the model takes ${net.inputs} features, got ${x.cols}`);
    // A host array: the caller keeps it (possibly posts it), so it must not be a view of a
    // backend's memory.
    const result = out ?? matOf(x.rows, net.outputs, new Float32Array(x.rows * net.outputs));
    // The weights stay as they are for every chunk: the backend may prepare them once.
    net.backend.holdWeights?.(true);
    try {
      for (let start = 0; start < x.rows; start += net.maxBatch) {
        const rows = Math.min(net.maxBatch, x.rows - start);
        const pred = net.predictBatch(sliceRows(x, start, rows));
        net.backend.download(pred.data);
        result.data.set(pred.data, start * net.outputs);
      }
    } finally {
      net.backend.holdWeights?.(false);
    }
    if (out) net.backend.upload(result.data);
    return result;
  }

  private evaluateWith(data: Dataset, probe: ActivationProbe | null): Metrics {
    const net = this.network;
    checkData(data, net.inputs, net.outputs, 'evaluation');
    const acc = new MetricAccumulator(net.spec.loss, net.outputs);
    probe?.reset();
    const n = data.x.rows;
    net.backend.holdWeights?.(true);
    try {
      for (let start = 0; start < n; start += net.maxBatch) {
        const rows = Math.min(net.maxBatch, n - start);
        const x = sliceRows(data.x, start, rows);
        const y = sliceRows(data.y, start, rows);
        const { loss, pred } = net.evaluateBatch(x, y);
        net.backend.download(pred.data);
        probe?.add(rows);
        acc.add(pred, y, loss);
      }
    } finally {
      net.backend.holdWeights?.(false);
    }
    const m = acc.result();
    if (net.params.some((p) => p.l1 > 0 || p.l2 > 0)) m.loss += net.penalty();
    return m;
  }
}

const stateOf = (c: TrainingControl): RunState => c.state;

/** The fit's own arguments (the callbacks check theirs), each error quoting the bad value. */
function checkFit(net: Network, train: Dataset, opts: FitOptions): void {
  const { epochs, batchSize } = opts;
  if (!(Number.isInteger(epochs) && epochs >= 1))
    throw new RangeError(`epochs must be a whole number ≥ 1, got ${epochs}`);
  if (!(Number.isInteger(batchSize) && batchSize >= 1))
    throw new RangeError(`batch size must be a whole number ≥ 1, got ${batchSize}`);
  if (batchSize > net.maxBatch) {
    throw new RangeError(
      `batch size ${batchSize} exceeds the trainer's maxBatch ${net.maxBatch}: create the Trainer with a larger maxBatch`,
    );
  }
  if (opts.clipNorm !== undefined && !(opts.clipNorm > 0))
    throw new RangeError(`clip norm must be a number > 0, got ${opts.clipNorm}`);
  checkData(train, net.inputs, net.outputs, 'training');
  if (opts.validation) checkData(opts.validation, net.inputs, net.outputs, 'validation');
}

/** Honours pause (waiting, with paused / resumed events) and stop before a batch. */
async function stopRequested(control: TrainingControl, fit: FitState): Promise<boolean> {
  if (stateOf(control) === 'paused') {
    fit.emit({ type: 'paused', epoch: fit.epoch, batch: fit.batch });
    await control.waitWhilePaused();
    if (stateOf(control) === 'running')
      fit.emit({ type: 'resumed', epoch: fit.epoch, batch: fit.batch });
  }
  return stateOf(control) === 'stopping';
}
