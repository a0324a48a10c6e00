import { describe, expect, it } from 'vitest';
import { BoundaryWatcher } from '../../../../../electron/backend/training/boundary-watch';
import {
  SEED_VALUES_MAX,
  SeedModels,
  keepsSeeds,
} from '../../../../../electron/backend/training/boundary-seeds';
import { weightMatrices } from '../../../../../electron/backend/training/boundary-weights';
import type { FromWorker } from '../../../../../electron/backend/training/protocol';
import type { BoundaryFrame } from '../../../../../electron/contract/boundary';
import { Trainer } from '../../../../../engine/train/trainer';
import type { LayerSpec, ModelSpec } from '../../../../../engine/train/spec';
import { Rng } from '../../../../../engine/data/rng';

const dense = (units: number, ids: string[], useBias = true): LayerSpec => ({
  type: 'dense',
  units,
  useBias,
  initializer: 'glorot_uniform',
  activation: 'tanh',
  alpha: 0.01,
  l1: null,
  l2: null,
  nodeIds: ids,
});
const spec: ModelSpec = {
  inputs: 2,
  layers: [dense(6, ['dense_1', 'activation_1']), dense(1, ['dense_2'])],
  loss: 'bce',
  l1: 0,
  l2: 0,
};
const rng = new Rng(7);
const n = 80;
const x = { rows: n, cols: 2, data: Float32Array.from({ length: n * 2 }, () => rng.normal()) };
const y = {
  rows: n,
  cols: 1,
  data: Float32Array.from({ length: n }, (_, r) =>
    x.data[2 * r]! * x.data[2 * r + 1]! > 0 ? 1 : 0,
  ),
};
const data = { train: { x, y }, validation: null, classNames: ['a', 'b'] };
const watch = {
  plane: { kind: 'features' as const, x: 0, y: 1 },
  nodeId: null,
  columns: null,
  targetStd: 1,
  targetMean: 0,
};
const final = (seed: number) => ({
  seed,
  epochs: 9,
  trainLoss: 0.1 * seed,
  valLoss: null,
  trainAcc: 0.9,
  valAcc: null,
});

/** A watcher on a run's trainer, with three seeds' networks (different initial weights). */
function watched() {
  const frames: Omit<BoundaryFrame, 'runId'>[] = [];
  const w = new BoundaryWatcher((m: FromWorker) => {
    if (m.type === 'boundary') frames.push(m.frame);
  });
  w.attach(new Trainer(spec, { seed: 1 }), data);
  const models = [11, 12, 13].map((seed) => ({
    weights: new Trainer(spec, { seed }).network.getWeights(),
    final: final(seed),
  }));
  const seeds = new SeedModels(spec, models, (s) => new Trainer(s));
  return { w, frames, models, seeds };
}

describe('the boundary of each seed', () => {
  it("paints the chosen seed's network, names it, and lists every seed's final metrics", () => {
    const { w, frames, models, seeds } = watched();
    w.set({ ...watch, seed: null });
    w.setSeeds(seeds);
    w.set({ ...watch, seed: 1 });
    const run = frames[1]!;
    const seed1 = frames[2]!;
    expect(run.seeds).toEqual({ shown: null, list: models.map((m) => m.final) });
    expect(seed1.seeds?.shown).toBe(1);
    expect(seed1.epoch).toBe(9);
    // The same picture as a network that wears seed 12's weights from the start.
    const alone = new BoundaryWatcher((m) => m.type === 'boundary' && frames.push(m.frame));
    alone.attach(new Trainer(spec, { seed: 12 }), data);
    alone.set(watch);
    expect(seed1.prob).toBe(frames.at(-1)!.prob);
    expect(seed1.prob).not.toBe(run.prob);
  });

  it('shows the run again for an index it does not have, and forgets the seeds on a new run', () => {
    const { w, frames, seeds } = watched();
    w.setSeeds(seeds);
    w.set({ ...watch, seed: 7 });
    expect(frames.at(-1)!.seeds?.shown).toBeNull();
    w.attach(new Trainer(spec, { seed: 1 }), data);
    w.set({ ...watch, seed: 0 });
    expect(frames.at(-1)!.seeds).toBeNull();
  });

  it('keeps seeds of small networks only', () => {
    expect(keepsSeeds(1000, 5)).toBe(true);
    expect(keepsSeeds(SEED_VALUES_MAX / 5 + 1, 5)).toBe(false);
  });
});

describe('weight matrices for the canvas edges', () => {
  const net = new Trainer(
    { ...spec, layers: [dense(3, ['d1', 'a1']), dense(40, ['d2'], false), dense(1, ['d3'])] },
    { seed: 2 },
  ).network;
  const weights = net.getWeights();
  const layers = weightMatrices(net.spec, weights, 32);

  it('names each kernel by its Dense node, row-major inputs × units, with its bias', () => {
    expect(layers.map((l) => [l.nodeId, l.inputs, l.units])).toEqual([
      ['d1', 2, 3],
      ['d2', 3, 40],
      ['d3', 40, 1],
    ]);
    const w = weights[0]!;
    expect(layers[0]!.w![1 * 3 + 2]).toBeCloseTo(w[1 * 3 + 2]!, 4);
    expect(layers[0]!.b).toHaveLength(3);
    expect(layers[0]!.maxAbs).toBeCloseTo(Math.max(...Array.from(w, Math.abs)), 4);
  });

  it('leaves out the values of layers wider than asked, but keeps their scale', () => {
    expect(layers[1]!.w).toBeNull();
    expect(layers[2]!.w).toBeNull();
    expect(layers[1]!.maxAbs).toBeGreaterThan(0);
  });

  it('stops at weights that do not fit the network', () => {
    expect(weightMatrices(net.spec, [new Float32Array(5)], 32)).toEqual([]);
  });
});
