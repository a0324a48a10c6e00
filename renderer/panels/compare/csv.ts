/** A run's curves as CSV: one row per epoch, the metrics it recorded, and the learning rate. */
import type { RunEpoch, RunMetrics } from '../../../electron/contract/training';

const METRICS: (keyof RunMetrics)[] = ['loss', 'acc', 'mae', 'r2'];

/** A number as CSV text: full precision; empty for a missing or non-finite value. */
const cell = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);

/**
 * `epoch,train_loss,val_loss,[train_acc,val_acc,…],lr[,l1_l2_penalty]` with a header row and one
 * row per epoch (lines end with \n). A metric appears when any epoch recorded it, on either
 * split. The losses are as the run recorded them, penalty included; a regularised run's
 * penalty per epoch comes last, so the data loss is val_loss − l1_l2_penalty.
 */
export function curvesCsv(epochs: readonly RunEpoch[]): string {
  const present = METRICS.filter(
    (m) => m === 'loss' || epochs.some((e) => e.train[m] !== undefined || e.val?.[m] !== undefined),
  );
  const penalty = epochs.some((e) => e.penalty !== undefined);
  const header = [
    'epoch',
    ...present.flatMap((m) => [`train_${m}`, `val_${m}`]),
    'lr',
    ...(penalty ? ['l1_l2_penalty'] : []),
  ];
  const rows = epochs.map((e) =>
    [
      String(e.epoch),
      ...present.flatMap((m) => [cell(e.train[m]), cell(e.val ? e.val[m] : null)]),
      cell(e.lr),
      ...(penalty ? [cell(e.penalty ?? 0)] : []),
    ].join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}
