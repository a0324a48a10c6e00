import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer } from '../../../../engine/train/trainer';
import { confusionMatrix, evaluateDetailed, predictRow } from '../../../../engine/train/evaluate';
import { weightStats } from '../../../../engine/train/weight-stats';
import { blobs, denseSpec, mlp } from './helpers';

describe('confusionMatrix', () => {
  it('counts a hand example, lists the rows of each cell and computes precision, recall, F1', () => {
    const actual = [0, 0, 0, 1, 1, 2, 2, 2];
    const predicted = [0, 0, 1, 1, 2, 2, 2, 0];
    const m = confusionMatrix(actual, predicted, 3);
    expect(m.counts).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [1, 0, 2],
    ]);
    expect(m.rows[0]![0]).toEqual([0, 1]);
    expect(m.rows[2]![0]).toEqual([7]);
    expect(m.rows[1]![0]).toEqual([]);
    // class 0: TP 2, FP 1 (row 7), FN 1 (row 2) → P = R = 2/3
    expect(m.perClass[0]!.precision).toBeCloseTo(2 / 3, 12);
    expect(m.perClass[0]!.recall).toBeCloseTo(2 / 3, 12);
    expect(m.perClass[0]!.f1).toBeCloseTo(2 / 3, 12);
    // class 1: TP 1, FP 1, FN 1 → ½; class 2: TP 2, FP 1, FN 1 → ⅔
    expect(m.perClass[1]).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(m.perClass[2]!.support).toBe(3);
    expect(m.accuracy).toBe(5 / 8);
    expect(m.macro.f1).toBeCloseTo((2 / 3 + 0.5 + 2 / 3) / 3, 12);
  });

  it('gives 0 rather than NaN for a class never predicted', () => {
    const m = confusionMatrix([0, 1], [0, 0], 2);
    expect(m.perClass[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });
});

describe('evaluateDetailed and predictRow', () => {
  it('evaluates a trained classifier: metrics, confusion matrix and class probabilities', async () => {
    const t = new Trainer(mlp(2, 8, 3), { seed: 1 });
    await t.fit(blobs(150, 1), {
      epochs: 20,
      batchSize: 16,
      optimizer: { name: 'adam', lr: 0.02 },
    });
    const test = blobs(60, 2);
    const e = evaluateDetailed(t, test);
    if (e.kind !== 'classification') throw new Error(e.kind);
    expect(e.classes).toBe(3);
    expect(e.confusion.counts.flat().reduce((s, v) => s + v, 0)).toBe(60);
    expect(e.confusion.accuracy).toBeCloseTo(e.metrics.acc!, 6);
    expect(e.confusion.perClass.map((c) => c.support)).toEqual([20, 20, 20]);
    const p = predictRow(t, [0, 2]);
    expect(p.probabilities!.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(p.predictedClass).toBe(0);
    expect(() => predictRow(t, [1])).toThrow('the model takes 2 features, got 1');
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('gives predicted vs actual values and residuals for regression', () => {
    const spec: ModelSpec = { inputs: 1, layers: [denseSpec(1)], loss: 'mse', l1: 0, l2: 0 };
    const t = new Trainer(spec);
    t.network.setWeights([Float32Array.from([2]), Float32Array.from([1])]); // ŷ = 2x + 1
    const e = evaluateDetailed(t, {
      x: matOf(3, 1, Float32Array.from([0, 1, 2])),
      y: matOf(3, 1, Float32Array.from([1, 4, 5])),
    });
    if (e.kind !== 'regression') throw new Error(e.kind);
    expect(e.targets).toEqual([{ predicted: [1, 3, 5], actual: [1, 4, 5], residuals: [0, 1, 0] }]);
    expect(e.metrics.mae).toBeCloseTo(1 / 3, 6);
    expect(predictRow(t, [3])).toEqual({ outputs: [7] });
  });

  it('treats a one-output bce model as two classes', () => {
    const spec: ModelSpec = { inputs: 1, layers: [denseSpec(1)], loss: 'bce', l1: 0, l2: 0 };
    const t = new Trainer(spec);
    t.network.setWeights([Float32Array.from([10]), Float32Array.from([0])]);
    const e = evaluateDetailed(t, {
      x: matOf(4, 1, Float32Array.from([-1, 1, 2, -2])),
      y: matOf(4, 1, Float32Array.from([0, 1, 0, 0])),
    });
    if (e.kind !== 'classification') throw new Error(e.kind);
    expect(e.confusion.counts).toEqual([
      [2, 1],
      [0, 1],
    ]);
    const p = predictRow(t, [1]);
    expect(p.predictedClass).toBe(1);
    expect(p.probabilities![1]).toBeGreaterThan(0.99);
  });
});

describe('weightStats', () => {
  it('shows more near-zero weights after an L1 run than after an L2 run at the same seed', async () => {
    const run = async (l1: number, l2: number) => {
      const t = new Trainer(mlp(2, 32, 3, 'relu', { l1, l2 }), { seed: 4 });
      await t.fit(blobs(150, 1), {
        epochs: 60,
        batchSize: 16,
        optimizer: { name: 'sgd', lr: 0.05 },
      });
      return weightStats(t.network, { range: [-2, 2] });
    };
    const l1 = await run(0.01, 0);
    const l2 = await run(0, 0.01);
    expect(l1[0]!.nearZeroShare).toBeGreaterThan(l2[0]!.nearZeroShare + 0.1);
    expect(l1[0]!.nodeId).toBe('d1');
    expect(l1[0]!.histogram.counts.reduce((s, v) => s + v, 0)).toBe(64);
    expect(l1.map((s) => s.name)).toEqual(['dense1.W', 'dense2.W']);
  });

  it('bins by hand', () => {
    const spec: ModelSpec = { inputs: 2, layers: [denseSpec(2)], loss: 'mse', l1: 0, l2: 0 };
    const t = new Trainer(spec);
    t.network.setWeights([Float32Array.from([-1, 0, 0.0005, 1]), Float32Array.from([0, 0])]);
    const [s] = weightStats(t.network, { bins: 4 });
    expect(s!.histogram).toEqual({ lo: -1, hi: 1, counts: [1, 0, 2, 1] });
    expect(s!.nearZeroShare).toBe(0.5);
    expect(s!.mean).toBeCloseTo(0.000125, 9);
    expect(() => weightStats(t.network, { bins: 0 })).toThrow(
      'bins must be a whole number ≥ 1, got 0',
    );
  });
});
