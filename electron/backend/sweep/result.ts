/** A finished sweep as the contract carries it: per variant, U-curve, heat-map, learning curve. */
import {
  heatMap,
  learningCurve,
  summarizeVariant,
  uCurve,
  type SweepParam,
  type VariantEpoch,
  type VariantRun,
} from '../../../engine/experiments';
import type { SavedSweep } from '../../../engine/graph/project/sweeps';
import type { SweepResult } from '../../contract/sweeps';

const dataLoss = (l: number | null, penalty: number) =>
  l === null || !Number.isFinite(l) ? null : Math.max(0, l - penalty);
const trainOf = (e: VariantEpoch) => e.trainData ?? dataLoss(e.train, e.penalty);

export function sweepResult(
  sweepId: string,
  params: SweepParam[],
  runs: readonly VariantRun[],
  task: 'classification' | 'regression',
): SweepResult {
  const u = uCurve(params[0]!, runs);
  const fraction = params.find((p) => p.key === 'fraction');
  const lc = fraction ? learningCurve(fraction, runs) : null;
  return {
    sweepId,
    params: params.map((p) => ({ key: p.key, values: p.values, log: p.log })),
    variants: runs.map((r) => ({
      ...summarizeVariant(r),
      curve: r.epochs.map((e) => ({ train: trainOf(e), val: dataLoss(e.val, e.penalty) })),
    })),
    uCurve: {
      key: u.key,
      log: u.log,
      points: u.points.map(({ value, train, val, gap, test }) => ({
        value,
        train,
        val,
        gap,
        test,
      })),
      bestValue: u.bestValue,
      atEnd: u.atEnd,
      versusNeighbours: u.versusNeighbours.map((n) => ({
        value: n.value,
        verdict: n.comparison.verdict,
        p: n.comparison.p,
        message: n.comparison.message,
      })),
    },
    heatMap: params.length === 2 ? heatMap(params[0]!, params[1]!, runs) : null,
    learningCurve: lc ? { verdict: lc.verdict, message: lc.message } : null,
    testMetric: task === 'classification' ? 'acc' : 'mae',
  };
}

/**
 * A saved sweep's results again, from its saved variants: each saved curve is already data loss
 * (penalty taken out), so it stands in for the epochs with a penalty of 0, and every best epoch,
 * mean ± sd and verdict comes out as when the sweep finished.
 */
export function savedSweepResult(
  saved: SavedSweep,
  task: 'classification' | 'regression',
): SweepResult {
  const runs: VariantRun[] = saved.variants.map((v) => ({
    variant: { id: v.id, group: v.group, values: v.values, seed: v.seed, seedIndex: 0 },
    epochs: v.curve.map((e) => ({
      train: e.train,
      val: e.val,
      penalty: 0,
      ...(e.train !== null ? { trainData: e.train } : {}),
    })),
    test: v.test,
    elapsedMs: v.elapsedMs,
    status: v.status,
  }));
  return sweepResult(saved.sweepId, saved.params, runs, task);
}
