/**
 * Training events: plain, JSON-serialisable objects, so a worker thread can post them over IPC
 * unchanged. Epochs and batches are numbered from 1.
 */
import type { Metrics } from './metrics';

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
  elapsedMs: number;
}

export interface StateEvent {
  type: 'paused' | 'resumed';
  epoch: number;
  batch: number;
}

export interface DoneEvent {
  type: 'done';
  /** completed: all epochs ran; stopped: stop() was called. */
  reason: 'completed' | 'stopped';
  /** Epochs fully completed. */
  epochs: number;
  elapsedMs: number;
}

export interface ErrorEvent {
  type: 'error';
  /** diverged: a NaN/∞ loss or gradient; the weights are the last good ones. */
  code: 'diverged';
  epoch: number;
  batch: number;
  message: string;
}

export type TrainEvent = BatchEvent | EpochEvent | StateEvent | DoneEvent | ErrorEvent;
