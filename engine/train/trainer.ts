/**
 * Trainer: fit / evaluate / predict for a ModelSpec.
 *
 *   const trainer = new Trainer(spec, { seed: 1, maxBatch: 128 });
 *   const result = await trainer.fit(train, { epochs: 10, batchSize: 32, optimizer: { name: 'adam', lr: 1e-3 },
 *                                             validation, onEvent: (e) => post(e), control });
 *
 * Each epoch: learning rate from the schedule, shuffle (seeded), then per mini-batch: forward,
 * loss + λ·R(W), backward, divergence check, optional clipping, optimizer step. Buffers are sized
 * once (maxBatch rows), so steps allocate nothing. A non-finite loss or gradient stops training
 * with an `error` event naming epoch and batch; the weights stay the last good ones (the update
 * that would have used the bad gradient is skipped; weights that became non-finite are restored
 * from the start of the epoch).
 */
import type { Backend, Mat } from '../backend/backend';
import { Rng } from '../data/rng';
import type { Dataset } from '../data/dataset';
import { RowBuffer } from '../layers/layer';
import { clipGradients, gradientNorm } from '../optimizers/clip';
import { makeOptimizer, type OptimizerConfig } from '../optimizers/optimizers';
import { checkSchedule, scheduledLr, type ScheduleConfig } from '../optimizers/schedules';
import { TrainingControl, type RunState } from './control';
import type { EpochEvent, TrainEvent } from './events';
import { MetricAccumulator, type Metrics } from './metrics';
import { Network } from './network';
import type { ModelSpec } from './spec';

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
  reason: 'completed' | 'stopped' | 'diverged';
  /** One entry per completed epoch. */
  history: EpochEvent[];
  error?: string;
}

export class Trainer {
  readonly network: Network;
  private readonly shuffleRng: Rng;

  constructor(
    readonly spec: ModelSpec,
    opts: TrainerOptions = {},
  ) {
    const seed = opts.seed ?? 0;
    this.network = new Network(spec, {
      backend: opts.backend,
      seed,
      maxBatch: opts.maxBatch ?? 256,
    });
    this.shuffleRng = new Rng((seed ^ 0x2545f491) >>> 0);
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
    this.checkData(train, 'training');
    if (opts.validation) this.checkData(opts.validation, 'validation');

    const optimizer = makeOptimizer(opts.optimizer, net.params, net.backend);
    const schedule = opts.schedule ?? { kind: 'constant' };
    const control = opts.control ?? new TrainingControl();
    const emit = opts.onEvent ?? ((): void => undefined);
    const batchEvery = opts.batchEvery ?? 1;
    const yieldEvery = opts.yieldEveryMs ?? 50;
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

    for (let epoch = 1; epoch <= epochs; epoch++) {
      optimizer.lr = scheduledLr(schedule, opts.optimizer.lr, epoch - 1);
      if (opts.shuffle !== false) this.shuffleRng.shuffle(order);
      acc.reset();
      net.params.forEach((p, i) => snapshot[i]!.set(p.value));
      for (let b = 0; b < batches; b++) {
        if (stateOf(control) === 'paused') {
          emit({ type: 'paused', epoch, batch: b + 1 });
          await control.waitWhilePaused();
          if (stateOf(control) === 'running') emit({ type: 'resumed', epoch, batch: b + 1 });
        }
        if (stateOf(control) === 'stopping')
          return this.finish('stopped', epoch - 1, history, t0, emit);
        const start = b * batchSize;
        const rows = Math.min(batchSize, n - start);
        const x = xb.rows(rows);
        const y = yb.rows(rows);
        gather(train.x, order, start, rows, x);
        gather(train.y, order, start, rows, y);
        const dataLoss = net.gradients(x, y);
        const loss = regularised ? dataLoss + net.penalty() : dataLoss;
        const norm = gradientNorm(net.params, net.backend);
        if (!Number.isFinite(loss) || !Number.isFinite(norm)) {
          const restored = !net.params.every((p) =>
            Number.isFinite(net.backend.sumSquares(p.value)),
          );
          if (restored) net.params.forEach((p, i) => p.value.set(snapshot[i]!));
          const what = Number.isFinite(loss)
            ? `the gradient became ${norm}`
            : `the loss became ${loss}`;
          const message =
            `Training diverged in epoch ${epoch}, batch ${b + 1}: ${what}. ` +
            `The weights are ${restored ? `those from the start of epoch ${epoch}` : 'the last good ones'}; try a smaller learning rate.`;
          emit({ type: 'error', code: 'diverged', epoch, batch: b + 1, message });
          return { reason: 'diverged', history, error: message };
        }
        if (opts.clipNorm !== undefined)
          clipGradients(net.params, net.backend, opts.clipNorm, norm);
        optimizer.step();
        acc.add(net.lastPred!, y, loss);
        if (batchEvery > 0 && ((b + 1) % batchEvery === 0 || b + 1 === batches)) {
          emit({ type: 'batch', epoch, batch: b + 1, batches, loss });
        }
        if (opts.yieldToHost && Date.now() - lastYield >= yieldEvery) {
          await opts.yieldToHost();
          lastYield = Date.now();
        }
      }
      const event: EpochEvent = {
        type: 'epoch',
        epoch,
        epochs,
        lr: optimizer.lr,
        train: acc.result(),
        val: opts.validation ? this.evaluate(opts.validation) : null,
        elapsedMs: Date.now() - t0,
      };
      history.push(event);
      emit(event);
    }
    return this.finish('completed', epochs, history, t0, emit);
  }

  /** Loss (data term plus the regularisation penalty) and metrics in evaluation mode. */
  evaluate(data: Dataset): Metrics {
    this.checkData(data, 'evaluation');
    const net = this.network;
    const acc = new MetricAccumulator(net.spec.loss, net.outputs);
    const n = data.x.rows;
    for (let start = 0; start < n; start += net.maxBatch) {
      const rows = Math.min(net.maxBatch, n - start);
      const x = sliceRows(data.x, start, rows);
      const y = sliceRows(data.y, start, rows);
      const { loss, pred } = net.evaluateBatch(x, y);
      acc.add(pred, y, loss);
    }
    const m = acc.result();
    if (net.params.some((p) => p.l1 > 0 || p.l2 > 0)) m.loss += net.penalty();
    return m;
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
      result.data.set(pred.data, start * net.outputs);
    }
    return result;
  }

  private finish(
    reason: 'completed' | 'stopped',
    epochs: number,
    history: EpochEvent[],
    t0: number,
    emit: (e: TrainEvent) => void,
  ): FitResult {
    emit({ type: 'done', reason, epochs, elapsedMs: Date.now() - t0 });
    return { reason, history };
  }

  private checkData(d: Dataset, what: string): void {
    const net = this.network;
    if (d.x.cols !== net.inputs)
      throw new RangeError(
        `the ${what} data has ${d.x.cols} features, the model takes ${net.inputs}`,
      );
    if (d.y.cols !== net.outputs)
      throw new RangeError(
        `the ${what} targets have ${d.y.cols} columns, the model outputs ${net.outputs}`,
      );
    if (d.x.rows !== d.y.rows)
      throw new RangeError(`the ${what} data has ${d.x.rows} rows but ${d.y.rows} targets`);
    if (d.x.rows === 0) throw new RangeError(`the ${what} data has no rows`);
  }
}

const stateOf = (c: TrainingControl): RunState => c.state;

function gather(src: Mat, order: Int32Array, start: number, rows: number, dst: Mat): void {
  const c = src.cols;
  const s = src.data;
  const d = dst.data;
  for (let r = 0; r < rows; r++) {
    const o = order[start + r]! * c;
    const p = r * c;
    for (let j = 0; j < c; j++) d[p + j] = s[o + j]!;
  }
}

function sliceRows(m: Mat, start: number, rows: number): Mat {
  return { rows, cols: m.cols, data: m.data.subarray(start * m.cols, (start + rows) * m.cols) };
}
