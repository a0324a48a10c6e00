/** Row gathering and slicing helpers of the trainer (no allocation beyond a small view object). */
import type { Mat } from '../backend/backend';
import type { Dataset } from '../data/dataset';

/** dst row r = src row order[start + r], for r < rows. */
export function gather(src: Mat, order: Int32Array, start: number, rows: number, dst: Mat): void {
  const c = src.cols;
  const s = src.data;
  const d = dst.data;
  for (let r = 0; r < rows; r++) {
    const o = order[start + r]! * c;
    const p = r * c;
    for (let j = 0; j < c; j++) d[p + j] = s[o + j]!;
  }
}

/** Rows [start, start + rows) of m as a view sharing its storage. */
export function sliceRows(m: Mat, start: number, rows: number): Mat {
  return { rows, cols: m.cols, data: m.data.subarray(start * m.cols, (start + rows) * m.cols) };
}

/** Checks that a dataset fits a model of `inputs` → `outputs`, naming `what` in the error. */
export function checkData(d: Dataset, inputs: number, outputs: number, what: string): void {
  if (d.x.cols !== inputs)
    throw new RangeError(`the ${what} data has ${d.x.cols} features, the model takes ${inputs}`);
  if (d.y.cols !== outputs)
    throw new RangeError(
      `the ${what} targets have ${d.y.cols} columns, the model outputs ${outputs}`,
    );
  if (d.x.rows !== d.y.rows)
    throw new RangeError(`the ${what} data has ${d.x.rows} rows but ${d.y.rows} targets`);
  if (d.x.rows === 0) throw new RangeError(`the ${what} data has no rows`);
}
