/** Seed statistics and what a sweep shows: Welch's t-test, U-curve, heat-map, learning curve. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import { cpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { oneHot, type Dataset } from '../../../../engine/data/dataset';
import { Trainer } from '../../../../engine/train/trainer';
import type { ModelSpec } from '../../../../engine/train/spec';
import {
  compareSeeds,
  heatMap,
  incompleteBeta,
  learningCurve,
  lnGamma,
  mean,
  parseSweepParam,
  expandSweep,
  sd,
  studentTwoSided,
  uCurve,
  welch,
  type VariantRun,
  type Variant,
} from '../../../../engine/experiments';

describe('seed statistics', () => {
  it('gives the mean and the sample standard deviation', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(sd([7])).toBe(0);
  });

  it("matches Student's t tables for the two-sided p value", () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    expect(studentTwoSided(1, 1)).toBeCloseTo(0.5, 8); // Cauchy: P(|T| ≥ 1) = 1/2
    expect(studentTwoSided(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(studentTwoSided(2.776, 4)).toBeCloseTo(0.05, 3);
    expect(studentTwoSided(0, 7)).toBeCloseTo(1, 10);
  });

  it("computes Welch's t and its degrees of freedom", () => {
    // Means 3 and 6, variances 2.5 each: se = 1, t = −3, df = 8, two-sided p = 0.01707.
    const r = welch([1, 2, 3, 4, 5], [4, 5, 6, 7, 8]);
    expect(r.t).toBeCloseTo(-3, 10);
    expect(r.df).toBeCloseTo(8, 8);
    expect(r.p).toBeCloseTo(0.01707, 4);
  });

  it('gives no verdict from one seed', () => {
    const c = compareSeeds([0.3], [0.5, 0.6]);
    expect(c.verdict).toBe('needs seeds');
    expect(c.p).toBeNull();
  });

  it('calls a clear difference significant', () => {
    const c = compareSeeds([0.3, 0.31, 0.29], [0.5, 0.52, 0.49]);
    expect(c.verdict).toBe('significant');
    expect(c.p!).toBeLessThan(0.01);
  });
});

/** Iris, 4-8-3, trained on the CPU with a given seed: the best validation loss. */
const root = path.resolve(__dirname, '../../../..');
function iris(split: 'train' | 'test'): Dataset {
  const rows = readFileSync(path.join(root, `tests/fixtures/engine/iris_${split}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));
  const x = matOf(rows.length, 4, Float32Array.from(rows.flatMap((c) => c.slice(0, 4))));
  return {
    x,
    y: oneHot(
      rows.map((c) => c[4]!),
      3,
    ),
  };
}
const SPEC: ModelSpec = {
  inputs: 4,
  loss: 'cce',
  l1: 0,
  l2: 0,
  layers: [8, 3].map((units, i) => ({
    type: 'dense' as const,
    units,
    useBias: true,
    initializer: 'glorot_uniform' as const,
    activation: i === 0 ? ('relu' as const) : ('linear' as const),
    alpha: 0,
    l1: null,
    l2: null,
  })),
};

async function bestValLoss(seed: number): Promise<number> {
  const trainer = new Trainer(SPEC, { backend: cpuBackend, seed, maxBatch: 16 });
  const r = await trainer.fit(iris('train'), {
    epochs: 15,
    batchSize: 16,
    optimizer: { name: 'adam', lr: 0.01 },
    validation: iris('test'),
    batchEvery: 0,
    monitor: false,
  });
  return Math.min(...r.history.map((h) => h.val!.loss));
}

describe('comparing runs of the same settings', () => {
  it('reports two sets of seeds of the same settings as not significant', async () => {
    const a = [];
    const b = [];
    for (const s of [1, 2, 3, 4]) a.push(await bestValLoss(s));
    for (const s of [5, 6, 7, 8]) b.push(await bestValLoss(s));
    // The seeds do change the numbers: this is noise, not a constant.
    expect(new Set([...a, ...b]).size).toBe(8);
    const c = compareSeeds(a, b);
    expect(c.verdict).toBe('not significant');
    expect(c.message).toMatch(/not significant/);
  });
});

/** A synthetic run: a validation curve falling to `bottom` and a train curve below it. */
function runOf(v: Variant, bottom: number, train = bottom * 0.5): VariantRun {
  return {
    variant: v,
    epochs: [0, 1, 2].map((i) => ({
      train: train + 0.1 * (2 - i),
      val: bottom + 0.2 * (2 - i),
      penalty: 0,
    })),
    test: null,
    elapsedMs: 1,
    status: 'completed',
  };
}

describe('sweep curves', () => {
  const l2 = parseSweepParam('l2=0,1e-4,1e-3,1e-2,1e-1,1');

  it('finds the U-curve optimum, the gap and whether it sits at an end', () => {
    const variants = expandSweep({ params: [l2], seeds: 3 }, 1);
    const bottoms: Record<number, number> = {
      0: 0.5,
      1e-4: 0.45,
      1e-3: 0.3,
      1e-2: 0.2,
      1e-1: 0.35,
      1: 0.9,
    };
    const runs = variants.map((v, i) => runOf(v, bottoms[v.values.l2 as number]! + (i % 3) * 0.01));
    const u = uCurve(l2, runs);
    expect(u.log).toBe(true);
    expect(u.points.map((p) => p.value)).toEqual([0, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(u.bestValue).toBe(1e-2);
    expect(u.atEnd).toBe(false);
    expect(u.points[3]!.val!.mean).toBeCloseTo(0.21, 10);
    expect(u.points[3]!.gap!.mean).toBeCloseTo(0.21 - 0.105, 10);
    expect(u.versusNeighbours.map((n) => n.value)).toEqual([1e-3, 1e-1]);
    expect(u.versusNeighbours.every((n) => n.comparison.verdict === 'significant')).toBe(true);
  });

  it('takes the L2 penalty out of the losses it compares', () => {
    const [v] = expandSweep({ params: [parseSweepParam('l2=1')], seeds: 1 }, 1);
    const run: VariantRun = {
      ...runOf(v!, 0),
      epochs: [{ train: 2.5, val: 2.75, penalty: 2.25 }],
    };
    const u = uCurve(parseSweepParam('l2=1'), [run]);
    expect(u.points[0]!.val!.mean).toBeCloseTo(0.5, 10);
    expect(u.points[0]!.gap!.mean).toBeCloseTo(0.25, 10);
  });

  it('lays two parameters out as a heat-map with the best cell', () => {
    const a = parseSweepParam('l2=0,0.01');
    const b = parseSweepParam('dropout_1.rate=0,0.5');
    const variants = expandSweep({ params: [a, b], seeds: 1 }, 1);
    const loss = (v: Variant) =>
      v.values.l2 === 0.01 && v.values['dropout_1.rate'] === 0 ? 0.1 : 0.4;
    const h = heatMap(
      a,
      b,
      variants.map((v) => runOf(v, loss(v))),
    );
    expect(h.cells).toEqual([
      [0.4, 0.4],
      [0.1, 0.4],
    ]);
    expect(h.best).toEqual({ row: 1, col: 0 });
  });

  it('says more data is still helping while the validation loss keeps falling', () => {
    const f = parseSweepParam('fraction=0.25,0.5,1');
    const variants = expandSweep({ params: [f], seeds: 2 }, 1);
    const falling = (v: Variant, i: number) =>
      runOf(v, 1 - (v.values.fraction as number) * 0.5 + (i % 2) * 0.001);
    const helping = learningCurve(f, variants.map(falling));
    expect(helping.verdict).toBe('more data helps');
    expect(helping.message).toMatch(/still helping/);
    const flat = (v: Variant, i: number) =>
      runOf(v, (v.values.fraction as number) < 0.5 ? 0.8 : 0.4 + (i % 2) * 0.01);
    const levelled = learningCurve(f, variants.map(flat));
    expect(levelled.verdict).toBe('more data will not help');
    expect(levelled.message).toMatch(/change capacity or regularization/);
  });
});
