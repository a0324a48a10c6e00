/**
 * The monitor's verdicts on recorded and synthetic curves: divergence against where training
 * started, instability notes, and the order of causes (units and divergence before over- and
 * underfitting).
 */
import { describe, expect, it } from 'vitest';
import { TrainingMonitor, type MonitorOptions } from '../../../../engine/train/monitor/monitor';
import type { ActivationLayerStats, Alert } from '../../../../engine/train/monitor/types';
import { WINE_OVERFIT } from './curves';

const LN3 = Math.log(3);

function replay(
  train: number[],
  val: (number | null)[],
  options: MonitorOptions = {},
  activations?: (epoch: number) => ActivationLayerStats[],
): Alert[] {
  const m = new TrainingMonitor({ baselineLoss: LN3, ...options });
  return train.flatMap((t, i) =>
    m.observe({
      epoch: i + 1,
      trainLoss: t,
      valLoss: val[i] ?? null,
      lr: 0.01,
      ...(activations ? { activations: activations(i + 1) } : {}),
    }),
  );
}

const kinds = (alerts: Alert[]) => alerts.map((a) => [a.kind, a.epoch]);

/** One ReLU layer of 64 units, `dead` of them never active on the 40 validation rows. */
const relu64 = (dead: number): ActivationLayerStats[] => [
  {
    layer: 0,
    nodeId: 'a1',
    denseNodeId: 'd1',
    fn: 'relu',
    units: 64,
    samples: 40,
    deadUnits: dead,
    deadShare: dead / 64,
    saturatedUnits: 0,
    saturatedShare: 0,
  },
];

describe('divergence and instability', () => {
  it('calls a spike from a near-zero loss an instability note, not a divergence', () => {
    // Adam near a sharp minimum: the loss falls to 1e-7, one epoch jumps to 0.319 (3 million
    // times its lowest, but below the 0.9 of the first epoch), then falls again.
    const train = [0.9, 0.05, 1e-3, 1e-5, 4.06e-7, 0.319, 2e-3, 1e-4, 5e-5, 3e-5];
    const alerts = replay(train, []);
    expect(kinds(alerts)).toEqual([['instability', 6]]);
    const a = alerts[0]!;
    expect(a.evidence).toMatchObject({ trainLoss: 0.319, minTrainLoss: 4.06e-7, startLoss: 0.9 });
    expect(a.evidence.jump!).toBeGreaterThan(7e5);
    expect(a.message).toMatch(/^Instability: the training loss jumped to 0\.319/);
    expect(a.message).toMatch(/still below its value where training started \(0\.9\)/);
    expect(a.remedies).toEqual([{ kind: 'lower_lr', to: 0.0033 }]);
  });

  it('stops calling it instability once the loss is back down, and notes the next spike', () => {
    const train = [0.9, 1e-4, 1e-6, 0.1, 1e-7, 1e-8, 0.2, 1e-8];
    expect(kinds(replay(train, []))).toEqual([
      ['instability', 4],
      ['instability', 7],
    ]);
  });

  it('calls a loss that stays far above where training started a divergence', () => {
    // Start 0.5; epoch 4 is the first above 4 × 0.5, epoch 5 the second in a row.
    const alerts = replay([0.5, 0.4, 1.5, 2.5, 5, 9], []);
    expect(kinds(alerts)).toEqual([['divergence', 5]]);
    expect(alerts[0]!.evidence).toMatchObject({ trainLoss: 5, startLoss: 0.5, epochsAbove: 2 });
    expect(alerts[0]!.message).toMatch(
      /stayed above 4 times its value where training started \(0\.5\) for 2 epochs, now 5 \(10 times\)/,
    );
  });

  it('judges the climb against the untrained loss when the trainer reports it', () => {
    // A rate so large that the first epoch already exploded: against E_tr(1) nothing would climb.
    const m = new TrainingMonitor({ baselineLoss: LN3 });
    const alerts = [1.4e19, 1.6e19].flatMap((t, i) =>
      m.observe({ epoch: i + 1, trainLoss: t, valLoss: null, lr: 1e5, startLoss: 1.2 }),
    );
    expect(kinds(alerts)).toEqual([['divergence', 2]]);
    expect(alerts[0]!.message).toMatch(/now 1\.60e\+19/);
  });

  it('floors the reported start at the baseline loss (a lucky first batch is no reference)', () => {
    const m = new TrainingMonitor({ baselineLoss: 1 });
    const alerts = [0.9, 0.8, 0.7].flatMap((t, i) =>
      m.observe({ epoch: i + 1, trainLoss: t, valLoss: null, lr: 0.1, startLoss: 1e-6 }),
    );
    expect(alerts).toEqual([]);
  });

  it('rejects bad divergence options, quoting the value', () => {
    expect(() => new TrainingMonitor({ climbFactor: 1 })).toThrow(
      'monitor climbFactor must be a number > 1, got 1',
    );
    expect(() => new TrainingMonitor({ climbEpochs: 0.5 })).toThrow(
      'monitor climbEpochs must be a whole number ≥ 1, got 0.5',
    );
    expect(() => new TrainingMonitor({ spikeFactor: NaN })).toThrow(
      'monitor spikeFactor must be a number > 1, got NaN',
    );
  });
});

describe('the order of causes', () => {
  it('gives the 63-of-64-dead network the dead-units alert and no overfitting alert', () => {
    // The same curves without activation statistics raise overfitting at epoch 10.
    expect(kinds(replay(WINE_OVERFIT.train, WINE_OVERFIT.val))).toEqual([['overfitting', 10]]);
    const alerts = replay(WINE_OVERFIT.train, WINE_OVERFIT.val, {}, () => relu64(63));
    expect(kinds(alerts)).toEqual([['dead_units', 3]]);
    expect(alerts[0]!.message).toMatch(/^Dead units: 63 of 64 ReLU units/);
  });

  it('judges overfitting again once the units have recovered', () => {
    const alerts = replay(WINE_OVERFIT.train, WINE_OVERFIT.val, {}, (e) =>
      relu64(e <= 20 ? 63 : 0),
    );
    expect(alerts.map((a) => a.kind)).toEqual(['dead_units', 'overfitting']);
    expect(alerts[1]!.epoch).toBeGreaterThan(20);
  });

  it('gives a diverging run no underfitting alert', () => {
    // High and flat after it diverged: the old rule called epoch 11 underfitting.
    const train = [1, 0.9, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    const alerts = replay(train, []);
    expect(kinds(alerts)).toEqual([['divergence', 4]]);
  });

  it('does not call a rising loss underfitting, and words a small rise as a rise', () => {
    // Rising 1.5 % per epoch (15.8 % over 10): off course, not too simple a model.
    const rising = Array.from({ length: 30 }, (_, i) => 1.05 * 1.015 ** i);
    expect(
      replay(
        rising,
        rising.map((v) => v + 0.03),
      ),
    ).toEqual([]);
    // Within ±1 % over the window and high: underfitting, its wording following the sign.
    const flat = Array.from({ length: 30 }, (_, i) => 1.05 * (1 + 0.0005 * i));
    const alerts = replay(flat, []);
    expect(kinds(alerts)).toEqual([['underfitting', 11]]);
    expect(alerts[0]!.evidence.trainFall!).toBeLessThan(0);
    expect(alerts[0]!.message).toMatch(/the training loss rose 0\.\d %/);
    expect(alerts[0]!.message).not.toMatch(/fell only -/);
  });
});
