/**
 * Divergence: training stops with an `error` event (code 'diverged') when
 * - a batch's loss or gradient norm is NaN/∞: at once, before the update that would use it; the
 *   weights stay the last good ones (those of the snapshot below when some became non-finite);
 * - the monitor judged the epoch a divergence (the training loss stayed far above where training
 *   started, see TrainingMonitor): after the epoch, with the last good weights put back — the
 *   best epoch's when it came before the climb, else those from just before the climb.
 * The snapshot is taken at each epoch's start, except while the monitor sees the loss climbing,
 * so it holds the weights from before the climb. A spike from a near-zero loss is the monitor's
 * instability note and stops nothing. With the monitor off only non-finite values stop training.
 * Runs after MonitorCallback.
 */
import type { EpochEvent } from '../events';
import type { Callback, FitState } from './callback';

export class DivergenceGuard implements Callback {
  private readonly snapshot: Float32Array[];
  /** Epochs completed when the snapshot was taken. */
  private snapshotAfter = 0;

  constructor(fit: Pick<FitState, 'network'>) {
    this.snapshot = fit.network.params.map((p) => new Float32Array(p.value.length));
  }

  onEpochBegin(fit: FitState): void {
    if (fit.epoch > 1 && fit.monitor !== null && fit.monitor.climbing > 0) return;
    fit.network.downloadParams();
    const params = fit.network.params;
    for (let i = 0; i < params.length; i++) this.snapshot[i]!.set(params[i]!.value);
    this.snapshotAfter = fit.epoch - 1;
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
      `The weights are ${restored ? `those from the start of epoch ${this.snapshotAfter + 1}` : 'the last good ones'}; try a smaller learning rate.`;
    fit.emit({ type: 'error', code: 'diverged', epoch, batch, message });
    fit.requestStop({ reason: 'diverged', error: message });
    return 'stop';
  }

  onEpochEnd(fit: FitState, event: EpochEvent): 'stop' | 'continue' {
    const alert = fit.alerts.find((a) => a.kind === 'divergence');
    if (!alert) return 'continue';
    const epoch = event.epoch;
    // The climb began at this epoch (a non-finite validation loss: just now) or `epochsAbove` ago.
    const above = alert.evidence.epochsAbove ?? 0;
    const climbStart = epoch - Math.max(1, above) + 1;
    let restored: number;
    let weights: string;
    if (fit.best.epoch > 0 && fit.best.epoch < climbStart) {
      restored = fit.best.restore();
      weights = `those of epoch ${restored}, the best one before the loss climbed`;
    } else {
      fit.network.setWeights(this.snapshot);
      restored = this.snapshotAfter;
      weights =
        restored > 0
          ? `those of epoch ${restored}, the last before the loss climbed`
          : 'the initial ones, from before the loss climbed';
    }
    const message =
      `Training diverged in epoch ${epoch}: the loss exploded. The weights are ${weights}; ` +
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
