/**
 * A trained model on one split, as the contract carries it: the engine's detailed evaluation
 * (engine/train/evaluate.ts), with the rows listed per confusion cell and the regression pairs
 * capped for the wire, and NaN/∞ metrics as null.
 */
import type { Trainer } from '../../../engine/train/trainer';
import type { Dataset } from '../../../engine/data/dataset';
import { evaluateDetailed } from '../../../engine/train/evaluate';
import type { RunEvaluation } from '../../contract/training';

const MAX_LISTED = 500;

const finiteOrNull = (v: number | undefined) =>
  v === undefined ? undefined : Number.isFinite(v) ? v : null;

export function evaluateSplit(
  trainer: Trainer,
  data: Dataset,
  split: 'test' | 'validation',
  classNames: string[] | null,
): RunEvaluation {
  const d = evaluateDetailed(trainer, data);
  const m = d.metrics;
  const metrics = {
    loss: Number.isFinite(m.loss) ? m.loss : null,
    ...(m.acc !== undefined ? { acc: m.acc } : {}),
    ...(m.mae !== undefined ? { mae: m.mae } : {}),
    ...(m.r2 !== undefined ? { r2: finiteOrNull(m.r2) ?? null } : {}),
  };
  const c = d.kind === 'classification' ? d.confusion : null;
  const target = d.kind === 'regression' && d.targets.length === 1 ? d.targets[0]! : null;
  return {
    split,
    rows: data.x.rows,
    metrics,
    confusion: c ? c.counts : null,
    cellRows: c ? c.rows.map((row) => row.map((cell) => cell.slice(0, MAX_LISTED))) : null,
    classNames,
    // Scaled units here; the service turns them into the target's units.
    pairs: target
      ? target.actual
          .slice(0, MAX_LISTED)
          .map((a, r) => [a, target.predicted[r]!] as [number, number])
      : null,
  };
}
