/**
 * Early stopping: ends training when `patience` epochs in a row brought no improvement of the
 * best-epoch loss (see BestWeightsCallback, which must run before it), and — with restoreBest,
 * the default — puts the best epoch's weights back when training ends by early stopping or by
 * completing its epochs (not after a user's stop, which keeps the last weights).
 */
import { checkEarlyStopping, type EarlyStoppingConfig } from '../early-stopping';
import type { Callback, FitOutcome, FitState } from './callback';

export class EarlyStopping implements Callback {
  /** Throws on a patience that is not a whole number ≥ 1 or a negative min delta, quoting it. */
  constructor(readonly config: EarlyStoppingConfig) {
    checkEarlyStopping(config);
  }

  onEpochEnd(fit: FitState): 'stop' | 'continue' {
    if (fit.best.wait < this.config.patience || fit.epoch >= fit.epochs) return 'continue';
    fit.requestStop({ reason: 'stopped', earlyStopped: true });
    return 'stop';
  }

  onTrainEnd(fit: FitState, result: FitOutcome): void {
    if (this.config.restoreBest === false) return;
    if (!(result.earlyStopped || result.reason === 'completed')) return;
    const restored = fit.best.restore();
    if (restored > 0) result.restoredEpoch = restored;
  }
}
