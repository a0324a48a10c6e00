/**
 * A sweep's results: per variant the best epoch and its losses, per parameter combination the
 * mean ± sd over seeds, with mean ± sd curves. Losses here are data losses: the L1/L2 penalty
 * is taken out (it is the same on both splits and would otherwise make every λ look worse the
 * larger it is), so a λ sweep compares how well each λ generalises.
 */
import { mean, sd } from './stats';
import type { SweepValue, Variant } from './spec';

/** One epoch of a variant: losses as the run reported them and the penalty at the epoch's end. */
export interface VariantEpoch {
  train: number | null;
  val: number | null;
  /** L1/L2 penalty of the weights at the end of the epoch (0 without regularization). */
  penalty: number;
  /**
   * Training data loss of the end-of-epoch weights (evaluation mode, no penalty), when measured;
   * otherwise the reported training loss less the end-of-epoch penalty stands in.
   */
  trainData?: number;
}

export interface VariantRun {
  variant: Variant;
  epochs: VariantEpoch[];
  /** Test metric (accuracy for classification, MAE in the target's units for regression). */
  test: number | null;
  elapsedMs: number;
  status: 'completed' | 'stopped' | 'diverged' | 'failed' | 'cancelled';
}

export interface VariantSummary {
  id: string;
  group: string;
  values: Record<string, SweepValue>;
  seed: number;
  status: VariantRun['status'];
  /** Epoch of the lowest validation data loss (of the training loss without validation). */
  bestEpoch: number | null;
  bestVal: number | null;
  trainAtBest: number | null;
  /** Validation minus training data loss at the best epoch: the generalization gap. */
  gap: number | null;
  test: number | null;
  elapsedMs: number;
}

export interface Spread {
  mean: number;
  sd: number;
  n: number;
}

export interface GroupSummary {
  group: string;
  values: Record<string, SweepValue>;
  variants: string[];
  bestVal: Spread | null;
  bestTrain: Spread | null;
  gap: Spread | null;
  test: Spread | null;
  /** Mean ± sd per epoch over the seeds that reached it. */
  curves: { train: (Spread | null)[]; val: (Spread | null)[] };
}

const data = (loss: number | null, penalty: number) =>
  loss === null || !Number.isFinite(loss) ? null : Math.max(0, loss - penalty);

const trainData = (e: VariantEpoch) =>
  e.trainData !== undefined && Number.isFinite(e.trainData)
    ? e.trainData
    : data(e.train, e.penalty);

export function summarizeVariant(run: VariantRun): VariantSummary {
  let best = -1;
  let bestLoss = Infinity;
  const hasVal = run.epochs.some((e) => e.val !== null);
  run.epochs.forEach((e, i) => {
    const l = hasVal ? data(e.val, e.penalty) : trainData(e);
    if (l !== null && l < bestLoss) {
      bestLoss = l;
      best = i;
    }
  });
  const at = best >= 0 ? run.epochs[best]! : null;
  const trainAt = at ? trainData(at) : null;
  const valAt = at && hasVal ? data(at.val, at.penalty) : null;
  const v = run.variant;
  return {
    id: v.id,
    group: v.group,
    values: v.values,
    seed: v.seed,
    status: run.status,
    bestEpoch: best >= 0 ? best + 1 : null,
    bestVal: valAt,
    trainAtBest: trainAt,
    gap: valAt !== null && trainAt !== null ? valAt - trainAt : null,
    test: run.test,
    elapsedMs: run.elapsedMs,
  };
}

export function spread(xs: readonly (number | null)[]): Spread | null {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? { mean: mean(v), sd: sd(v), n: v.length } : null;
}

/** Groups the runs by parameter combination, in the order the sweep listed them. */
export function summarizeGroups(runs: readonly VariantRun[]): GroupSummary[] {
  const groups = new Map<string, VariantRun[]>();
  for (const r of runs) {
    const list = groups.get(r.variant.group) ?? [];
    list.push(r);
    groups.set(r.variant.group, list);
  }
  return [...groups.values()].map((list) => {
    const ok = list.filter((r) => r.status === 'completed' || r.status === 'stopped');
    const s = ok.map(summarizeVariant);
    const len = Math.max(0, ...ok.map((r) => r.epochs.length));
    const curve = (pick: (e: VariantEpoch) => number | null) =>
      Array.from({ length: len }, (_, i) =>
        spread(ok.map((r) => (r.epochs[i] ? pick(r.epochs[i]) : null))),
      );
    return {
      group: list[0]!.variant.group,
      values: list[0]!.variant.values,
      variants: list.map((r) => r.variant.id),
      bestVal: spread(s.map((x) => x.bestVal)),
      bestTrain: spread(s.map((x) => x.trainAtBest)),
      gap: spread(s.map((x) => x.gap)),
      test: spread(s.map((x) => x.test)),
      curves: {
        train: curve(trainData),
        val: curve((e) => data(e.val, e.penalty)),
      },
    };
  });
}

/** The best values of each seed's runs of a group (for significance tests). */
export function bestValsOf(runs: readonly VariantRun[], group: string): number[] {
  return runs
    .filter((r) => r.variant.group === group)
    .map((r) => summarizeVariant(r).bestVal)
    .filter((x): x is number => x !== null);
}
