/**
 * One fit's shared state (FitState) and how it ends, plus the built-in callbacks in the order
 * their hooks must run — learning rate, best-epoch snapshot, diagnostics, epoch log, monitor, divergence guard
 * (its epoch verdict reads the monitor's), early stopping — followed by the caller's.
 */
import type { Optimizer } from '../../optimizers/optimizers';
import type { ScheduleConfig } from '../../optimizers/schedules';
import type { TrainingControl } from '../control';
import type { BestWeights, EarlyStoppingConfig } from '../early-stopping';
import type { DoneEvent, EpochEvent, TrainEvent } from '../events';
import type { TrainingMonitor } from '../monitor/monitor';
import type { Alert } from '../monitor/types';
import type { Network } from '../network';
import { BestWeightsCallback, EpochLog } from './best-weights';
import type { Callback, CallbackList, FitOutcome, FitState, StopRequest } from './callback';
import { DiagnosticsCallback } from './diagnostics';
import { DivergenceGuard } from './divergence';
import { EarlyStopping } from './early-stopping';
import { LearningRate } from './learning-rate';
import { MonitorCallback } from './monitor';

export class FitRun implements FitState {
  epoch = 0;
  batch = 0;
  loss = NaN;
  norm = NaN;
  readonly history: EpochEvent[] = [];
  readonly alerts: Alert[] = [];
  private request: StopRequest | null = null;
  private readonly t0 = Date.now();

  constructor(
    readonly network: Network,
    readonly optimizer: Optimizer,
    readonly epochs: number,
    readonly batches: number,
    readonly best: BestWeights,
    readonly monitor: TrainingMonitor | null,
    readonly emit: (event: TrainEvent) => void,
  ) {}

  get stopRequest(): StopRequest | null {
    return this.request;
  }

  requestStop(r: StopRequest): void {
    this.request ??= r;
  }

  /** Milliseconds since the fit began. */
  get elapsedMs(): number {
    return Date.now() - this.t0;
  }

  /**
   * The result after `completed` epochs: `reason`, else the stop request's, else a plain stop.
   * Runs onTrainEnd, then emits the done event (a divergence's error event stays the last one).
   */
  finish(callbacks: CallbackList, completed: number, reason?: FitOutcome['reason']): FitOutcome {
    const stop = this.request;
    const result: FitOutcome = {
      reason: reason ?? stop?.reason ?? 'stopped',
      history: this.history,
      bestEpoch: 0,
    };
    if (stop?.earlyStopped) result.earlyStopped = true;
    if (stop?.error !== undefined) result.error = stop.error;
    if (stop?.restoredEpoch !== undefined) result.restoredEpoch = stop.restoredEpoch;
    callbacks.trainEnd(this, result);
    result.bestEpoch = this.best.epoch;
    if (result.reason === 'diverged') return result;
    const event: DoneEvent = {
      type: 'done',
      reason: result.reason,
      epochs: completed,
      elapsedMs: this.elapsedMs,
    };
    if (result.earlyStopped) event.earlyStopped = true;
    if (this.best.epoch > 0) event.bestEpoch = this.best.epoch;
    if (result.restoredEpoch !== undefined) event.restoredEpoch = result.restoredEpoch;
    this.emit(event);
    return result;
  }
}

export interface BuiltInSettings {
  lr: number;
  schedule?: ScheduleConfig;
  earlyStopping?: EarlyStoppingConfig;
  /** Per-layer diagnostics in every epoch event (DiagnosticsCallback). */
  diagnostics?: boolean;
  callbacks?: readonly Callback[];
}

/** The built-in callbacks for `fit`, then `s.callbacks`; constructors check their settings. */
export function builtInCallbacks(
  fit: FitRun,
  s: BuiltInSettings,
  control: TrainingControl,
): Callback[] {
  const es = s.earlyStopping;
  const list: Callback[] = [
    new LearningRate(s.lr, s.schedule, control),
    new BestWeightsCallback(es !== undefined, es?.minDelta ?? 0),
    ...(s.diagnostics ? [new DiagnosticsCallback(fit.network)] : []),
    new EpochLog(),
  ];
  if (fit.monitor) list.push(new MonitorCallback(fit.monitor));
  list.push(new DivergenceGuard(fit));
  if (es) list.push(new EarlyStopping(es));
  return [...list, ...(s.callbacks ?? [])];
}
