/**
 * Training verdicts inside fit on real runs: an overfitting net with Adam spikes trains on and
 * gets the overfitting alert; a wild learning rate still stops with the last good weights; a
 * mostly dead network gets the dead-units alert, not an overfitting one.
 */
import { describe, expect, it } from 'vitest';
import type { Dense } from '../../../../engine/layers/dense';
import type { AlertEvent, EpochEvent, TrainEvent } from '../../../../engine/train/events';
import { TrainingMonitor } from '../../../../engine/train/monitor/monitor';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer } from '../../../../engine/train/trainer';
import { blobs, denseSpec, mlp, shiftedLabels } from './helpers';
import { wine142 } from './wine';

/** 13-256-256-3, ReLU, no regularization: far more capacity than 100 wine rows need. */
const WIDE: ModelSpec = {
  inputs: 13,
  layers: [
    denseSpec(256, 'relu', ['d1', 'a1']),
    denseSpec(256, 'relu', ['d2', 'a2']),
    denseSpec(3, 'linear', ['d3']),
  ],
  loss: 'cce',
  l1: 0,
  l2: 0,
};

async function fitWine(seed: number, lr: number, epochs: number) {
  const { train, val } = wine142(seed);
  const trainer = new Trainer(WIDE, { seed });
  const events: TrainEvent[] = [];
  const result = await trainer.fit(train, {
    epochs,
    batchSize: 8,
    optimizer: { name: 'adam', lr },
    validation: val,
    batchEvery: 0,
    onEvent: (e) => events.push(e),
  });
  const alerts = events.filter((e): e is AlertEvent => e.type === 'alert');
  return { trainer, result, events, alerts, val };
}

describe('training verdicts on wine (142 rows, 30 % validation, standardised)', () => {
  it('trains the overfitting 13-256-256-3 net all its epochs and raises overfitting, not divergence', async () => {
    const { train, val } = wine142(18);
    expect([train.x.rows, val.x.rows]).toEqual([100, 42]);
    const { result, events, alerts } = await fitWine(18, 0.01, 40);
    expect(result.reason).toBe('completed');
    expect(result.history).toHaveLength(40);
    expect(events.some((e) => e.type === 'error')).toBe(false);
    expect(alerts.map((a) => a.kind)).not.toContain('divergence');
    // Epoch 9: Adam jumps from a near-zero loss. The old rule (10 × the lowest and above the
    // first epoch's loss) stopped the run here; now it is a note.
    const spike = alerts.find((a) => a.kind === 'instability' && a.epoch === 9)!;
    expect(spike.evidence.jump!).toBeGreaterThan(100);
    expect(spike.evidence.trainLoss!).toBeGreaterThan(result.history[0]!.train.loss);
    // The validation loss is lowest at epoch 1 and rises from there: overfitting.
    const overfit = alerts.find((a) => a.kind === 'overfitting')!;
    expect(overfit.evidence.bestEpoch).toBe(1);
    expect(overfit.epoch).toBeGreaterThan(9);
    expect(overfit.remedies[0]).toEqual({ kind: 'restore_best', epoch: 1 });
    expect(result.history.at(-1)!.val!.loss).toBeGreaterThan(5 * result.history[0]!.val!.loss);
  }, 60_000);

  it('still stops a learning rate of 1e5 with a divergence alert and the last good weights', async () => {
    const { trainer, result, events, alerts } = await fitWine(18, 1e5, 20);
    expect(result.reason).toBe('diverged');
    expect(result.history.length).toBeLessThanOrEqual(2);
    expect(alerts.map((a) => a.kind)).toContain('divergence');
    const err = events.at(-1)!;
    expect(err).toMatchObject({ type: 'error', code: 'diverged' });
    // The loss exploded within epoch 1: the last good weights are the initial ones.
    expect(result.error).toMatch(/The weights are the initial ones, from before the loss climbed/);
    const fresh = new Trainer(WIDE, { seed: 18 });
    expect(trainer.network.getWeights()).toEqual(fresh.network.getWeights());
  }, 60_000);
});

describe('dead units come before overfitting', () => {
  it('gives a network with 63 of 64 ReLU units dead the dead-units alert and no overfitting alert', async () => {
    const train = blobs(150, 1);
    // Validation labels shifted by one class: the better the fit, the worse the validation loss.
    const val = shiftedLabels(blobs(60, 2));
    const t = new Trainer(mlp(2, 64, 3), { seed: 1 });
    const hidden = t.network.layers[0] as Dense;
    hidden.b!.value.fill(-100);
    hidden.b!.value[0] = 0; // one unit left alive
    const events: TrainEvent[] = [];
    await t.fit(train, {
      epochs: 40,
      batchSize: 16,
      optimizer: { name: 'adam', lr: 0.02 },
      validation: val,
      onEvent: (e) => events.push(e),
    });
    const alerts = events.filter((e): e is AlertEvent => e.type === 'alert');
    expect(alerts.map((a) => [a.kind, a.epoch])).toEqual([['dead_units', 3]]);
    expect(alerts[0]!.evidence).toMatchObject({ deadUnits: 63, units: 64 });
    // The same curves without the activation statistics read as overfitting.
    const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
    const blind = new TrainingMonitor({ baselineLoss: Math.log(3) });
    const curveOnly = epochs.flatMap((e) =>
      blind.observe({ epoch: e.epoch, trainLoss: e.train.loss, valLoss: e.val!.loss, lr: e.lr }),
    );
    expect(curveOnly.map((a) => a.kind)).toContain('overfitting');
  });
});
