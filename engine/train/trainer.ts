/**
 * Trainer: fit / evaluate / predict for a ModelSpec.
 *
 *   const trainer = new Trainer(spec, { seed: 1, maxBatch: 128 });
 *   const result = await trainer.fit(train, { epochs: 10, batchSize: 32, optimizer: { name: 'adam', lr: 1e-3 },
 *                                             validation, onEvent: (e) => post(e), control,
 *                                             earlyStopping: { patience: 10 }, augment: { noise: { sigma: 0.1 } } });
 *
 * Each epoch: learning rate from the schedule (or set live through the control), shuffle (seeded),
 * then per mini-batch: gather, augment (training batches only), forward, loss + λ·R(W), backward,
 * divergence check, optional clipping, optimizer step. After the epoch: validation (with
 * activation statistics), best-epoch snapshot, the overfitting monitor's alerts, early stopping.
 * Buffers are sized once (maxBatch rows), so steps allocate nothing. A non-finite loss or gradient
 * stops training with an `error` event naming epoch and batch; the weights stay the last good ones
 * (the update that would have used the bad gradient is skipped; weights that became non-finite are
 * restored from the start of the epoch). A loss that explodes while finite (see TrainingMonitor)
 * stops training after its epoch and restores the best epoch.
 */
import type { Backend, Mat } from '../backend/backend';
import { Rng } from '../data/rng';
import type { Dataset } from '../data/dataset';
import { RowBuffer } from '../layers/layer';
import { makeOptimizer, type OptimizerConfig } from '../optimizers/optimizers';
import { checkSchedule, scheduledLr, type ScheduleConfig } from '../optimizers/schedules';
import { ActivationProbe } from './activation-stats';
import { Augmenter, type AugmentConfig } from './augment';
import { checkData, gather, sliceRows } from './batches';
import { TrainingControl, type RunState } from './control';
import { BestWeights, checkEarlyStopping, type EarlyStoppingConfig } from './early-stopping';
import type { DoneEvent, EpochEvent, TrainEvent } from './events';
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
}

/** FitSettings plus the run-time hooks of the host. */
export interface FitOptions extends FitSettings {
  validation?: Dataset;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainingControl;
  /** Called about every `yieldEveryMs` (default 50) so the host can process messages, e.g. setImmediate. */
  yieldToHost?: () => Promise<void>;
  yieldEveryMs?: number;
}

export interface FitResult {
  /** stopped: stop() was called, or early stopping ended training (then earlyStopped is true). */
  reason: 'completed' | 'stopped' | 'diverged';
  earlyStopped?: boolean;
  /** One entry per completed epoch. */
  history: EpochEvent[];
  error?: string;
  /** Best epoch (see Trainer.bestEpoch); 0 when none was tracked. */
  bestEpoch: number;
  /** The epoch whose weights were restored at the end, if any. */
  restoredEpoch?: number;
}

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
    if (opts.schedule) checkSchedule(opts.schedule);
    if (opts.earlyStopping) checkEarlyStopping(opts.earlyStopping);
    checkData(train, net.inputs, net.outputs, 'training');
    if (opts.validation) checkData(opts.validation, net.inputs, net.outputs, 'validation');

    const optimizer = makeOptimizer(opts.optimizer, net.params, net.backend);
    const augmenter = opts.augment
      ? new Augmenter(
          opts.augment,
          net.inputs,
          net.outputs,
          batchSize,
          opts.augment.seed ?? this.seed,
        )
      : null;
    const monitor = (this._monitor =
      opts.monitor === false
        ? null
        : new TrainingMonitor(
            { baselineLoss: baselineLoss(net.spec.loss, train.y), ...opts.monitor },
            modelFacts(net.spec),
          ));
    const probe =
      opts.validation && opts.activationStats !== false ? new ActivationProbe(net) : null;
    const schedule = opts.schedule ?? { kind: 'constant' };
    const control = opts.control ?? new TrainingControl();
    const emit = opts.onEvent ?? ((): void => undefined);
    const batchEvery = opts.batchEvery ?? 1;
    const yieldEvery = opts.yieldEveryMs ?? 50;
    const es = opts.earlyStopping;
    const n = train.x.rows;
    const batches = Math.ceil(n / batchSize);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const xb = new RowBuffer(net.backend, batchSize, net.inputs);
    const yb = new RowBuffer(net.backend, batchSize, net.outputs);
    const acc = new MetricAccumulator(net.spec.loss, net.outputs);
    const snapshot = net.params.map((p) => new Float32Array(p.value.length));
    const regularised = net.params.some((p) => p.l1 > 0 || p.l2 > 0);
    const history: EpochEvent[] = [];
    const t0 = Date.now();
    let lastYield = t0;
    let baseLr = opts.optimizer.lr;
    this.best.reset();
    const done = (reason: DoneEvent['reason'], completed: number, early = false): FitResult => {
      // A user's stop keeps the last weights; early stopping and completion restore the best.
      const restore =
        es !== undefined && es.restoreBest !== false && (early || reason === 'completed');
      const restored = restore ? this.best.restore() : 0;
      const event: DoneEvent = {
        type: 'done',
        reason,
        epochs: completed,
        elapsedMs: Date.now() - t0,
      };
      const result: FitResult = { reason, history, bestEpoch: this.best.epoch };
      if (early) event.earlyStopped = result.earlyStopped = true;
      if (this.best.epoch > 0) event.bestEpoch = this.best.epoch;
      if (restored > 0) event.restoredEpoch = result.restoredEpoch = restored;
      emit(event);
      return result;
    };

    for (let epoch = 1; epoch <= epochs; epoch++) {
      optimizer.lr = scheduledLr(schedule, baseLr, epoch - 1);
      if (opts.shuffle !== false) this.shuffleRng.shuffle(order);
      acc.reset();
      net.downloadParams();
      net.params.forEach((p, i) => snapshot[i]!.set(p.value));
      for (let b = 0; b < batches; b++) {
        if (stateOf(control) === 'paused') {
          emit({ type: 'paused', epoch, batch: b + 1 });
          await control.waitWhilePaused();
          if (stateOf(control) === 'running') emit({ type: 'resumed', epoch, batch: b + 1 });
        }
        if (stateOf(control) === 'stopping') return done('stopped', epoch - 1);
        const live = control.takeLearningRate();
        if (live !== null) {
          // From now on the schedule continues from the new rate: η(e) = η_live · s(e) / s(now).
          baseLr = live / scheduledLr(schedule, 1, epoch - 1);
          optimizer.lr = live;
          emit({ type: 'lr', epoch, batch: b + 1, lr: live });
        }
        const start = b * batchSize;
        const rows = Math.min(batchSize, n - start);
        const x = xb.rows(rows);
        const y = yb.rows(rows);
        gather(train.x, order, start, rows, x);
        gather(train.y, order, start, rows, y);
        if (augmenter) augmenter.apply(x, y);
        const { dataLoss, norm } = computeGradients(net, x, y);
        const loss = regularised ? dataLoss + net.penalty() : dataLoss;
        if (!Number.isFinite(loss) || !Number.isFinite(norm)) {
          const restored = !net.params.every((p) =>
            Number.isFinite(net.backend.sumSquares(p.value)),
          );
          if (restored) net.setWeights(snapshot);
          const what = Number.isFinite(loss)
            ? `the gradient became ${norm}`
            : `the loss became ${loss}`;
          if (monitor)
            emit({ type: 'alert', ...monitor.diverged(epoch, b + 1, what, optimizer.lr) });
          const message =
            `Training diverged in epoch ${epoch}, batch ${b + 1}: ${what}. ` +
            `The weights are ${restored ? `those from the start of epoch ${epoch}` : 'the last good ones'}; try a smaller learning rate.`;
          emit({ type: 'error', code: 'diverged', epoch, batch: b + 1, message });
          return { reason: 'diverged', history, error: message, bestEpoch: this.best.epoch };
        }
        applyGradients(net, optimizer, norm, opts.clipNorm);
        acc.add(net.lastPred!, y, loss);
        if (batchEvery > 0 && ((b + 1) % batchEvery === 0 || b + 1 === batches)) {
          emit({ type: 'batch', epoch, batch: b + 1, batches, loss });
        }
        if (opts.yieldToHost && Date.now() - lastYield >= yieldEvery) {
          await opts.yieldToHost();
          lastYield = Date.now();
        }
      }
      const trainMetrics = acc.result();
      const val = opts.validation ? this.evaluateWith(opts.validation, probe) : null;
      // The best epoch: lowest validation loss, or training loss when early stopping has no
      // validation data (without either, nothing is copied: benchmarks pay nothing).
      if (val || es) this.best.offer(epoch, val ? val.loss : trainMetrics.loss, es?.minDelta ?? 0);
      const event: EpochEvent = {
        type: 'epoch',
        epoch,
        epochs,
        lr: optimizer.lr,
        train: trainMetrics,
        val,
        elapsedMs: Date.now() - t0,
      };
      if (this.best.epoch > 0) event.bestEpoch = this.best.epoch;
      const activations = probe && !probe.empty ? probe.result() : null;
      if (activations) event.activations = activations;
      history.push(event);
      emit(event);
      const alerts = monitor
        ? monitor.observe({
            epoch,
            trainLoss: trainMetrics.loss,
            valLoss: val ? val.loss : null,
            lr: optimizer.lr,
            ...(activations ? { activations } : {}),
          })
        : [];
      for (const a of alerts) emit({ type: 'alert', ...a });
      const blowUp = alerts.find((a) => a.kind === 'divergence');
      if (blowUp) {
        const restored = this.best.epoch < epoch ? this.best.restore() : 0;
        const message =
          `Training diverged in epoch ${epoch}: the loss exploded. ` +
          (restored > 0
            ? `The weights are those of epoch ${restored}, the best one; `
            : 'The weights are the last ones; ') +
          'try a smaller learning rate.';
        const err: TrainEvent = { type: 'error', code: 'diverged', epoch, batch: batches, message };
        if (restored > 0) err.restoredEpoch = restored;
        emit(err);
        const result: FitResult = {
          reason: 'diverged',
          history,
          error: message,
          bestEpoch: this.best.epoch,
        };
        if (restored > 0) result.restoredEpoch = restored;
        return result;
      }
      if (es && this.best.wait >= es.patience && epoch < epochs)
        return done('stopped', epoch, true);
      control.endOfEpoch();
    }
    return done('completed', epochs);
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
    const result = out ?? net.backend.alloc(x.rows, net.outputs);
    for (let start = 0; start < x.rows; start += net.maxBatch) {
      const rows = Math.min(net.maxBatch, x.rows - start);
      const pred = net.predictBatch(sliceRows(x, start, rows));
      net.backend.download(pred.data);
      result.data.set(pred.data, start * net.outputs);
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
    for (let start = 0; start < n; start += net.maxBatch) {
      const rows = Math.min(net.maxBatch, n - start);
      const x = sliceRows(data.x, start, rows);
      const y = sliceRows(data.y, start, rows);
      const { loss, pred } = net.evaluateBatch(x, y);
      net.backend.download(pred.data);
      probe?.add(rows);
      acc.add(pred, y, loss);
    }
    const m = acc.result();
    if (net.params.some((p) => p.l1 > 0 || p.l2 > 0)) m.loss += net.penalty();
    return m;
  }
}

const stateOf = (c: TrainingControl): RunState => c.state;
