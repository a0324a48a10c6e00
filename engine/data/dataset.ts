/** In-memory datasets: features x (n × features) and targets y (n × outputs), row-aligned. */
import { matOf, type Mat } from '../backend/backend';

export interface Dataset {
  x: Mat;
  y: Mat;
}

/** One-hot rows: y[r][labels[r]] = 1. Rejects labels outside [0, classes). */
export function oneHot(labels: ArrayLike<number>, classes: number): Mat {
  const y = new Float32Array(labels.length * classes);
  for (let r = 0; r < labels.length; r++) {
    const c = labels[r]!;
    if (!(Number.isInteger(c) && c >= 0 && c < classes))
      throw new RangeError(`label ${c} of row ${r} is not in 0..${classes - 1}`);
    y[r * classes + c] = 1;
  }
  return matOf(labels.length, classes, y);
}

/** A column of values as an n × 1 matrix. */
export function column(values: ArrayLike<number>): Mat {
  return matOf(values.length, 1, Float32Array.from(values));
}

/** Rows `idx` of a matrix, copied. */
export function takeRows(m: Mat, idx: ArrayLike<number>): Mat {
  const out = new Float32Array(idx.length * m.cols);
  for (let i = 0; i < idx.length; i++)
    out.set(m.data.subarray(idx[i]! * m.cols, (idx[i]! + 1) * m.cols), i * m.cols);
  return matOf(idx.length, m.cols, out);
}

export interface Standardizer {
  mean: Float64Array;
  std: Float64Array;
}

/** Column means and standard deviations (population, ddof 0; a constant column gets std 1). */
export function fitStandardizer(x: Mat): Standardizer {
  const { rows, cols, data } = x;
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) mean[c] = mean[c]! + data[r * cols + c]!;
  for (let c = 0; c < cols; c++) mean[c] = mean[c]! / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const d = data[r * cols + c]! - mean[c]!;
      std[c] = std[c]! + d * d;
    }
  }
  for (let c = 0; c < cols; c++) std[c] = Math.sqrt(std[c]! / rows) || 1;
  return { mean, std };
}

/** x ← (x − mean) / std, in place. */
export function applyStandardizer(x: Mat, s: Standardizer): void {
  const { rows, cols, data } = x;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++)
      data[r * cols + c] = (data[r * cols + c]! - s.mean[c]!) / s.std[c]!;
  }
}
