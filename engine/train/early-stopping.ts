/**
 * Best-epoch weights and early stopping.
 *
 * BestWeights keeps a copy of the parameters of the best epoch so far (buffers allocated once):
 * epoch t is an improvement when E(t) < E_best − minDelta, where E is the validation loss (or the
 * training loss without validation data). Early stopping ends training when `patience` epochs in a
 * row brought no improvement, and (with restoreBest) puts the best epoch's weights back.
 */
import type { Backend } from '../backend/backend';
import type { Param } from '../layers/layer';

export interface EarlyStoppingConfig {
  /** Epochs without improvement before stopping (a whole number ≥ 1). */
  patience: number;
  /** Smallest fall of the monitored loss that counts as an improvement (default 0). */
  minDelta?: number;
  /** Restore the best epoch's weights when training ends (default true). */
  restoreBest?: boolean;
}

export function checkEarlyStopping(c: EarlyStoppingConfig): void {
  if (!(Number.isInteger(c.patience) && c.patience >= 1))
    throw new RangeError(`early stopping patience must be a whole number ≥ 1, got ${c.patience}`);
  if (c.minDelta !== undefined && !(c.minDelta >= 0 && Number.isFinite(c.minDelta)))
    throw new RangeError(`early stopping min delta must be a number ≥ 0, got ${c.minDelta}`);
}

export class BestWeights {
  private readonly copies: Float32Array[];
  /** Best epoch (from 1); 0 when none was recorded. */
  epoch = 0;
  loss = Infinity;
  /** Epochs since the last improvement. */
  wait = 0;

  constructor(
    private readonly params: readonly Param[],
    private readonly backend: Backend,
  ) {
    this.copies = params.map((p) => new Float32Array(p.value.length));
  }

  reset(): void {
    this.epoch = 0;
    this.loss = Infinity;
    this.wait = 0;
  }

  /** Records epoch `epoch` with loss `loss`; copies the weights and returns true on an improvement. */
  offer(epoch: number, loss: number, minDelta = 0): boolean {
    if (Number.isFinite(loss) && (this.epoch === 0 || loss < this.loss - minDelta)) {
      this.epoch = epoch;
      this.loss = loss;
      this.wait = 0;
      for (let i = 0; i < this.params.length; i++) {
        this.backend.download(this.params[i]!.value);
        this.copies[i]!.set(this.params[i]!.value);
      }
      return true;
    }
    this.wait++;
    return false;
  }

  /** Puts the best weights back; returns their epoch, or 0 (nothing restored) when none was kept. */
  restore(): number {
    if (this.epoch === 0) return 0;
    for (let i = 0; i < this.params.length; i++) {
      this.params[i]!.value.set(this.copies[i]!);
      this.backend.upload(this.params[i]!.value);
    }
    return this.epoch;
  }
}
