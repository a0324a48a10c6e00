/**
 * Training events: plain, JSON-serialisable objects, so a worker thread can post them over IPC
 * unchanged. Epochs and batches are numbered from 1.
 */
import type { Metrics } from './metrics';
import type { ActivationLayerStats, Alert, LayerDiagnostics } from './monitor/types';

export interface BatchEvent {
  type: 'batch';
  epoch: number;
  batch: number;
  batches: number;
  /** Mean loss of this batch, regularisation included. */
  loss: number;
}

export interface EpochEvent {
  type: 'epoch';
  epoch: number;
  epochs: number;
  /** Learning rate used in this epoch. */
  lr: number;
  /** Running metrics over the epoch's batches (training mode: dropout on); loss includes the penalty. */
  train: Metrics;
  /** Metrics on the validation data (evaluation mode), or null without validation data. */
  val: Metrics | null;
  /**
   * The L1/L2 penalty R(W) of the weights at the epoch's end, which `val.loss` includes; absent
   * without regularisation (and in old recordings). `val.loss − penalty` is the data loss.
   */
  penalty?: number;
  elapsedMs: number;
  /** Best epoch so far (lowest validation loss, else training loss); absent in old recordings. */
  bestEpoch?: number;
  /** Activation statistics on the validation data (ReLU / sigmoid / tanh layers), when any. */
  activations?: ActivationLayerStats[];
  /** Per Dense layer: gradient and weight norms, dead / saturated share (FitSettings.diagnostics). */
  layers?: LayerDiagnostics[];
}

/**
 * An alert of the overfitting monitor, emitted right after the epoch event that raised it (a
 * divergence met inside an epoch: right before its error event).
 */
export interface AlertEvent extends Alert {
  type: 'alert';
}

/** The learning rate was changed live; it applies from batch `batch` of `epoch` on. */
export interface LrEvent {
  type: 'lr';
  epoch: number;
  batch: number;
  lr: number;
}

export interface StateEvent {
  type: 'paused' | 'resumed';
  epoch: number;
  batch: number;
}

export interface DoneEvent {
  type: 'done';
  /** completed: all epochs ran; stopped: stop() was called, or early stopping (earlyStopped). */
  reason: 'completed' | 'stopped';
  /** True when early stopping ended training (patience ran out). */
  earlyStopped?: boolean;
  /** Epochs fully completed. */
  epochs: number;
  elapsedMs: number;
  /** Best epoch (lowest validation loss, else training loss), when at least one epoch completed. */
  bestEpoch?: number;
  /** The epoch whose weights were restored at the end (early stopping with restoreBest). */
  restoredEpoch?: number;
}

export interface ErrorEvent {
  type: 'error';
  /**
   * diverged: a NaN/∞ loss or gradient (the weights are the last good ones), or a training loss
   * that stayed far above where training started (the weights are the best epoch's from before
   * the climb, else those from just before it). A spike from a near-zero loss is no error, only
   * an `instability` alert.
   */
  code: 'diverged';
  epoch: number;
  batch: number;
  message: string;
  /** The epoch whose weights were put back after a climbing loss (absent: the initial ones, or none). */
  restoredEpoch?: number;
}

export type TrainEvent =
  BatchEvent | EpochEvent | StateEvent | DoneEvent | ErrorEvent | AlertEvent | LrEvent;
