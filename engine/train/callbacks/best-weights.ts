/**
 * The best-epoch snapshot: after each epoch, offers its loss to FitState.best — the validation
 * loss, or the training loss when early stopping runs without validation data — and marks the
 * epoch event with the best epoch so far. Without either nothing is tracked or copied (benchmarks
 * pay nothing). Restoring is left to whoever stops (EarlyStopping, DivergenceGuard).
 */
import type { EpochEvent } from '../events';
import type { Callback, FitState } from './callback';

export class BestWeightsCallback implements Callback {
  /**
   * @param track offer training losses too (early stopping without validation data)
   * @param minDelta smallest fall that counts as an improvement (≥ 0)
   */
  constructor(
    private readonly track: boolean,
    private readonly minDelta = 0,
  ) {
    if (!(minDelta >= 0 && Number.isFinite(minDelta)))
      throw new RangeError(`best-weights min delta must be a number ≥ 0, got ${minDelta}`);
  }

  onTrainBegin(fit: FitState): void {
    fit.best.reset();
  }

  onEpochEnd(fit: FitState, event: EpochEvent): void {
    if (event.val || this.track)
      fit.best.offer(event.epoch, event.val ? event.val.loss : event.train.loss, this.minDelta);
    if (fit.best.epoch > 0) event.bestEpoch = fit.best.epoch;
  }
}

/** Emits each epoch's event (after the best epoch is marked) and keeps it in the history. */
export class EpochLog implements Callback {
  onEpochEnd(fit: FitState, event: EpochEvent): void {
    fit.history.push(event);
    fit.emit(event);
  }
}
