/**
 * Train / validation / test splits, shuffled with the project seed (same seed → same rows) and
 * stratified by class for classification, so every split keeps the class proportions even when
 * the file is sorted by class.
 */
import { Rng } from './rng';
import { runSteps } from './steps';
import type { SplitFractions } from './types';

export interface Splits {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

export interface SplitRequest {
  /** The candidate rows (indices into the table), in file order. */
  rows: Int32Array;
  fractions: SplitFractions;
  seed: number;
  shuffle: boolean;
  /** Class index per entry of `rows`; stratifies when given. */
  labels?: Int32Array | null;
}

/** Sizes of validation and test for n rows (rounded), train takes the rest. */
function sizes(n: number, f: SplitFractions): [number, number, number] {
  const total = f.train + f.validation + f.test;
  const test = Math.round((n * f.test) / total);
  const validation = Math.min(n - test, Math.round((n * f.validation) / total));
  return [n - test - validation, validation, test];
}

/** Shares `target` rows out over groups in proportion `share` of each, by largest remainder. */
function apportion(counts: number[], share: number, target: number): number[] {
  const exact = counts.map((c) => c * share);
  const out = exact.map(Math.floor);
  let left = target - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length * 2; k++) {
    const { i } = order[k % order.length]!;
    if (out[i]! < counts[i]!) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

export function splitRows(req: SplitRequest): Splits {
  return runSteps(splitRowsSteps(req));
}

/** splitRows as a generator that yields between shuffles (so a caller can pause). */
export function* splitRowsSteps(req: SplitRequest): Generator<void, Splits> {
  const rng = new Rng(req.seed);
  const groups: Int32Array[] = [];
  if (req.labels) {
    // Rows grouped by class, classes in ascending order, rows in their given order.
    const labels = req.labels;
    const counts = new Map<number, number>();
    for (let i = 0; i < labels.length; i++)
      counts.set(labels[i]!, (counts.get(labels[i]!) ?? 0) + 1);
    const classes = [...counts.keys()].sort((a, b) => a - b);
    const byClass = new Map(
      classes.map((c) => [c, { rows: new Int32Array(counts.get(c)!), n: 0 }]),
    );
    for (let i = 0; i < labels.length; i++) {
      const g = byClass.get(labels[i]!)!;
      g.rows[g.n++] = req.rows[i]!;
    }
    for (const c of classes) groups.push(byClass.get(c)!.rows);
  } else {
    groups.push(Int32Array.from(req.rows));
  }
  // Validation and test sizes are set for the whole split, then shared out between classes by
  // largest remainder, so rounding per class does not inflate the held-out parts.
  const [, va, te] = sizes(req.rows.length, req.fractions);
  const total = req.fractions.train + req.fractions.validation + req.fractions.test;
  const testN = apportion(
    groups.map((g) => g.length),
    req.fractions.test / total,
    te,
  );
  const valN = apportion(
    groups.map((g, i) => g.length - testN[i]!),
    req.fractions.validation / Math.max(1e-12, total - req.fractions.test),
    va,
  );
  const trN = groups.map((g, i) => g.length - testN[i]! - valN[i]!);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const out = [new Int32Array(sum(trN)), new Int32Array(sum(valN)), new Int32Array(sum(testN))];
  const filled = [0, 0, 0];
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    yield;
    if (req.shuffle) rng.shuffle(g);
    // Each class's first rows train, the next validate, the rest test.
    const bounds = [0, trN[gi]!, trN[gi]! + valN[gi]!, g.length];
    for (let p = 0; p < 3; p++) {
      out[p]!.set(g.subarray(bounds[p]!, bounds[p + 1]!), filled[p]!);
      filled[p]! += bounds[p + 1]! - bounds[p]!;
    }
  }
  // Interleave the classes (stratified groups were appended class by class).
  for (const p of out) {
    yield;
    if (req.shuffle) rng.shuffle(p);
    else p.sort();
  }
  return { train: out[0]!, validation: out[1]!, test: out[2]! };
}
