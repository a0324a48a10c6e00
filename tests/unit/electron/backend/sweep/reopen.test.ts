import { describe, expect, it } from 'vitest';
import { savedSweepResult, sweepResult } from '../../../../../electron/backend/sweep/result';
import { expandSweep, type VariantRun } from '../../../../../engine/experiments';
import { savedSweepSchema, type SavedSweep } from '../../../../../engine/graph/project/sweeps';

/** A λ sweep whose losses carry an L2 penalty, with a U-shaped validation loss over λ. */
function finishedSweep(): VariantRun[] {
  const params = [{ key: 'l2', values: [0, 0.001, 0.01, 0.1], log: true }];
  const variants = expandSweep({ params, seeds: 3 }, 42);
  const bottom = [0.5, 0.35, 0.3, 0.45];
  return variants.map((v) => {
    const at = params[0]!.values.indexOf(v.values.l2 as number);
    const noise = (v.seedIndex - 1) * 0.02;
    return {
      variant: v,
      epochs: Array.from({ length: 6 }, (_, i) => ({
        train: 1 / (i + 1) + 0.05,
        val: bottom[at]! + noise + Math.abs(i - 3) * 0.05 + 0.05,
        penalty: 0.05,
      })),
      test: 0.9 - at * 0.01,
      elapsedMs: 100 + at,
      status: v.values.l2 === 0.1 && v.seedIndex === 2 ? 'diverged' : 'completed',
    };
  });
}

describe('a saved sweep reopened', () => {
  it('shows the same U-curve, best value, verdicts and table as when it finished', () => {
    const runs = finishedSweep();
    const params = [{ key: 'l2', values: [0, 0.001, 0.01, 0.1], log: true }];
    const done = sweepResult('sweep1', params, runs, 'classification');
    // What the app saves: the finished result's variants (their curves are data losses).
    const saved: SavedSweep = savedSweepSchema.parse({
      sweepId: done.sweepId,
      savedAt: 1,
      params: done.params,
      seeds: 3,
      settings: { l2: 0 },
      variants: done.variants,
    });
    const again = savedSweepResult(saved, 'classification');
    expect(again.uCurve.bestValue).toBe(0.01);
    expect(again.uCurve).toEqual(done.uCurve);
    expect(again.variants).toEqual(done.variants);
    expect(again.heatMap).toBeNull();
    expect(again.testMetric).toBe('acc');
  });

  it('names the test metric of a regression sweep', () => {
    const runs = finishedSweep();
    const params = [{ key: 'l2', values: [0, 0.001, 0.01, 0.1], log: true }];
    const done = sweepResult('s', params, runs, 'regression');
    const saved = savedSweepSchema.parse({
      sweepId: 's',
      savedAt: 1,
      params: done.params,
      seeds: 3,
      settings: {},
      variants: done.variants,
    });
    expect(savedSweepResult(saved, 'regression').testMetric).toBe('mae');
  });
});
