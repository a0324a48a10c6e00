/**
 * Train / validation / test splits, shuffled with the project seed (same seed → same rows) and
 * stratified by class for classification, so every split keeps the class proportions even when
 * the file is sorted by class.
 */
import { Rng } from './rng';
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
  const rng = new Rng(req.seed);
  const groups: Int32Array[] = [];
  if (req.labels) {
    const byClass = new Map<number, number[]>();
    req.labels.forEach((c, i) => {
      const g = byClass.get(c);
      if (g) g.push(req.rows[i]!);
      else byClass.set(c, [req.rows[i]!]);
    });
    for (const c of [...byClass.keys()].sort((a, b) => a - b))
      groups.push(Int32Array.from(byClass.get(c)!));
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
  const parts: [number[], number[], number[]] = [[], [], []];
  groups.forEach((g, gi) => {
    if (req.shuffle) rng.shuffle(g);
    const tr = g.length - testN[gi]! - valN[gi]!;
    for (let i = 0; i < g.length; i++) parts[i < tr ? 0 : i < tr + valN[gi]! ? 1 : 2].push(g[i]!);
  });
  const out = parts.map((p) => Int32Array.from(p));
  // Interleave the classes (stratified groups were appended class by class).
  if (req.shuffle) for (const p of out) rng.shuffle(p);
  else for (const p of out) p.sort();
  return { train: out[0]!, validation: out[1]!, test: out[2]! };
}
