/**
 * Running metrics over the batches of an epoch or an evaluation pass.
 * - loss: mean over samples of the batch losses (each batch weighted by its row count)
 * - acc (cce): share of rows whose arg-max prediction equals the arg-max target;
 *   acc (bce): share of entries with (p ≥ 0.5) = (y ≥ 0.5)
 * - mae (mse): mean |p − y| over all entries
 * - r2 (mse): 1 − SS_res / SS_tot per target column (SS_tot around that column's mean over the
 *   pass), averaged over columns; 0 for a constant column predicted exactly, else −∞ guarded to NaN
 */
import type { Mat } from '../backend/backend';
import type { LossKind } from '../losses/loss';

/** Plain, serialisable metrics. Classification has `acc`; regression has `mae` and `r2`. */
export interface Metrics {
  loss: number;
  acc?: number;
  mae?: number;
  r2?: number;
}

export class MetricAccumulator {
  private n = 0;
  private lossSum = 0;
  private correct = 0;
  private counted = 0;
  private absErr = 0;
  private readonly sumY: Float64Array;
  private readonly sumY2: Float64Array;
  private readonly sse: Float64Array;

  constructor(
    readonly loss: LossKind,
    readonly cols: number,
  ) {
    this.sumY = new Float64Array(cols);
    this.sumY2 = new Float64Array(cols);
    this.sse = new Float64Array(cols);
  }

  reset(): void {
    this.n = this.lossSum = this.correct = this.counted = this.absErr = 0;
    this.sumY.fill(0);
    this.sumY2.fill(0);
    this.sse.fill(0);
  }

  /** Adds a batch: its predictions, targets and mean loss. */
  add(pred: Mat, y: Mat, meanLoss: number): void {
    const rows = pred.rows;
    const cols = this.cols;
    const p = pred.data;
    const t = y.data;
    this.n += rows;
    this.lossSum += meanLoss * rows;
    if (this.loss === 'cce') {
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let bp = 0;
        let bt = 0;
        for (let c = 1; c < cols; c++) {
          if (p[o + c]! > p[o + bp]!) bp = c;
          if (t[o + c]! > t[o + bt]!) bt = c;
        }
        if (bp === bt) this.correct++;
      }
      this.counted += rows;
    } else if (this.loss === 'bce') {
      const m = rows * cols;
      for (let i = 0; i < m; i++) if (p[i]! >= 0.5 === t[i]! >= 0.5) this.correct++;
      this.counted += m;
    } else {
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const yi = t[r * cols + c]!;
          const d = p[r * cols + c]! - yi;
          this.absErr += Math.abs(d);
          this.sse[c] = this.sse[c]! + d * d;
          this.sumY[c] = this.sumY[c]! + yi;
          this.sumY2[c] = this.sumY2[c]! + yi * yi;
        }
      }
    }
  }

  result(): Metrics {
    const loss = this.n === 0 ? NaN : this.lossSum / this.n;
    if (this.loss !== 'mse')
      return { loss, acc: this.counted === 0 ? NaN : this.correct / this.counted };
    let r2 = 0;
    for (let c = 0; c < this.cols; c++) {
      const ssTot = this.sumY2[c]! - (this.sumY[c]! * this.sumY[c]!) / this.n;
      r2 += ssTot > 0 ? 1 - this.sse[c]! / ssTot : this.sse[c] === 0 ? 1 : NaN;
    }
    return { loss, mae: this.absErr / (this.n * this.cols), r2: r2 / this.cols };
  }
}
