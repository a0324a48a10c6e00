/** Metrics and, for classification, the confusion matrix of a trained model on one split. */
import type { Trainer } from '../../../engine/train/trainer';
import type { Dataset } from '../../../engine/data/dataset';
import type { LossKind } from '../../../engine/losses/loss';
import type { RunEvaluation } from '../../contract/training';

const MAX_LISTED = 500;

const finiteOrNull = (v: number | undefined) =>
  v === undefined ? undefined : Number.isFinite(v) ? v : null;

export function evaluateSplit(
  trainer: Trainer,
  data: Dataset,
  split: 'test' | 'validation',
  loss: LossKind,
  classNames: string[] | null,
): RunEvaluation {
  const m = trainer.evaluate(data);
  const metrics = {
    loss: Number.isFinite(m.loss) ? m.loss : null,
    ...(m.acc !== undefined ? { acc: m.acc } : {}),
    ...(m.mae !== undefined ? { mae: m.mae } : {}),
    ...(m.r2 !== undefined ? { r2: finiteOrNull(m.r2) ?? null } : {}),
  };
  let confusion: number[][] | null = null;
  let cellRows: number[][][] | null = null;
  if (loss === 'cce' || loss === 'bce') {
    const p = trainer.predict(data.x);
    const k = loss === 'cce' ? data.y.cols : 2;
    confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    cellRows = Array.from({ length: k }, () => Array.from({ length: k }, () => [] as number[]));
    for (let r = 0; r < data.x.rows; r++) {
      let actual = 0;
      let predicted = 0;
      if (loss === 'cce') {
        for (let c = 1; c < k; c++) {
          if (data.y.data[r * k + c]! > data.y.data[r * k + actual]!) actual = c;
          if (p.data[r * k + c]! > p.data[r * k + predicted]!) predicted = c;
        }
      } else {
        actual = data.y.data[r]! >= 0.5 ? 1 : 0;
        predicted = p.data[r]! >= 0.5 ? 1 : 0;
      }
      confusion[actual]![predicted]!++;
      const cell = cellRows[actual]![predicted]!;
      if (cell.length < MAX_LISTED) cell.push(r);
    }
  }
  let pairs: [number, number][] | null = null;
  if (loss === 'mse' && data.y.cols === 1) {
    // Scaled units here; the service turns them into the target's units.
    const p = trainer.predict(data.x);
    pairs = [];
    for (let r = 0; r < Math.min(data.x.rows, MAX_LISTED); r++)
      pairs.push([data.y.data[r]!, p.data[r]!]);
  }
  return { split, rows: data.x.rows, metrics, confusion, cellRows, classNames, pairs };
}
