/**
 * The fit loop's hooks. Trainer.fit runs the batches; everything it decides around them — the
 * learning rate, the divergence check, the best-epoch snapshot, the monitor, early stopping — is a
 * Callback, and so is anything a host or a sweep adds (FitOptions.callbacks, run after the
 * built-in ones). Every callback sees every hook, in list order; a hook that returns 'stop' ends
 * training after that hook (the others still run), and the first stop request decides the result.
 * Hooks run inside the hot loop: they must not allocate per batch (read and write FitState).
 */
import type { Optimizer } from '../../optimizers/optimizers';
import type { BestWeights } from '../early-stopping';
import type { EpochEvent, TrainEvent } from '../events';
import type { Alert } from '../monitor/types';
import type { TrainingMonitor } from '../monitor/monitor';
import type { Network } from '../network';

/** What a hook answers: 'stop' ends training (see StopRequest), anything else goes on. */
export type Verdict = 'stop' | 'continue' | void;

/** Why training stopped, set through FitState.requestStop; a bare 'stop' is a plain user stop. */
export interface StopRequest {
  /** stopped: keeps the last weights (unless earlyStopped); diverged: ends with an error. */
  reason: 'stopped' | 'diverged';
  earlyStopped?: boolean;
  /** The error message of a divergence (its error event is the callback's to emit). */
  error?: string;
  /** The epoch whose weights the stopping callback put back. */
  restoredEpoch?: number;
}

/** The outcome a fit returns (FitResult in trainer.ts is this type). */
export interface FitOutcome {
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

/** The live state of a fit, shared by the trainer and every callback. */
export interface FitState {
  readonly network: Network;
  readonly optimizer: Optimizer;
  readonly epochs: number;
  readonly batches: number;
  /** The epoch running (from 1). */
  epoch: number;
  /** The batch running (from 1); 0 outside a batch. */
  batch: number;
  /** This batch's loss (penalty included) and global gradient norm, set before onGradients. */
  loss: number;
  norm: number;
  /** Completed epochs' events, in order (the result's history). */
  readonly history: EpochEvent[];
  /** The alerts raised for the current epoch so far (cleared when an epoch begins). */
  readonly alerts: Alert[];
  /** The best-epoch snapshot (see BestWeightsCallback). */
  readonly best: BestWeights;
  /** The overfitting monitor, or null when it is off. */
  readonly monitor: TrainingMonitor | null;
  /** The first stop request of the fit, or null. */
  readonly stopRequest: StopRequest | null;
  /** Records why training stops (the first request wins); the hook then returns 'stop'. */
  requestStop(r: StopRequest): void;
  emit(event: TrainEvent): void;
}

/**
 * A fit hook set (Keras-like). All hooks are optional and synchronous.
 * - onTrainBegin: before the first epoch (reset per-fit state here).
 * - onEpochBegin: before the epoch's shuffle and first batch (set the epoch's learning rate).
 * - onBatchBegin: before each batch is gathered, after pause / stop are honoured.
 * - onGradients: after the forward and backward pass (FitState.loss, .norm), before the update;
 *   'stop' skips the update, so the weights stay those before this batch.
 * - onBatchEnd: after the update and the batch's metrics.
 * - onEpochEnd: with the epoch's event (validation included). Built-ins before EpochLog may add
 *   to it (the best epoch); callbacks after it — the caller's — see it emitted and in the history.
 * - onTrainEnd: once, with the result before the done event; may put weights back and set
 *   result.restoredEpoch. Not called when a hook throws.
 */
export interface Callback {
  onTrainBegin?(fit: FitState): void;
  onEpochBegin?(fit: FitState): void;
  onBatchBegin?(fit: FitState): void;
  onGradients?(fit: FitState): Verdict;
  onBatchEnd?(fit: FitState): Verdict;
  onEpochEnd?(fit: FitState, event: EpochEvent): Verdict;
  onTrainEnd?(fit: FitState, result: FitOutcome): void;
}

/** Callbacks composed in order: each hook runs on every callback that has it. */
export class CallbackList {
  private readonly list: readonly Callback[];

  constructor(callbacks: readonly Callback[]) {
    for (const [i, c] of callbacks.entries())
      if (c === null || typeof c !== 'object')
        throw new TypeError(
          `callback ${i + 1} must be an object with hook methods, got ${String(c)}`,
        );
    this.list = callbacks;
  }

  trainBegin(fit: FitState): void {
    for (let i = 0; i < this.list.length; i++) this.list[i]!.onTrainBegin?.(fit);
  }

  epochBegin(fit: FitState): void {
    for (let i = 0; i < this.list.length; i++) this.list[i]!.onEpochBegin?.(fit);
  }

  batchBegin(fit: FitState): void {
    for (let i = 0; i < this.list.length; i++) this.list[i]!.onBatchBegin?.(fit);
  }

  /** True when some callback said 'stop'. */
  gradients(fit: FitState): boolean {
    let stop = false;
    for (let i = 0; i < this.list.length; i++)
      if (this.list[i]!.onGradients?.(fit) === 'stop') stop = true;
    return stop;
  }

  batchEnd(fit: FitState): boolean {
    let stop = false;
    for (let i = 0; i < this.list.length; i++)
      if (this.list[i]!.onBatchEnd?.(fit) === 'stop') stop = true;
    return stop;
  }

  epochEnd(fit: FitState, event: EpochEvent): boolean {
    let stop = false;
    for (let i = 0; i < this.list.length; i++)
      if (this.list[i]!.onEpochEnd?.(fit, event) === 'stop') stop = true;
    return stop;
  }

  trainEnd(fit: FitState, result: FitOutcome): void {
    for (let i = 0; i < this.list.length; i++) this.list[i]!.onTrainEnd?.(fit, result);
  }
}
