import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import type { Dataset } from '../../../../engine/data/dataset';
import { Rng } from '../../../../engine/data/rng';
import type { Dense } from '../../../../engine/layers/dense';
import { TrainingControl } from '../../../../engine/train/control';
import type { TrainEvent } from '../../../../engine/train/events';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer, type FitOptions } from '../../../../engine/train/trainer';
import { blobs, denseSpec, mlp, shiftedLabels } from './helpers';

const train = blobs(150, 1);
const val = blobs(60, 2);
const opts = (o: Partial<FitOptions> = {}): FitOptions => ({
  epochs: 5,
  batchSize: 16,
  optimizer: { name: 'adam', lr: 0.02 },
  validation: val,
  ...o,
});
const types = (events: TrainEvent[]) => events.map((e) => e.type);

describe('early stopping and the best epoch', () => {
  it('stops after `patience` epochs without a better validation loss and restores the best epoch', async () => {
    const events: TrainEvent[] = [];
    const t = new Trainer(mlp(2, 8, 3), { seed: 3 });
    // Validation labels shifted by one class: the better the fit, the worse the validation loss.
    const r = await t.fit(
      train,
      opts({
        epochs: 30,
        validation: shiftedLabels(train),
        earlyStopping: { patience: 3 },
        monitor: false,
        onEvent: (e) => events.push(e),
      }),
    );
    expect(r).toMatchObject({
      reason: 'stopped',
      earlyStopped: true,
      bestEpoch: 1,
      restoredEpoch: 1,
    });
    expect(r.history).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      reason: 'stopped',
      earlyStopped: true,
      epochs: 4,
      bestEpoch: 1,
      restoredEpoch: 1,
    });
    // The restored weights are exactly those after epoch 1.
    const ref = new Trainer(mlp(2, 8, 3), { seed: 3 });
    await ref.fit(train, opts({ epochs: 1, validation: undefined, monitor: false }));
    expect(t.network.getWeights()).toEqual(ref.network.getWeights());
  });

  it('needs an improvement larger than min delta', async () => {
    const t = new Trainer(mlp(2, 8, 3), { seed: 1 });
    const r = await t.fit(
      train,
      opts({ epochs: 40, earlyStopping: { patience: 2, minDelta: 10 } }),
    );
    expect(r.history).toHaveLength(3);
    expect(r.restoredEpoch).toBe(1);
  });

  it('keeps the best epoch so it can be restored after training ends', async () => {
    const t = new Trainer(mlp(2, 8, 3), { seed: 3 });
    const r = await t.fit(
      train,
      opts({ epochs: 6, validation: shiftedLabels(train), monitor: false }),
    );
    expect(r.reason).toBe('completed');
    expect(r.restoredEpoch).toBeUndefined();
    expect(t.bestEpoch).toBe(1);
    expect(r.history.map((e) => e.bestEpoch)).toEqual([1, 1, 1, 1, 1, 1]);
    const last = t.network.getWeights();
    expect(t.restoreBest()).toBe(1);
    expect(t.network.getWeights()).not.toEqual(last);
    expect(t.evaluate(shiftedLabels(train)).loss).toBeCloseTo(r.history[0]!.val!.loss, 5);
  });

  it('rejects a patience of 0, quoting it', async () => {
    await expect(
      new Trainer(mlp(2, 8, 3)).fit(train, opts({ earlyStopping: { patience: 0 } })),
    ).rejects.toThrow('early stopping patience must be a whole number ≥ 1, got 0');
  });
});

describe('live control', () => {
  it('changes the learning rate from the next batch, then follows the schedule from there', async () => {
    const control = new TrainingControl();
    const events: TrainEvent[] = [];
    const r = await new Trainer(mlp(2, 8, 3), { seed: 1 }).fit(
      train,
      opts({
        epochs: 3,
        control,
        schedule: { kind: 'step', every: 1, gamma: 0.5 },
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'batch' && e.epoch === 1 && e.batch === 2) control.setLearningRate(0.004);
        },
      }),
    );
    expect(events[2]).toEqual({ type: 'lr', epoch: 1, batch: 3, lr: 0.004 });
    expect(r.history.map((e) => e.lr)).toEqual([0.004, 0.002, 0.001]);
    expect(() => control.setLearningRate(0)).toThrow('learning rate must be a number > 0, got 0');
  });

  it('steps one epoch at a time while paused', async () => {
    const control = new TrainingControl();
    const events: TrainEvent[] = [];
    const fit = new Trainer(mlp(2, 8, 3), { seed: 1 }).fit(
      train,
      opts({
        epochs: 10,
        control,
        batchEvery: 0,
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'epoch' && e.epoch === 1) control.pause();
        },
      }),
    );
    const settle = () => new Promise((r) => setTimeout(r, 20));
    await settle();
    expect(types(events)).toEqual(['epoch', 'paused']);
    expect(events[1]).toEqual({ type: 'paused', epoch: 2, batch: 1 });
    control.stepEpoch();
    await settle();
    expect(types(events).slice(2)).toEqual(['resumed', 'epoch', 'paused']);
    expect(events.at(-1)).toEqual({ type: 'paused', epoch: 3, batch: 1 });
    await settle();
    expect(events).toHaveLength(5);
    control.stepEpoch();
    await settle();
    expect(events.at(-1)).toEqual({ type: 'paused', epoch: 4, batch: 1 });
    control.stop();
    const r = await fit;
    expect(r.reason).toBe('stopped');
    expect(r.history.map((e) => e.epoch)).toEqual([1, 2, 3]);
  });
});

describe('step one epoch while running', () => {
  it('finishes the current epoch, then pauses', async () => {
    const control = new TrainingControl();
    const events: TrainEvent[] = [];
    const fit = new Trainer(mlp(2, 8, 3), { seed: 1 }).fit(
      train,
      opts({
        epochs: 10,
        control,
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'batch' && e.epoch === 1 && e.batch === 2) control.stepEpoch();
        },
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(events.at(-1)).toEqual({ type: 'paused', epoch: 2, batch: 1 });
    expect(types(events).filter((t) => t === 'epoch')).toHaveLength(1);
    control.stop();
    expect((await fit).history).toHaveLength(1);
  });
});

describe('the monitor inside fit', () => {
  it('stops a run whose loss explodes, restores the best epoch and says so', async () => {
    // Linear regression with plain SGD at twice the stable step: the loss grows every step.
    const r0 = new Rng(5);
    const x = matOf(
      64,
      2,
      Float32Array.from({ length: 128 }, () => r0.normal()),
    );
    const y = matOf(
      64,
      1,
      Float32Array.from({ length: 64 }, (_, i) => x.data[2 * i]! - x.data[2 * i + 1]!),
    );
    const spec: ModelSpec = { inputs: 2, layers: [denseSpec(1)], loss: 'mse', l1: 0, l2: 0 };
    const events: TrainEvent[] = [];
    const t = new Trainer(spec, { seed: 1 });
    const r = await t.fit(
      { x, y },
      {
        epochs: 100,
        batchSize: 32,
        optimizer: { name: 'sgd', lr: 1.4 },
        validation: { x, y },
        onEvent: (e) => events.push(e),
      },
    );
    expect(r.reason).toBe('diverged');
    expect(r.history.length).toBeLessThan(100);
    const alert = events.find((e) => e.type === 'alert');
    expect(alert).toMatchObject({ type: 'alert', kind: 'divergence', epoch: r.history.length });
    expect(alert?.type === 'alert' && alert.remedies[0]).toEqual({ kind: 'lower_lr', to: 0.14 });
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      code: 'diverged',
      restoredEpoch: r.bestEpoch,
    });
    expect(t.network.params.every((p) => p.value.every(Number.isFinite))).toBe(true);
    expect(t.evaluate({ x, y }).loss).toBeCloseTo(r.history[r.bestEpoch - 1]!.val!.loss, 3);
  });

  it('raises a divergence alert before the error for a NaN loss', async () => {
    const bad: Dataset = { x: matOf(train.x.rows, 2, train.x.data.slice()), y: train.y };
    bad.x.data[2 * 40] = NaN;
    const events: TrainEvent[] = [];
    await new Trainer(mlp(2, 8, 3), { seed: 1 }).fit(
      bad,
      opts({ shuffle: false, onEvent: (e) => events.push(e) }),
    );
    expect(types(events).slice(-2)).toEqual(['alert', 'error']);
    expect(events.at(-2)).toMatchObject({ kind: 'divergence', epoch: 1, evidence: { batch: 3 } });
  });

  it('detects dead ReLU units on the validation data and alerts once', async () => {
    const t = new Trainer(mlp(2, 4, 3), { seed: 1 });
    const hidden = t.network.layers[0] as Dense;
    hidden.b!.value.set([-100, -100, -100, 0]); // three units can never turn on
    const events: TrainEvent[] = [];
    await t.fit(train, opts({ epochs: 6, onEvent: (e) => events.push(e) }));
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs[0]!.type === 'epoch' && epochs[0]!.activations).toEqual([
      {
        layer: 0,
        nodeId: 'a1',
        denseNodeId: 'd1',
        fn: 'relu',
        units: 4,
        samples: 60,
        deadUnits: 3,
        deadShare: 0.75,
        saturatedUnits: 0,
        saturatedShare: 0,
      },
    ]);
    const alerts = events.filter((e) => e.type === 'alert');
    expect(alerts.map((a) => a.type === 'alert' && [a.kind, a.epoch])).toEqual([['dead_units', 3]]);
  });

  it('counts saturated tanh units', async () => {
    const t = new Trainer(mlp(2, 4, 3, 'tanh'), { seed: 1 });
    const hidden = t.network.layers[0] as Dense;
    hidden.b!.value.set([50, -50, 0, 0]);
    const events: TrainEvent[] = [];
    await t.fit(train, opts({ epochs: 1, onEvent: (e) => events.push(e) }));
    const epoch = events.find((e) => e.type === 'epoch');
    expect(epoch?.type === 'epoch' && epoch.activations?.[0]).toMatchObject({
      fn: 'tanh',
      saturatedUnits: 2,
      saturatedShare: 0.5,
    });
  });

  it('emits epoch and alert events that survive JSON unchanged', async () => {
    const events: TrainEvent[] = [];
    const t = new Trainer(mlp(2, 4, 3), { seed: 1 });
    (t.network.layers[0] as Dense).b!.value.fill(-100);
    await t.fit(train, opts({ epochs: 3, onEvent: (e) => events.push(e) }));
    expect(events.some((e) => e.type === 'alert')).toBe(true);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});

describe('augmentation inside fit', () => {
  it('augments training batches only, seeded, leaving the data untouched', async () => {
    const before = train.x.data.slice();
    const run = async (augment?: FitOptions['augment']) => {
      const t = new Trainer(mlp(2, 8, 3), { seed: 1 });
      const r = await t.fit(train, opts({ epochs: 3, ...(augment ? { augment } : {}) }));
      return { t, r };
    };
    const plain = await run();
    const a = await run({ noise: { sigma: 0.3 }, mixup: { alpha: 0.2 } });
    const b = await run({ noise: { sigma: 0.3 }, mixup: { alpha: 0.2 } });
    expect(train.x.data).toEqual(before);
    expect(a.r.history.map((e) => e.train.loss)).toEqual(b.r.history.map((e) => e.train.loss));
    expect(a.r.history.map((e) => e.train.loss)).not.toEqual(
      plain.r.history.map((e) => e.train.loss),
    );
    // Validation is evaluated on the raw rows: the same as evaluate() with the final weights.
    expect(a.r.history.at(-1)!.val).toEqual(a.t.evaluate(val));
  });

  it('rejects an image size that does not match the features', async () => {
    await expect(
      new Trainer(mlp(2, 8, 3)).fit(
        train,
        opts({ augment: { image: { width: 3, height: 3, channels: 1, flip: true } } }),
      ),
    ).rejects.toThrow(
      'augmentation image size must be width × height × channels = 2 features, got "3×3×1"',
    );
  });
});
