/** A finished sweep as the contract carries it: per variant, U-curve, heat-map, learning curve. */
import {
  heatMap,
  learningCurve,
  summarizeVariant,
  uCurve,
  type SweepParam,
  type VariantEpoch,
} from '../../../engine/experiments';
import type { SweepResult } from '../../contract/sweeps';
import type { FinishedVariant } from './pool';

const dataLoss = (l: number | null, penalty: number) =>
  l === null || !Number.isFinite(l) ? null : Math.max(0, l - penalty);
const trainOf = (e: VariantEpoch) => e.trainData ?? dataLoss(e.train, e.penalty);

export function sweepResult(
  sweepId: string,
  params: SweepParam[],
  runs: FinishedVariant[],
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
