/**
 * The learning rate: the schedule's rate at each epoch's start, and a rate set live through the
 * TrainingControl from the next batch on (with an `lr` event). After a live change the schedule
 * continues from the new rate: η(e) = η_live · s(e) / s(now), s the schedule's factor for a base
 * rate of 1.
 */
import { checkSchedule, scheduledLr, type ScheduleConfig } from '../../optimizers/schedules';
import type { TrainingControl } from '../control';
import type { Callback, FitState } from './callback';

export class LearningRate implements Callback {
  private baseLr: number;

  /** Throws on a bad schedule or a base rate that is not a number > 0, quoting the value. */
  constructor(
    lr: number,
    private readonly schedule: ScheduleConfig = { kind: 'constant' },
    private readonly control: TrainingControl | null = null,
  ) {
    if (!(Number.isFinite(lr) && lr > 0))
      throw new RangeError(`learning rate must be a number > 0, got ${lr}`);
    checkSchedule(schedule);
    this.baseLr = lr;
  }

  onEpochBegin(fit: FitState): void {
    fit.optimizer.lr = scheduledLr(this.schedule, this.baseLr, fit.epoch - 1);
  }

  onBatchBegin(fit: FitState): void {
    const live = this.control?.takeLearningRate() ?? null;
    if (live === null) return;
    this.baseLr = live / scheduledLr(this.schedule, 1, fit.epoch - 1);
    fit.optimizer.lr = live;
    fit.emit({ type: 'lr', epoch: fit.epoch, batch: fit.batch, lr: live });
  }
}
