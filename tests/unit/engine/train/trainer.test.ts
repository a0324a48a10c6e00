import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import { blobs } from './helpers';
import { TrainingControl } from '../../../../engine/train/control';
import type { TrainEvent } from '../../../../engine/train/events';
import { MetricAccumulator } from '../../../../engine/train/metrics';
import { Trainer, type FitOptions } from '../../../../engine/train/trainer';
import type { ModelSpec } from '../../../../engine/train/spec';

const spec = (extra: Partial<ModelSpec> = {}): ModelSpec => ({
  inputs: 2,
  layers: [
    {
      type: 'dense',
      units: 8,
      useBias: true,
      initializer: 'glorot_uniform',
      activation: 'relu',
      alpha: 0.01,
      l1: null,
      l2: null,
    },
    { type: 'dropout', rate: 0.1 },
    {
      type: 'dense',
      units: 3,
      useBias: true,
      initializer: 'glorot_uniform',
      activation: 'linear',
      alpha: 0.01,
      l1: null,
      l2: null,
    },
  ],
  loss: 'cce',
  l1: 0,
  l2: 1e-4,
  ...extra,
});
const train = blobs(150, 1);
const val = blobs(60, 2);
const opts = (o: Partial<FitOptions> = {}): FitOptions => ({
  epochs: 5,
  batchSize: 16,
  optimizer: { name: 'adam', lr: 0.02 },
  validation: val,
  ...o,
});

async function curve(seed: number) {
  const events: TrainEvent[] = [];
  const t = new Trainer(spec(), { seed });
  await t.fit(train, opts({ onEvent: (e) => events.push(e) }));
  return {
    losses: events.filter((e) => e.type === 'batch').map((e) => e.loss),
    pred: Array.from(t.predict(val.x).data),
  };
}

describe('Trainer.fit', () => {
  it('learns separable blobs', async () => {
    const t = new Trainer(spec(), { seed: 1 });
    const r = await t.fit(train, opts({ epochs: 20 }));
    expect(r.reason).toBe('completed');
    expect(r.history).toHaveLength(20);
    expect(t.evaluate(val).acc).toBeGreaterThan(0.9);
  });

  it('gives bit-identical loss curves and predictions for the same seed', async () => {
    const a = await curve(7);
    const b = await curve(7);
    expect(a.losses).toHaveLength(50);
    expect(a.losses).toEqual(b.losses);
    expect(a.pred).toEqual(b.pred);
  });

  it('gives a different loss curve for a different seed', async () => {
    const a = await curve(7);
    const b = await curve(8);
    expect(a.losses).not.toEqual(b.losses);
  });

  it('emits batch, epoch and done events that survive JSON unchanged', async () => {
    const events: TrainEvent[] = [];
    await new Trainer(spec(), { seed: 1 }).fit(
      train,
      opts({ epochs: 2, onEvent: (e) => events.push(e) }),
    );
    expect(events.map((e) => e.type)).toEqual([
      ...Array(10).fill('batch'),
      'epoch',
      ...Array(10).fill('batch'),
      'epoch',
      'done',
    ]);
    const epoch = events[10]!;
    expect(epoch).toMatchObject({ type: 'epoch', epoch: 1, epochs: 2, lr: 0.02 });
    if (epoch.type !== 'epoch') return;
    expect(Object.keys(epoch.train).sort()).toEqual(['acc', 'loss']);
    expect(epoch.val!.acc).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'completed', epochs: 2 });
  });

  it('keeps the last partial batch', async () => {
    const events: TrainEvent[] = [];
    await new Trainer(spec(), { seed: 1 }).fit(
      train,
      opts({ epochs: 1, batchSize: 40, onEvent: (e) => events.push(e) }),
    );
    expect(
      events.filter((e) => e.type === 'batch').map((e) => (e.type === 'batch' ? e.batches : 0)),
    ).toEqual([4, 4, 4, 4]);
  });

  it('follows the learning-rate schedule per epoch', async () => {
    const r = await new Trainer(spec(), { seed: 1 }).fit(
      train,
      opts({ epochs: 3, schedule: { kind: 'step', every: 1, gamma: 0.5 } }),
    );
    expect(r.history.map((e) => e.lr)).toEqual([0.02, 0.01, 0.005]);
  });

  it('pauses and resumes between batches, then stops on request', async () => {
    const control = new TrainingControl();
    const events: TrainEvent[] = [];
    const fit = new Trainer(spec(), { seed: 1 }).fit(
      train,
      opts({
        epochs: 50,
        control,
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'batch' && e.epoch === 1 && e.batch === 3) control.pause();
          if (e.type === 'batch' && e.epoch === 1 && e.batch === 5) control.stop();
        },
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(events.at(-1)).toEqual({ type: 'paused', epoch: 1, batch: 4 });
    const count = events.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(events.length).toBe(count);
    control.resume();
    const result = await fit;
    expect(result.reason).toBe('stopped');
    expect(events.slice(count)).toEqual([
      { type: 'resumed', epoch: 1, batch: 4 },
      { type: 'batch', epoch: 1, batch: 4, batches: 10, loss: expect.any(Number) },
      { type: 'batch', epoch: 1, batch: 5, batches: 10, loss: expect.any(Number) },
      { type: 'done', reason: 'stopped', epochs: 0, elapsedMs: expect.any(Number) },
    ]);
  });

  it('stops on a NaN loss with an error naming epoch and batch, keeping the last good weights', async () => {
    const bad = { x: matOf(train.x.rows, 2, train.x.data.slice()), y: train.y };
    bad.x.data[2 * 40] = NaN; // row 40 is in batch 3 (batch size 16, no shuffling)
    const t = new Trainer(spec(), { seed: 1 });
    const events: TrainEvent[] = [];
    const r = await t.fit(bad, opts({ epochs: 2, shuffle: false, onEvent: (e) => events.push(e) }));
    expect(r.reason).toBe('diverged');
    const err = events.at(-1)!;
    expect(err).toMatchObject({ type: 'error', code: 'diverged', epoch: 1, batch: 3 });
    expect(err.type === 'error' && err.message).toMatch(
      /epoch 1, batch 3: the (loss|gradient) became NaN/,
    );
    // The same two good batches on clean data give exactly these weights.
    const ref = new Trainer(spec(), { seed: 1 });
    const firstTwo = {
      x: matOf(32, 2, train.x.data.slice(0, 64)),
      y: matOf(32, 3, train.y.data.slice(0, 96)),
    };
    await ref.fit(firstTwo, opts({ epochs: 1, shuffle: false, validation: undefined }));
    expect(t.network.getWeights()).toEqual(ref.network.getWeights());
  });

  it('stops when an exploding learning rate makes the loss infinite, with finite weights', async () => {
    const t = new Trainer(spec({ loss: 'mse', l2: 0 }), { seed: 1 });
    const y = matOf(
      150,
      3,
      train.y.data.map((v) => v * 1e6),
    );
    const r = await t.fit(
      { x: train.x, y },
      opts({ epochs: 50, optimizer: { name: 'sgd', lr: 1e6 }, validation: undefined }),
    );
    expect(r.reason).toBe('diverged');
    expect(r.error).toMatch(/Training diverged in epoch \d+, batch \d+/);
    expect(t.network.params.every((p) => p.value.every(Number.isFinite))).toBe(true);
  });

  it('rejects 0 epochs, quoting the value', async () => {
    await expect(new Trainer(spec()).fit(train, opts({ epochs: 0 }))).rejects.toThrow(
      'epochs must be a whole number ≥ 1, got 0',
    );
  });

  it('rejects a batch size above maxBatch', async () => {
    await expect(new Trainer(spec(), { maxBatch: 8 }).fit(train, opts())).rejects.toThrow(
      'batch size 16 exceeds',
    );
  });

  it('rejects data with the wrong number of features', async () => {
    const x = matOf(150, 3, new Float32Array(450));
    await expect(new Trainer(spec()).fit({ x, y: train.y }, opts())).rejects.toThrow(
      'the training data has 3 features, the model takes 2',
    );
  });

  it('clips gradients when asked and still learns', async () => {
    const t = new Trainer(spec(), { seed: 1 });
    await t.fit(train, opts({ epochs: 10, clipNorm: 0.5 }));
    expect(t.evaluate(val).acc).toBeGreaterThan(0.85);
  });

  for (const name of ['sgd', 'momentum', 'rmsprop', 'adam'] as const) {
    it(`trains with ${name}`, async () => {
      const t = new Trainer(spec(), { seed: 2 });
      await t.fit(
        train,
        opts({
          epochs: 15,
          optimizer: { name, lr: name === 'sgd' || name === 'momentum' ? 0.1 : 0.01 },
        }),
      );
      expect(t.evaluate(val).acc).toBeGreaterThan(0.85);
    });
  }
});

describe('Trainer.predict and evaluate', () => {
  it('predicts probabilities that sum to 1 in chunks larger than maxBatch', () => {
    const t = new Trainer(spec(), { seed: 1, maxBatch: 16 });
    const p = t.predict(val.x);
    expect(p.rows).toBe(60);
    for (let r = 0; r < 60; r++)
      expect(p.data[r * 3]! + p.data[r * 3 + 1]! + p.data[r * 3 + 2]!).toBeCloseTo(1, 5);
  });

  it('reports MAE and R² for regression', async () => {
    const n = 100;
    const x = matOf(
      n,
      2,
      Float32Array.from({ length: 2 * n }, (_, i) => Math.sin(i)),
    );
    const y = matOf(
      n,
      1,
      Float32Array.from({ length: n }, (_, r) => 2 * x.data[2 * r]! - x.data[2 * r + 1]! + 0.5),
    );
    const reg: ModelSpec = {
      inputs: 2,
      layers: [
        {
          type: 'dense',
          units: 1,
          useBias: true,
          initializer: 'zeros',
          activation: 'linear',
          alpha: 0,
          l1: null,
          l2: null,
        },
      ],
      loss: 'mse',
      l1: 0,
      l2: 0,
    };
    const t = new Trainer(reg, { seed: 1 });
    await t.fit({ x, y }, { epochs: 200, batchSize: 20, optimizer: { name: 'adam', lr: 0.05 } });
    const m = t.evaluate({ x, y });
    expect(m.mae).toBeLessThan(0.01);
    expect(m.r2).toBeGreaterThan(0.999);
    expect(m.acc).toBeUndefined();
  });
});

describe('MetricAccumulator', () => {
  it('computes MAE and R² by hand', () => {
    const a = new MetricAccumulator('mse', 1);
    a.add(
      matOf(4, 1, Float32Array.from([1, 2, 3, 5])),
      matOf(4, 1, Float32Array.from([1, 2, 3, 4])),
      0.25,
    );
    const m = a.result();
    expect(m.mae).toBeCloseTo(0.25, 10);
    expect(m.r2).toBeCloseTo(1 - 1 / 5, 10);
    expect(m.loss).toBeCloseTo(0.25, 10);
  });
  it('counts bce accuracy with a 0.5 threshold', () => {
    const a = new MetricAccumulator('bce', 1);
    a.add(
      matOf(4, 1, Float32Array.from([0.9, 0.4, 0.6, 0.1])),
      matOf(4, 1, Float32Array.from([1, 1, 0, 0])),
      0.5,
    );
    expect(a.result().acc).toBe(0.5);
  });
});
