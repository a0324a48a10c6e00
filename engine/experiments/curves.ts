/**
 * What a sweep shows: the U-curve (best training and validation loss against one parameter, the
 * gap between them, the best value, and whether the best differs from its neighbours by more
 * than the seed noise), a heat-map for two parameters, and the learning-curve verdict for a
 * training-set-fraction sweep.
 */
import { bestValsOf, summarizeGroups, type Spread, type VariantRun } from './results';
import type { SweepParam, SweepValue } from './spec';
import { compareSeeds, type Comparison } from './stats';

export interface UPoint {
  value: SweepValue;
  group: string;
  train: Spread | null;
  val: Spread | null;
  gap: Spread | null;
  test: Spread | null;
}

export interface UCurve {
  key: string;
  log: boolean;
  points: UPoint[];
  /** Index into points of the lowest mean validation loss (null without validation data). */
  best: number | null;
  bestValue: SweepValue | null;
  /** The optimum is the first or last value: widen the range to be sure it is one. */
  atEnd: boolean;
  /** The best point against each neighbour: is it better by more than the seed noise? */
  versusNeighbours: { value: SweepValue; comparison: Comparison }[];
}

/** The U-curve of a one-parameter sweep (with two parameters: along the first, second fixed). */
export function uCurve(param: SweepParam, runs: readonly VariantRun[]): UCurve {
  const groups = summarizeGroups(runs).filter((g) => param.key in g.values);
  const byValue = new Map<SweepValue, (typeof groups)[number]>();
  for (const g of groups)
    if (!byValue.has(g.values[param.key]!)) byValue.set(g.values[param.key]!, g);
  const ordered = [...param.values];
  if (ordered.every((v) => typeof v === 'number')) (ordered as number[]).sort((a, b) => a - b);
  const points: UPoint[] = ordered
    .filter((v) => byValue.has(v))
    .map((v) => {
      const g = byValue.get(v)!;
      return {
        value: v,
        group: g.group,
        train: g.bestTrain,
        val: g.bestVal,
        gap: g.gap,
        test: g.test,
      };
    });
  let best: number | null = null;
  points.forEach((p, i) => {
    if (p.val && (best === null || p.val.mean < points[best]!.val!.mean)) best = i;
  });
  const versus =
    best === null
      ? []
      : [best - 1, best + 1]
          .filter((i) => i >= 0 && i < points.length)
          .map((i) => ({
            value: points[i]!.value,
            comparison: compareSeeds(
              bestValsOf(runs, points[best!]!.group),
              bestValsOf(runs, points[i]!.group),
            ),
          }));
  return {
    key: param.key,
    log: param.log,
    points,
    best,
    bestValue: best === null ? null : points[best]!.value,
    atEnd: best !== null && points.length > 2 && (best === 0 || best === points.length - 1),
    versusNeighbours: versus,
  };
}

export interface HeatMap {
  rowKey: string;
  colKey: string;
  rowValues: SweepValue[];
  colValues: SweepValue[];
  /** Mean best validation loss per cell (null: no validation data or no finished run). */
  cells: (number | null)[][];
  best: { row: number; col: number } | null;
}

export function heatMap(rows: SweepParam, cols: SweepParam, runs: readonly VariantRun[]): HeatMap {
  const groups = summarizeGroups(runs);
  let best: HeatMap['best'] = null;
  let bestLoss = Infinity;
  const cells = rows.values.map((rv, r) =>
    cols.values.map((cv, c) => {
      const g = groups.find((x) => x.values[rows.key] === rv && x.values[cols.key] === cv);
      const v = g?.bestVal?.mean ?? null;
      if (v !== null && v < bestLoss) {
        bestLoss = v;
        best = { row: r, col: c };
      }
      return v;
    }),
  );
  return {
    rowKey: rows.key,
    colKey: cols.key,
    rowValues: rows.values,
    colValues: cols.values,
    cells,
    best,
  };
}

export interface LearningCurve {
  points: { fraction: number; train: Spread | null; val: Spread | null }[];
  verdict: 'more data helps' | 'more data will not help' | 'unknown';
  message: string;
}

/**
 * From a training-set-fraction sweep: more data is still helping when the validation loss at
 * the largest fraction is lower than at the one before by more than 2 % and more than the seed
 * noise (Welch's test where there are seeds; with one seed the 2 % alone decides).
 */
export function learningCurve(param: SweepParam, runs: readonly VariantRun[]): LearningCurve {
  const u = uCurve(param, runs);
  const points = u.points.map((p) => ({ fraction: p.value as number, train: p.train, val: p.val }));
  const last = u.points.at(-1);
  const prev = u.points.at(-2);
  if (!last?.val || !prev?.val) {
    return {
      points,
      verdict: 'unknown',
      message: 'No verdict: it takes two fractions with validation data.',
    };
  }
  const drop = (prev.val.mean - last.val.mean) / Math.max(1e-12, prev.val.mean);
  const cmp = compareSeeds(bestValsOf(runs, last.group), bestValsOf(runs, prev.group));
  const real = cmp.verdict !== 'not significant';
  const helps = drop > 0.02 && real;
  return {
    points,
    verdict: helps ? 'more data helps' : 'more data will not help',
    message: helps
      ? `More data is still helping: the validation loss fell ${(drop * 100).toFixed(1)} % from ${pct(prev.value)} to ${pct(last.value)} of the training set.`
      : 'More data will not help: the validation loss has levelled off; change capacity or regularization.',
  };
}

const pct = (v: SweepValue) => `${Math.round((v as number) * 100)} %`;
