/**
 * Sensitivity to initialisation (band statistics), Monte-Carlo dropout and the loss landscape
 * slice, on small seeded data.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../engine/data/rng';
import {
  filterNormalizedDirection,
  lossLandscape,
  LANDSCAPE_MAX_PARAMS,
} from '../../../../engine/train/landscape';
import { mcDropout } from '../../../../engine/train/mc-dropout';
import { band, meanSd, seedList } from '../../../../engine/train/seeds';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer } from '../../../../engine/train/trainer';
import { blobs, denseSpec, mlp } from './helpers';

describe('band statistics', () => {
  it('gives the mean and the sample standard deviation', () => {
    const s = meanSd([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0, n: 1 });
    expect(meanSd([NaN, 2, 4]).mean).toBe(3);
  });

  it('summarises curves of different lengths epoch by epoch', () => {
    const b = band([
      [1, 0.5, 0.25],
      [3, 1.5],
      [2, 1, null],
    ]);
    expect(b.mean).toEqual([2, 1, 0.25]);
    expect(b.sd[0]).toBeCloseTo(1, 12);
    expect(b.sd[1]).toBeCloseTo(0.5, 12);
    expect(b.sd[2]).toBe(0);
    expect(b.n).toEqual([3, 3, 1]);
  });

  it('lists consecutive seeds and refuses a bad count', () => {
    expect(seedList(42, 5)).toEqual([42, 43, 44, 45, 46]);
    expect(() => seedList(1, 0)).toThrow(/from 1 to 50, got 0/);
  });

  it('different seeds end at different losses: the band has width', async () => {
    const finals: number[] = [];
    for (const seed of seedList(1, 3)) {
      const t = new Trainer(mlp(2, 8, 3), { seed, maxBatch: 16 });
      const r = await t.fit(blobs(60, 5), {
        epochs: 3,
        batchSize: 16,
        optimizer: { name: 'sgd', lr: 0.1 },
      });
      finals.push(r.history.at(-1)!.train.loss);
    }
    expect(meanSd(finals).sd).toBeGreaterThan(0);
  });
});

const withDropout = (rate: number): ModelSpec => ({
  inputs: 2,
  layers: [
    denseSpec(16, 'relu', ['dense_1', 'activation_1']),
    ...(rate > 0 ? [{ type: 'dropout' as const, rate, nodeIds: ['dropout_1'] }] : []),
    denseSpec(3, 'linear', ['dense_2']),
  ],
  loss: 'cce',
  l1: 0,
  l2: 0,
});

async function trained(spec: ModelSpec) {
  const t = new Trainer(spec, { seed: 3, maxBatch: 32 });
  const data = blobs(90, 6);
  await t.fit(data, { epochs: 5, batchSize: 32, optimizer: { name: 'adam', lr: 0.01 } });
  return { weights: t.network.getWeights(), data, trainer: t };
}

describe('Monte-Carlo dropout', () => {
  it('gives identical passes for the same seed and a spread above 0 with dropout', async () => {
    const { weights, data } = await trained(withDropout(0.5));
    const a = mcDropout(withDropout(0.5), weights, data, { passes: 20, seed: 9 });
    const b = mcDropout(withDropout(0.5), weights, data, { passes: 20, seed: 9 });
    expect(Array.from(a.mean)).toEqual(Array.from(b.mean));
    expect(Array.from(a.sd)).toEqual(Array.from(b.sd));
    expect(a.meanSd).toBeGreaterThan(0);
    const c = mcDropout(withDropout(0.5), weights, data, { passes: 20, seed: 10 });
    expect(Array.from(c.mean)).not.toEqual(Array.from(a.mean));
  });

  it('has no spread without dropout, and its mean is the normal prediction', async () => {
    const { weights, data, trainer } = await trained(withDropout(0));
    const r = mcDropout(withDropout(0), weights, data, { passes: 5, seed: 9 });
    expect(r.meanSd).toBe(0);
    expect(r.disagreement).toBe(0);
    const p = trainer.predict(data.x).data;
    for (let i = 0; i < p.length; i++) expect(r.mean[i]).toBeCloseTo(p[i]!, 6);
  });

  it('refuses a pass count outside 1–1000', async () => {
    const { weights, data } = await trained(withDropout(0.5));
    expect(() => mcDropout(withDropout(0.5), weights, data, { passes: 0, seed: 1 })).toThrow(
      /passes must be a whole number from 1 to 1000, got 0/,
    );
  });
});

describe('loss landscape', () => {
  it('equals the trained loss at α = 0 and keeps the weights', async () => {
    const { trainer, data } = await trained(withDropout(0.5));
    const before = trainer.network.getWeights();
    const l = lossLandscape(trainer.network, data, 1, { seed: 4, steps: 11 });
    expect(l.alphas[5]).toBe(0);
    expect(l.center).toBeCloseTo(trainer.evaluate(data).loss, 5);
    expect(l.losses).toHaveLength(11);
    // Away from the minimum the loss is higher at both ends.
    expect(l.losses[0]!).toBeGreaterThan(l.center);
    expect(l.losses[10]!).toBeGreaterThan(l.center);
    expect(trainer.network.getWeights()).toEqual(before);
  });

  it('includes the L2 penalty, and a 2-D grid is centred on the trained loss too', async () => {
    const spec = { ...withDropout(0), l2: 0.01 };
    const { trainer, data } = await trained(spec);
    const l = lossLandscape(trainer.network, data, 2, { seed: 4, steps: 5 });
    expect(l.losses).toHaveLength(25);
    expect(l.losses[12]).toBe(l.center);
    expect(l.center).toBeCloseTo(trainer.evaluate(data).loss, 5);
  });

  it('normalises each unit of the direction to that unit’s weight norm; biases get none', async () => {
    const { trainer } = await trained(withDropout(0));
    const net = trainer.network;
    const d = filterNormalizedDirection(net, new Rng(1));
    const W = net.params[0]!.value;
    const cols = 16;
    for (let j = 0; j < cols; j++) {
      let dn = 0;
      let wn = 0;
      for (let i = 0; i < 2; i++) {
        dn += d[0]![i * cols + j]! ** 2;
        wn += W[i * cols + j]! ** 2;
      }
      expect(Math.sqrt(dn)).toBeCloseTo(Math.sqrt(wn), 5);
    }
    expect(Array.from(d[1]!).every((v) => v === 0)).toBe(true);
  });

  it('refuses networks above the parameter limit, naming both counts', () => {
    const t = new Trainer(mlp(200, 128, 3), { seed: 1 });
    expect(() => lossLandscape(t.network, blobs(3, 1), 1, { seed: 1 })).toThrow(
      new RegExp(`at most ${LANDSCAPE_MAX_PARAMS} parameters; this one has 26115`),
    );
  });
});
