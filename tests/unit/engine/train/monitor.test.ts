import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../engine/data/rng';
import {
  generalizationLoss,
  movingAverage,
  progressQuotient,
  trainingProgress,
  trend,
} from '../../../../engine/train/monitor/criteria';
import { baselineLoss, modelFacts } from '../../../../engine/train/monitor/model-facts';
import { TrainingMonitor, type MonitorOptions } from '../../../../engine/train/monitor/monitor';
import type { ActivationLayerStats, Alert } from '../../../../engine/train/monitor/types';
import type { ModelSpec } from '../../../../engine/train/spec';
import { matOf } from '../../../../engine/backend/backend';
import { IRIS_CLEAN, WINE_CLEAN, WINE_OVERFIT } from './curves';

/** ln 3: the loss of uniform guesses over three balanced classes. */
const LN3 = Math.log(3);

function replay(
  curve: { train: number[]; val: (number | null)[] },
  options: MonitorOptions = {},
  monitor = new TrainingMonitor({ baselineLoss: LN3, ...options }),
): Alert[] {
  const alerts: Alert[] = [];
  curve.train.forEach((t, i) => {
    alerts.push(
      ...monitor.observe({ epoch: i + 1, trainLoss: t, valLoss: curve.val[i] ?? null, lr: 1e-3 }),
    );
  });
  return alerts;
}

const dense = (units: number, nodeIds: string[], activation: 'relu' | 'linear' = 'relu') => ({
  type: 'dense' as const,
  units,
  useBias: true,
  initializer: 'glorot_uniform' as const,
  activation,
  alpha: 0.01,
  l1: null,
  l2: null,
  nodeIds,
});
/** The "overfits on purpose" template: Dense 512 → ReLU → Dense 512 → ReLU → Dense 3 → Softmax. */
const OVERFIT_SPEC: ModelSpec = {
  inputs: 13,
  layers: [dense(512, ['d1', 'a1']), dense(512, ['d2', 'a2']), dense(3, ['d3'], 'linear')],
  loss: 'cce',
  l1: 0,
  l2: 0,
};

describe("Prechelt's criteria", () => {
  it('computes GL, P_k and PQ by hand', () => {
    expect(generalizationLoss(0.11, 0.1)).toBeCloseTo(10, 10);
    expect(generalizationLoss(0.1, 0.1)).toBe(0);
    // strip [2, 1, 1, 1, 1]: Σ = 6, k·min = 5 → 1000 · (6/5 − 1) = 200
    expect(trainingProgress([9, 2, 1, 1, 1, 1], 5, 5)).toBeCloseTo(200, 10);
    expect(trainingProgress([1, 1], 1, 5)).toBeNaN();
    expect(progressQuotient(10, 200)).toBeCloseTo(0.05, 12);
    expect(progressQuotient(10, 0)).toBe(Infinity);
  });

  it('tells a significant rise from noise', () => {
    expect(trend([1, 2, 3, 4], 0, 3)).toEqual({ slope: 1, t: Infinity });
    const noisy = trend([1, 1.2, 0.9, 1.1, 1.0, 1.15], 0, 5);
    expect(Math.abs(noisy.t)).toBeLessThan(3);
    expect(movingAverage([1, 2, 3, 4, 5], 4, 2)).toBe(4.5);
  });
});

describe('TrainingMonitor on recorded curves', () => {
  it('raises nothing on clean curves (iris MLP, wine on a split where it does not overfit)', () => {
    expect(replay(IRIS_CLEAN)).toEqual([]);
    expect(replay(WINE_CLEAN)).toEqual([]);
  });

  it('raises the overfitting alert on the wine curve at epoch 10 with its evidence, once', () => {
    const alerts = replay(
      WINE_OVERFIT,
      {},
      new TrainingMonitor({ baselineLoss: LN3 }, modelFacts(OVERFIT_SPEC)),
    );
    expect(alerts.map((a) => [a.kind, a.epoch])).toEqual([['overfitting', 10]]);
    const a = alerts[0]!;
    expect(a.evidence).toMatchObject({ bestEpoch: 2, epochsSinceBest: 8 });
    expect(a.evidence.bestValLoss).toBeCloseTo(WINE_OVERFIT.val[1]!, 4);
    expect(a.evidence.valLoss).toBeCloseTo(WINE_OVERFIT.val[9]!, 4);
    expect(a.evidence.gl).toBeCloseTo(100 * (WINE_OVERFIT.val[9]! / WINE_OVERFIT.val[1]! - 1), 2);
    expect(a.evidence.gl!).toBeGreaterThan(5);
    expect(a.evidence.pq!).toBeGreaterThan(0);
    expect(a.evidence.valSlopeT!).toBeGreaterThanOrEqual(3);
    expect(a.evidence.trainSlope!).toBeLessThan(0);
    expect(a.message).toMatch(/training loss still falls, ever more slowly/);
    expect(a.message).toMatch(/generalization loss GL = 43\.\d, progress quotient PQ/);
    expect(a.remedies).toEqual([
      { kind: 'restore_best', epoch: 2 },
      { kind: 'add_dropout', afterNodeId: 'a1', rate: 0.5 },
      { kind: 'raise_l2', to: 1e-3 },
      { kind: 'fewer_units', nodeId: 'd1', units: 128 },
      { kind: 'stop' },
    ]);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('does not cry wolf on noisy but improving validation curves', () => {
    for (let seed = 0; seed < 30; seed++) {
      const r = new Rng(seed);
      const train: number[] = [];
      const val: number[] = [];
      for (let t = 1; t <= 120; t++) {
        train.push(0.05 + 0.95 * Math.exp(-t / 30) + 0.005 * r.normal());
        val.push(0.2 + 0.8 * Math.exp(-t / 60) + 0.04 * r.normal());
      }
      expect(replay({ train, val }), `seed ${seed}`).toEqual([]);
    }
  });

  it('alerts again only after a new episode: the validation loss first reaches a new low', () => {
    const val = [...WINE_OVERFIT.val.slice(0, 20)];
    const train = [...WINE_OVERFIT.train.slice(0, 20)];
    for (let t = 0; t < 8; t++) {
      val.push(0.03 - 0.002 * t);
      train.push(train.at(-1)! * 0.9);
    }
    for (let t = 0; t < 12; t++) {
      val.push(0.016 + 0.004 * t);
      train.push(train.at(-1)! * 0.9);
    }
    const alerts = replay({ train, val });
    expect(alerts.map((a) => a.kind)).toEqual(['overfitting', 'overfitting']);
    expect(alerts[1]!.evidence.bestEpoch).toBe(28);
  });

  it('raises underfitting when both losses stay high and flat', () => {
    const train = Array.from({ length: 30 }, (_, i) => 1.05 + 0.001 * Math.cos(i));
    const val = train.map((v) => v + 0.03);
    const monitor = new TrainingMonitor({ baselineLoss: LN3 }, modelFacts(OVERFIT_SPEC));
    const alerts = replay({ train, val }, {}, monitor);
    expect(alerts.map((a) => [a.kind, a.epoch])).toEqual([['underfitting', 11]]);
    expect(alerts[0]!.evidence.trainVsBaseline).toBeCloseTo(1.05 / LN3, 2);
    expect(alerts[0]!.remedies).toContainEqual({ kind: 'more_units', nodeId: 'd1', units: 1024 });
  });

  it('raises divergence for a NaN loss and for a loss that stays far above its start', () => {
    const nan = replay({ train: [1, 0.5, NaN], val: [1, 0.6, NaN] });
    expect(nan.map((a) => [a.kind, a.epoch])).toEqual([['divergence', 3]]);
    // Epoch 4 jumps 13× above the lowest loss but stays near the start: only a note. Epochs 5
    // and 6 stay above 4× the first epoch's loss: a divergence.
    const boom = replay({ train: [1, 0.5, 0.3, 4, 50, 600], val: [1, 0.6, 0.4, 5, 60, 700] });
    expect(boom.map((a) => [a.kind, a.epoch])).toEqual([
      ['instability', 4],
      ['divergence', 6],
    ]);
    expect(boom[1]!.evidence).toMatchObject({
      trainLoss: 600,
      minTrainLoss: 0.3,
      startLoss: 1,
      epochsAbove: 2,
      bestEpoch: 3,
    });
    expect(boom[1]!.remedies).toEqual([
      { kind: 'lower_lr', to: 1e-4 },
      { kind: 'restore_best', epoch: 3 },
    ]);
    expect(JSON.parse(JSON.stringify(nan))).toEqual(nan);
    expect(nan[0]!.evidence.trainLoss).toBeNull();
  });

  it('raises dead_units and saturation from activation statistics, once per episode', () => {
    const stats = (dead: number, sat: number): ActivationLayerStats[] => [
      {
        layer: 0,
        nodeId: 'a1',
        denseNodeId: 'd1',
        fn: 'relu',
        units: 8,
        samples: 40,
        deadUnits: dead,
        deadShare: dead / 8,
        saturatedUnits: 0,
        saturatedShare: 0,
      },
      {
        layer: 1,
        nodeId: 'a2',
        denseNodeId: 'd2',
        fn: 'tanh',
        units: 4,
        samples: 40,
        deadUnits: 0,
        deadShare: 0,
        saturatedUnits: sat,
        saturatedShare: sat / 4,
      },
    ];
    const m = new TrainingMonitor({ baselineLoss: LN3 });
    const seq = [
      stats(6, 3),
      stats(6, 3),
      stats(6, 3),
      stats(7, 4),
      stats(1, 0),
      stats(6, 0),
      stats(6, 0),
      stats(6, 0),
    ];
    const alerts = seq.flatMap((activations, i) =>
      m.observe({
        epoch: i + 1,
        trainLoss: 1 - 0.05 * i,
        valLoss: 1 - 0.05 * i,
        lr: 0.01,
        activations,
      }),
    );
    expect(alerts.map((a) => [a.kind, a.epoch])).toEqual([
      ['dead_units', 3],
      ['saturation', 3],
      ['dead_units', 8],
    ]);
    expect(alerts[0]!.evidence).toMatchObject({ deadUnits: 6, units: 8, deadShare: 0.75 });
    expect(alerts[0]!.remedies).toEqual([
      { kind: 'change_activation', nodeId: 'a1', to: 'leaky_relu' },
      { kind: 'lower_lr', to: 0.001 },
    ]);
    expect(alerts[1]!.message).toMatch(/3 of 4 tanh units/);
  });

  it('rejects bad options, quoting the value', () => {
    expect(() => new TrainingMonitor({ stripLength: 1 })).toThrow(
      'monitor stripLength must be a whole number ≥ 2, got 1',
    );
    expect(() => new TrainingMonitor({ deadShare: 2 })).toThrow(
      'monitor deadShare must be in (0, 1], got 2',
    );
    expect(() => new TrainingMonitor({ baselineLoss: -1 })).toThrow('got -1');
  });
});

describe('monitor model facts', () => {
  it('finds the hidden layers, their node ids and where a Dropout would go', () => {
    const facts = modelFacts({
      ...OVERFIT_SPEC,
      layers: [
        ...OVERFIT_SPEC.layers.slice(0, 1),
        { type: 'dropout', rate: 0.2, nodeIds: ['p1'] },
        ...OVERFIT_SPEC.layers.slice(1),
      ],
      l2: 1e-4,
    });
    expect(facts.hidden).toEqual([
      { layer: 0, units: 512, nodeId: 'd1', afterNodeId: 'a1', hasDropout: true },
      { layer: 2, units: 512, nodeId: 'd2', afterNodeId: 'a2', hasDropout: false },
    ]);
    expect(facts.l2).toBe(1e-4);
  });

  it('computes the "knows nothing" baseline loss', () => {
    const y = matOf(4, 2, Float32Array.from([1, 0, 0, 1, 1, 0, 0, 1]));
    expect(baselineLoss('cce', y)).toBeCloseTo(Math.log(2), 6);
    expect(baselineLoss('mse', matOf(2, 1, Float32Array.from([1, 3])))).toBeCloseTo(1, 6);
  });
});
