/**
 * Divergence: training stops with an `error` event (code 'diverged') when
 * - a batch's loss or gradient norm is NaN/∞: at once, before the update that would use it; the
 *   weights stay the last good ones (those of the epoch's start when some became non-finite);
 * - the monitor judged the epoch a divergence (the training loss stayed far above where training
 *   started, see TrainingMonitor): after the epoch, with the best epoch's weights put back.
 * A spike from a near-zero loss is the monitor's instability note and stops nothing. With the
 * monitor off only non-finite values stop training. Runs after MonitorCallback.
 */
import type { EpochEvent } from '../events';
import type { Callback, FitState } from './callback';

export class DivergenceGuard implements Callback {
  private readonly snapshot: Float32Array[];

  constructor(fit: Pick<FitState, 'network'>) {
    this.snapshot = fit.network.params.map((p) => new Float32Array(p.value.length));
  }

  onEpochBegin(fit: FitState): void {
    fit.network.downloadParams();
    const params = fit.network.params;
    for (let i = 0; i < params.length; i++) this.snapshot[i]!.set(params[i]!.value);
  }

  onGradients(fit: FitState): 'stop' | 'continue' {
    const { loss, norm, epoch, batch } = fit;
    if (Number.isFinite(loss) && Number.isFinite(norm)) return 'continue';
    const net = fit.network;
    const restored = !net.params.every((p) => Number.isFinite(net.backend.sumSquares(p.value)));
    if (restored) net.setWeights(this.snapshot);
    const what = Number.isFinite(loss) ? `the gradient became ${norm}` : `the loss became ${loss}`;
    if (fit.monitor) {
      const alert = fit.monitor.diverged(epoch, batch, what, fit.optimizer.lr);
      fit.alerts.push(alert);
      fit.emit({ type: 'alert', ...alert });
    }
    const message =
      `Training diverged in epoch ${epoch}, batch ${batch}: ${what}. ` +
      `The weights are ${restored ? `those from the start of epoch ${epoch}` : 'the last good ones'}; try a smaller learning rate.`;
    fit.emit({ type: 'error', code: 'diverged', epoch, batch, message });
    fit.requestStop({ reason: 'diverged', error: message });
    return 'stop';
  }

  onEpochEnd(fit: FitState, event: EpochEvent): 'stop' | 'continue' {
    if (!fit.alerts.some((a) => a.kind === 'divergence')) return 'continue';
    const epoch = event.epoch;
    const restored = fit.best.epoch < epoch ? fit.best.restore() : 0;
    const message =
      `Training diverged in epoch ${epoch}: the loss exploded. ` +
      (restored > 0
        ? `The weights are those of epoch ${restored}, the best one; `
        : 'The weights are the last ones; ') +
      'try a smaller learning rate.';
    const err = { type: 'error', code: 'diverged', epoch, batch: fit.batches, message } as const;
    fit.emit(restored > 0 ? { ...err, restoredEpoch: restored } : err);
    fit.requestStop({
      reason: 'diverged',
      error: message,
      ...(restored > 0 ? { restoredEpoch: restored } : {}),
    });
    return 'stop';
  }
}
