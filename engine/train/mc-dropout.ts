/**
 * Monte-Carlo dropout: N forward passes with dropout switched on (training mode) over the same
 * rows, each with fresh masks from one seeded stream, so the same seed gives the same passes.
 * The spread of the N predictions shows how much the network's answer depends on which units
 * happen to be dropped. The normal evaluation switches dropout off: inverted dropout already
 * scales the kept units by 1 / (1 − p) in training, so the full network at test time gives the
 * expected activation without the noise.
 */
import type { Backend, Mat } from '../backend/backend';
import type { Dataset } from '../data/dataset';
import { RowBuffer } from '../layers/layer';
import { sliceRows } from './batches';
import { Network } from './network';
import type { ModelSpec } from './spec';

export interface McDropoutOptions {
  passes: number;
  seed: number;
  backend?: Backend;
  maxBatch?: number;
}

export interface McDropoutResult {
  passes: number;
  rows: number;
  outputs: number;
  /** Per row and output: the mean and standard deviation of the N predictions (row-major). */
  mean: Float32Array;
  sd: Float32Array;
  /** Mean over rows of the sd of each row's prediction (largest output for classes). */
  meanSd: number;
  /** Classification: share of rows whose predicted class differs between some passes. */
  disagreement: number;
  /** Classification: accuracy of the mean prediction; regression: its mean squared error. */
  meanMetric: number;
}

export const MC_DROPOUT_NOTE =
  'Dropout is off at test time: during training each unit was kept with probability 1 − p and ' +
  'scaled by 1 / (1 − p), so the full network already gives the average of all those thinned ' +
  'networks in one deterministic pass. Leaving dropout on (Monte-Carlo dropout) gives a ' +
  'different answer on every pass; their spread is a rough measure of the model’s uncertainty.';

/** N seeded dropout passes of `spec` with `weights` over `data` (targets for the metric). */
export function mcDropout(
  spec: ModelSpec,
  weights: readonly Float32Array[],
  data: Dataset,
  opts: McDropoutOptions,
): McDropoutResult {
  const { passes, seed } = opts;
  if (!(Number.isInteger(passes) && passes >= 1 && passes <= 1000))
    throw new RangeError(`Monte-Carlo passes must be a whole number from 1 to 1000, got ${passes}`);
  const maxBatch = opts.maxBatch ?? 256;
  const net = new Network(spec, { backend: opts.backend, seed, maxBatch });
  net.setWeights(weights);
  const rows = data.x.rows;
  const k = net.outputs;
  const sum = new Float64Array(rows * k);
  const sq = new Float64Array(rows * k);
  const firstClass = new Int32Array(rows).fill(-1);
  const differs = new Uint8Array(rows);
  const classes = spec.loss !== 'mse' || k > 1;
  const predBuf = new RowBuffer(net.backend, maxBatch, k);
  for (let p = 0; p < passes; p++) {
    for (let start = 0; start < rows; start += maxBatch) {
      const n = Math.min(maxBatch, rows - start);
      const x = sliceRows(data.x, start, n);
      const pred: Mat = predBuf.rows(n);
      net.loss.predict(net.forward(x, true), pred);
      net.backend.download(pred.data);
      const d = pred.data;
      for (let r = 0; r < n; r++) {
        const row = start + r;
        let best = 0;
        for (let c = 0; c < k; c++) {
          const v = d[r * k + c]!;
          sum[row * k + c]! += v;
          sq[row * k + c]! += v * v;
          if (v > d[r * k + best]!) best = c;
        }
        const cls = k === 1 ? (d[r]! >= 0.5 ? 1 : 0) : best;
        if (firstClass[row] === -1) firstClass[row] = cls;
        else if (firstClass[row] !== cls) differs[row] = 1;
      }
    }
  }
  const mean = new Float32Array(rows * k);
  const sd = new Float32Array(rows * k);
  let sdSum = 0;
  let metric = 0;
  let disagree = 0;
  const y = data.y.data;
  for (let row = 0; row < rows; row++) {
    let best = 0;
    let truth = 0;
    for (let c = 0; c < k; c++) {
      const i = row * k + c;
      const m = sum[i]! / passes;
      mean[i] = m;
      sd[i] = passes > 1 ? Math.sqrt(Math.max(0, (sq[i]! - passes * m * m) / (passes - 1))) : 0;
      if (m > mean[row * k + best]!) best = c;
      if (y[i]! > y[row * k + truth]!) truth = c;
    }
    sdSum += sd[row * k + best]!;
    disagree += differs[row]!;
    if (!classes) {
      const e = mean[row]! - y[row]!;
      metric += e * e;
    } else if (k === 1) metric += (mean[row]! >= 0.5 ? 1 : 0) === (y[row]! >= 0.5 ? 1 : 0) ? 1 : 0;
    else metric += best === truth ? 1 : 0;
  }
  return {
    passes,
    rows,
    outputs: k,
    mean,
    sd,
    meanSd: rows ? sdSum / rows : 0,
    disagreement: rows ? disagree / rows : 0,
    meanMetric: rows ? metric / rows : NaN,
  };
}
