/**
 * Feeds each epoch to the TrainingMonitor and emits its alerts right after the epoch event
 * (so EpochLog must run before it); the alerts also go to FitState.alerts, where DivergenceGuard
 * reads the monitor's verdict on the epoch.
 */
import type { EpochEvent } from '../events';
import type { TrainingMonitor } from '../monitor/monitor';
import type { Callback, FitState } from './callback';

export class MonitorCallback implements Callback {
  constructor(readonly monitor: TrainingMonitor) {}

  onEpochEnd(fit: FitState, event: EpochEvent): void {
    const alerts = this.monitor.observe({
      epoch: event.epoch,
      trainLoss: event.train.loss,
      valLoss: event.val ? event.val.loss : null,
      lr: event.lr,
      ...(event.activations ? { activations: event.activations } : {}),
    });
    for (const a of alerts) {
      fit.alerts.push(a);
      fit.emit({ type: 'alert', ...a });
    }
  }
}
