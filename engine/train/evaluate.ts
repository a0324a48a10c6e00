/**
 * Detailed evaluation of a trained model on a split, and one-row prediction.
 *
 * Classification (cce: arg-max of the probabilities; bce with one output: p ≥ 0.5 is class 1):
 * confusion matrix C[actual][predicted] with the row indices of each cell, and per class
 *   precision = TP / (TP + FP),  recall = TP / (TP + FN),  F1 = 2·P·R / (P + R)
 * (0 where a denominator is 0), plus their unweighted (macro) means.
 * bce with k > 1 outputs (multi-label): one 2 × 2 matrix per label (classes "label j off/on").
 * Regression (mse): per target column the predicted and actual values and residuals y − ŷ.
 */
import { matOf } from '../backend/backend';
import type { Dataset } from '../data/dataset';
import type { Metrics } from './metrics';
import type { Trainer } from './trainer';

export interface ClassStats {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose actual class is this one. */
  support: number;
}

export interface ConfusionMatrix {
  /** counts[actual][predicted] */
  counts: number[][];
  /** rows[actual][predicted]: the dataset row indices in that cell (ascending). */
  rows: number[][][];
  perClass: ClassStats[];
  macro: { precision: number; recall: number; f1: number };
  accuracy: number;
}

export type DetailedEvaluation =
  | { kind: 'classification'; metrics: Metrics; classes: number; confusion: ConfusionMatrix }
  | { kind: 'multilabel'; metrics: Metrics; labels: ConfusionMatrix[] }
  | {
      kind: 'regression';
      metrics: Metrics;
      /** One entry per target column. */
      targets: { predicted: number[]; actual: number[]; residuals: number[] }[];
    };

/** Confusion matrix and per-class statistics of predicted vs actual class indices. */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): ConfusionMatrix {
  if (actual.length !== predicted.length)
    throw new RangeError(`${actual.length} actual classes but ${predicted.length} predictions`);
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const rows = Array.from({ length: classes }, () =>
    Array.from({ length: classes }, () => [] as number[]),
  );
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const p = predicted[i]!;
    if (!(a >= 0 && a < classes && p >= 0 && p < classes))
      throw new RangeError(`row ${i}: class ${a} or prediction ${p} is not in 0..${classes - 1}`);
    counts[a]![p]!++;
    rows[a]![p]!.push(i);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  let correct = 0;
  const perClass = counts.map((row, c) => {
    const tp = row[c]!;
    correct += tp;
    const support = row.reduce((s, v) => s + v, 0);
    let predictedC = 0;
    for (let a = 0; a < classes; a++) predictedC += counts[a]![c]!;
    const precision = ratio(tp, predictedC);
    const recall = ratio(tp, support);
    return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const mean = (k: keyof ClassStats) =>
    ratio(
      perClass.reduce((s, c) => s + c[k], 0),
      classes,
    );
  return {
    counts,
    rows,
    perClass,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    accuracy: ratio(correct, actual.length),
  };
}

const argMax = (d: Float32Array, o: number, k: number): number => {
  let best = 0;
  for (let c = 1; c < k; c++) if (d[o + c]! > d[o + best]!) best = c;
  return best;
};

/** Metrics, confusion matrix / per-class statistics, or predicted-vs-actual pairs on `data`. */
export function evaluateDetailed(trainer: Trainer, data: Dataset): DetailedEvaluation {
  const metrics = trainer.evaluate(data);
  const pred = trainer.predict(data.x);
  const { rows: n, cols: k } = pred;
  const loss = trainer.spec.loss;
  const p = pred.data;
  const y = data.y.data;
  if (loss === 'mse') {
    const targets = Array.from({ length: k }, (_, c) => {
      const predicted: number[] = [];
      const actual: number[] = [];
      const residuals: number[] = [];
      for (let r = 0; r < n; r++) {
        predicted.push(p[r * k + c]!);
        actual.push(y[r * k + c]!);
        residuals.push(y[r * k + c]! - p[r * k + c]!);
      }
      return { predicted, actual, residuals };
    });
    return { kind: 'regression', metrics, targets };
  }
  if (loss === 'cce' || k === 1) {
    const actual = new Int32Array(n);
    const predicted = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      actual[r] = k === 1 ? Number(y[r]! >= 0.5) : argMax(y, r * k, k);
      predicted[r] = k === 1 ? Number(p[r]! >= 0.5) : argMax(p, r * k, k);
    }
    const classes = k === 1 ? 2 : k;
    return {
      kind: 'classification',
      metrics,
      classes,
      confusion: confusionMatrix(actual, predicted, classes),
    };
  }
  const labels = Array.from({ length: k }, (_, c) => {
    const actual = new Int32Array(n);
    const predicted = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      actual[r] = Number(y[r * k + c]! >= 0.5);
      predicted[r] = Number(p[r * k + c]! >= 0.5);
    }
    return confusionMatrix(actual, predicted, 2);
  });
  return { kind: 'multilabel', metrics, labels };
}

export interface RowPrediction {
  /** The model's outputs: probabilities (cce, bce) or values (mse). */
  outputs: number[];
  /** Classification: probability per class (cce: the softmax; bce with one output: [1 − p, p]). */
  probabilities?: number[];
  /** Classification: the most probable class index. */
  predictedClass?: number;
}

/** The prediction for one row of features (already encoded and scaled like the training data). */
export function predictRow(trainer: Trainer, features: readonly number[]): RowPrediction {
  const inputs = trainer.network.inputs;
  if (features.length !== inputs)
    throw new RangeError(`the model takes ${inputs} features, got ${features.length}`);
  for (const [i, v] of features.entries())
    if (!Number.isFinite(v)) throw new RangeError(`feature ${i} must be a finite number, got ${v}`);
  const out = Array.from(trainer.predict(matOf(1, inputs, Float32Array.from(features))).data);
  const loss = trainer.spec.loss;
  if (loss === 'mse') return { outputs: out };
  const probabilities = loss === 'bce' && out.length === 1 ? [1 - out[0]!, out[0]!] : out;
  if (loss === 'bce' && out.length > 1) return { outputs: out, probabilities };
  let predictedClass = 0;
  probabilities.forEach((v, c) => {
    if (v > probabilities[predictedClass]!) predictedClass = c;
  });
  return { outputs: out, probabilities, predictedClass };
}
