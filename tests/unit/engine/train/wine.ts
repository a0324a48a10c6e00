/**
 * The wine sample (assets/datasets/wine.csv: 13 numeric features, label 0/1/2, 178 rows) for the
 * trainer tests, parsed with a few lines so the tests do not move with the data pipeline: seeded
 * stratified splits, features standardised with the training rows' mean and population standard
 * deviation, as the app does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matOf, type Mat } from '../../../../engine/backend/backend';
import { oneHot, takeRows, type Dataset } from '../../../../engine/data/dataset';
import { Rng } from '../../../../engine/data/rng';

function parse(): { x: Mat; labels: number[] } {
  const file = path.resolve(__dirname, '../../../../assets/datasets/wine.csv');
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const x = new Float32Array(lines.length * 13);
  const labels = lines.map((line, r) => {
    const cells = line.split(',').map(Number);
    x.set(cells.slice(0, 13), r * 13);
    return cells[13]!;
  });
  return { x: matOf(lines.length, 13, x), labels };
}

/** x ← (x − mean) / std with the mean and population std of `fit`, in place on every matrix. */
function standardise(fit: Mat, ...all: Mat[]): void {
  const { rows, cols, data } = fit;
  for (let c = 0; c < cols; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += data[r * cols + c]!;
    mean /= rows;
    let ss = 0;
    for (let r = 0; r < rows; r++) ss += (data[r * cols + c]! - mean) ** 2;
    const std = Math.sqrt(ss / rows) || 1;
    for (const m of all)
      for (let r = 0; r < m.rows; r++) m.data[r * cols + c] = (m.data[r * cols + c]! - mean) / std;
  }
}

/**
 * Stratified split: per class (in class order) the rows are shuffled with Rng(seed); the first
 * round(test · n) are held out, the next `val(n, rest)` rows validate, the others train.
 */
function split(
  seed: number,
  test: number,
  val: (n: number, rest: number) => number,
): { train: Dataset; val: Dataset } {
  const { x, labels } = parse();
  const rng = new Rng(seed);
  const tr: number[] = [];
  const va: number[] = [];
  for (const c of [...new Set(labels)].sort((a, b) => a - b)) {
    const rows = Int32Array.from(labels.flatMap((l, i) => (l === c ? [i] : [])));
    rng.shuffle(rows);
    const t = Math.round(rows.length * test);
    const v = val(rows.length, rows.length - t);
    va.push(...rows.subarray(t, t + v));
    tr.push(...rows.subarray(t + v));
  }
  const y = oneHot(labels, 3);
  const train = { x: takeRows(x, tr), y: takeRows(y, tr) };
  const valid = { x: takeRows(x, va), y: takeRows(y, va) };
  standardise(train.x, train.x, valid.x);
  return { train, val: valid };
}

/** 70/15/15 (validation 15 % of all rows): 124 training and 27 validation rows. */
export const wine701515 = (seed: number) => split(seed, 0.15, (n) => Math.round(n * 0.15));

/**
 * The 142 training rows of an 80/20 split, of which 30 % validate: 100 training and 42
 * validation rows.
 */
export const wine142 = (seed: number) => split(seed, 0.2, (_n, rest) => Math.round(rest * 0.3));
