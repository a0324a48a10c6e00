/**
 * Feeds each epoch to the TrainingMonitor and emits its alerts right after the epoch event
 * (so EpochLog must run before it); the alerts also go to FitState.alerts, where DivergenceGuard
 * reads the monitor's verdict on the epoch. It reports the first batch's loss, before any update,
 * as where training started (EpochObservation.startLoss).
 */
import type { EpochEvent } from '../events';
import type { TrainingMonitor } from '../monitor/monitor';
import type { Callback, FitState } from './callback';

export class MonitorCallback implements Callback {
  /** The first batch's loss before its update: where training started. */
  private start = NaN;

  constructor(readonly monitor: TrainingMonitor) {}

  onTrainBegin(): void {
    this.start = NaN;
  }

  onGradients(fit: FitState): void {
    if (fit.epoch === 1 && fit.batch === 1) this.start = fit.loss;
  }

  onEpochEnd(fit: FitState, event: EpochEvent): void {
    const alerts = this.monitor.observe({
      epoch: event.epoch,
      trainLoss: event.train.loss,
      valLoss: event.val ? event.val.loss : null,
      lr: event.lr,
      ...(Number.isFinite(this.start) ? { startLoss: this.start } : {}),
      ...(event.activations ? { activations: event.activations } : {}),
      ...(event.layers ? { layers: event.layers } : {}),
    });
    for (const a of alerts) {
      fit.alerts.push(a);
      fit.emit({ type: 'alert', ...a });
    }
  }
}
