/**
 * Per-layer diagnostics: the callback's numbers on a tiny net worked by hand, their arrival in
 * the epoch events of a fit, and the vanishing / exploding gradient alert on recorded curves.
 */
import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import { Rng } from '../../../../engine/data/rng';
import { oneHot, type Dataset } from '../../../../engine/data/dataset';
import { ActivationProbe } from '../../../../engine/train/activation-stats';
import { DiagnosticsCallback } from '../../../../engine/train/callbacks/diagnostics';
import type { FitState } from '../../../../engine/train/callbacks/callback';
import type { EpochEvent } from '../../../../engine/train/events';
import { TrainingMonitor } from '../../../../engine/train/monitor/monitor';
import type { Alert, LayerDiagnostics } from '../../../../engine/train/monitor/types';
import { Network } from '../../../../engine/train/network';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer } from '../../../../engine/train/trainer';
import { denseSpec } from './helpers';

/** 2 → Dense(2, ReLU) → Dense(1) with MSE, weights set by hand. */
function tinyNet(): Network {
  const spec: ModelSpec = {
    inputs: 2,
    layers: [
      denseSpec(2, 'relu', ['dense_1', 'activation_1']),
      denseSpec(1, 'linear', ['dense_2']),
    ],
    loss: 'mse',
    l1: 0,
    l2: 0,
  };
  const net = new Network(spec, { seed: 1, maxBatch: 4 });
  // W1 (in × units) = [[1, −1], [0, −1]], b1 = 0; W2 = [[2], [3]], b2 = 0.5.
  net.setWeights([
    Float32Array.of(1, -1, 0, -1),
    Float32Array.of(0, 0),
    Float32Array.of(2, 3),
    Float32Array.of(0.5),
  ]);
  return net;
}

describe('DiagnosticsCallback', () => {
  it('samples every fourth batch by default: the mean is over the sampled ones', () => {
    const net = tinyNet();
    const cb = new DiagnosticsCallback(net);
    const fit = { network: net } as unknown as FitState;
    const x = matOf(1, 2, Float32Array.of(1, 2));
    cb.onEpochBegin();
    net.gradients(x, matOf(1, 1, Float32Array.of(1)));
    cb.onGradients(fit);
    // Batches 2–4 (another target, so other gradients) are not sampled.
    for (let b = 0; b < 3; b++) {
      net.gradients(x, matOf(1, 1, Float32Array.of(-5)));
      cb.onGradients(fit);
    }
    expect(cb.result(net, {})[1]!.gradNorm).toBeCloseTo(Math.sqrt(18), 5);
    expect(() => new DiagnosticsCallback(net, 0)).toThrow(/whole number ≥ 1, got 0/);
  });

  it('matches a hand computation of gradient norms, weight norms and the dead share', () => {
    const net = tinyNet();
    const cb = new DiagnosticsCallback(net, 1);
    const fit = { network: net } as unknown as FitState;
    // x = (1, 2), y = 1: z1 = (1, −3), h = (1, 0), out = 2.5, ∂L/∂out = 2 · 1.5 = 3.
    // Layer 2: ∂W2 = h · 3 = (3, 0), ∂b2 = 3 → ‖g‖ = √18.
    // Layer 1: ∂h = 3 · W2ᵀ = (6, 9), ReLU' = (1, 0) → δ = (6, 0); ∂W1 = xᵀδ = [[6, 0], [12, 0]],
    // ∂b1 = (6, 0) → ‖g‖ = √216. Unit 2 (z = −3) is dead.
    const x = matOf(1, 2, Float32Array.of(1, 2));
    const y = matOf(1, 1, Float32Array.of(1));
    cb.onEpochBegin();
    expect(net.gradients(x, y)).toBeCloseTo(2.25, 6);
    cb.onGradients(fit);
    // A second batch with the same row: the epoch's gradient norm is the mean of the two.
    net.gradients(x, y);
    cb.onGradients(fit);
    const probe = new ActivationProbe(net);
    net.evaluateBatch(x, y);
    probe.add(1);
    const event = { activations: probe.result() } as EpochEvent;
    cb.onEpochEnd(fit, event);
    const [l1, l2] = event.layers!;
    expect(l1).toMatchObject({
      layer: 0,
      nodeId: 'dense_1',
      activationNodeId: 'activation_1',
      fn: 'relu',
      units: 2,
      params: 6,
      deadShare: 0.5,
      saturatedShare: null,
    });
    expect(l1!.gradNorm).toBeCloseTo(Math.sqrt(216), 5);
    expect(l1!.gradRms).toBeCloseTo(Math.sqrt(216) / Math.sqrt(6), 5);
    expect(l1!.weightNorm).toBeCloseTo(Math.sqrt(3), 6);
    expect(l2).toMatchObject({ layer: 1, nodeId: 'dense_2', fn: 'linear', params: 3 });
    expect(l2!.gradNorm).toBeCloseTo(Math.sqrt(18), 5);
    expect(l2!.weightNorm).toBeCloseTo(Math.sqrt(13.25), 6);
    expect(l2!.deadShare).toBeNull();
  });
});

/** Two noisy interleaved spirals, labels 0 / 1 (one-hot). */
function spiral(n: number, seed: number): Dataset {
  const r = new Rng(seed);
  const x = new Float32Array(n * 2);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = (i / n) * 3 * Math.PI + 0.5;
    const a = t + c * Math.PI;
    x[i * 2] = (t / 5) * Math.cos(a) + 0.05 * r.normal();
    x[i * 2 + 1] = (t / 5) * Math.sin(a) + 0.05 * r.normal();
    labels.push(c);
  }
  return { x: matOf(n, 2, x), y: oneHot(labels, 2) };
}

function deepSpec(depth: number, act: 'sigmoid' | 'relu', init: 'he_uniform' | 'glorot_uniform') {
  const layers = Array.from({ length: depth }, (_, i) => ({
    ...denseSpec(16, act, [`dense_${i + 1}`, `activation_${i + 1}`]),
    initializer: init,
  }));
  layers.push({ ...denseSpec(2, 'linear', [`dense_${depth + 1}`]), initializer: init });
  return { inputs: 2, layers, loss: 'cce', l1: 0, l2: 0 } as ModelSpec;
}

async function recorded(spec: ModelSpec, lr: number) {
  const data = spiral(200, 3);
  const trainer = new Trainer(spec, { seed: 2, maxBatch: 32 });
  const events: EpochEvent[] = [];
  const alerts: Alert[] = [];
  await trainer.fit(data, {
    epochs: 8,
    batchSize: 32,
    optimizer: { name: 'sgd', lr },
    validation: spiral(60, 4),
    diagnostics: true,
    onEvent: (e) => {
      if (e.type === 'epoch') events.push(e);
      if (e.type === 'alert') alerts.push(e);
    },
  });
  return { events, alerts };
}

describe('diagnostics in a fit', () => {
  it('puts finite per-layer numbers into every epoch event only when asked', async () => {
    const { events } = await recorded(deepSpec(2, 'relu', 'he_uniform'), 0.1);
    expect(events).toHaveLength(8);
    for (const e of events) {
      expect(e.layers!.map((l) => l.nodeId)).toEqual(['dense_1', 'dense_2', 'dense_3']);
      for (const l of e.layers!) {
        expect(Number.isFinite(l.gradNorm) && l.gradNorm > 0).toBe(true);
        expect(Number.isFinite(l.weightNorm) && l.weightNorm > 0).toBe(true);
      }
    }
    const plain = new Trainer(deepSpec(2, 'relu', 'he_uniform'), { seed: 2, maxBatch: 32 });
    const r = await plain.fit(spiral(64, 3), {
      epochs: 1,
      batchSize: 32,
      optimizer: { name: 'sgd', lr: 0.1 },
    });
    expect(r.history[0]!.layers).toBeUndefined();
  });

  it('raises a vanishing-gradient alert for a deep sigmoid network, naming the first Dense node', async () => {
    const { alerts } = await recorded(deepSpec(8, 'sigmoid', 'glorot_uniform'), 0.1);
    const a = alerts.find((x) => x.kind === 'vanishing_gradient');
    expect(a).toBeDefined();
    expect(a!.message).toMatch(/^Vanishing gradient: for 3 epochs the gradient reaching "dense_1"/);
    expect(a!.evidence.ratio!).toBeLessThanOrEqual(0.01);
    expect(a!.remedies).toContainEqual({
      kind: 'change_activation',
      nodeId: 'activation_1',
      to: 'relu',
    });
    expect(a!.remedies).toContainEqual({
      kind: 'change_init',
      nodeId: 'dense_1',
      to: 'glorot_uniform',
    });
  });

  it('stays silent for a shallow ReLU network with He initialisation', async () => {
    const { alerts } = await recorded(deepSpec(2, 'relu', 'he_uniform'), 0.1);
    expect(alerts.filter((a) => a.kind.endsWith('_gradient'))).toEqual([]);
  });
});

const layer = (i: number, rms: number): LayerDiagnostics => ({
  layer: i,
  nodeId: `dense_${i + 1}`,
  activationNodeId: `activation_${i + 1}`,
  fn: 'tanh',
  units: 8,
  params: 100,
  gradNorm: rms * 10,
  gradRms: rms,
  weightNorm: 1,
  deadShare: null,
  saturatedShare: 0,
});

function replay(curves: number[][]): Alert[] {
  const m = new TrainingMonitor({ baselineLoss: 0.69 });
  return curves.flatMap((rms, e) =>
    m.observe({
      epoch: e + 1,
      trainLoss: 0.6,
      valLoss: 0.6,
      lr: 0.5,
      layers: rms.map((v, i) => layer(i, v)),
    }),
  );
}

describe('vanishing / exploding gradient alert', () => {
  it('fires once the ratio has held for three epochs, naming the worst layer', () => {
    const alerts = replay([
      [0.5, 1, 1],
      [0.004, 0.1, 1],
      [0.003, 0.1, 1],
      [0.002, 0.1, 1],
      [0.001, 0.1, 1],
    ]);
    expect(alerts.map((a) => [a.kind, a.epoch])).toEqual([['vanishing_gradient', 4]]);
    expect(alerts[0]!.message).toContain('"dense_1"');
    expect(alerts[0]!.evidence).toMatchObject({ layer: 0, ratio: 0.002, epochs: 3, sinceEpoch: 2 });
  });

  it('calls a growing gradient exploding and offers a smaller learning rate', () => {
    const alerts = replay([
      [1, 1, 1],
      [90, 5, 0.5],
      [300, 8, 0.5],
      [400, 9, 0.5],
    ]);
    expect(alerts.map((a) => [a.kind, a.epoch])).toEqual([['exploding_gradient', 4]]);
    expect(alerts[0]!.message).toContain('"dense_1"');
    expect(alerts[0]!.remedies).toContainEqual({ kind: 'lower_lr', to: 0.05 });
  });

  it('stays silent for ratios inside the threshold and for a single bad epoch', () => {
    expect(
      replay([
        [0.2, 0.5, 1],
        [0.001, 0.5, 1],
        [0.1, 0.5, 1],
        [0.05, 0.3, 1],
        [0.02, 0.3, 1],
      ]),
    ).toEqual([]);
  });
});

describe('unit alerts name layers by their canvas node', () => {
  it('says which Dense node has the dead ReLUs', () => {
    const m = new TrainingMonitor({ baselineLoss: 0.69 });
    const stats = [
      {
        layer: 2,
        nodeId: 'activation_2',
        denseNodeId: 'dense_2',
        fn: 'relu' as const,
        units: 8,
        samples: 40,
        deadUnits: 6,
        deadShare: 0.75,
        saturatedUnits: 0,
        saturatedShare: 0,
      },
    ];
    const alerts = [1, 2, 3].flatMap((epoch) =>
      m.observe({ epoch, trainLoss: 0.6, valLoss: 0.6, lr: 1, activations: stats }),
    );
    expect(alerts.map((a) => a.kind)).toEqual(['dead_units']);
    expect(alerts[0]!.message).toContain('(75.0 %) in "dense_2" output 0');
    expect(alerts[0]!.remedies).toContainEqual({
      kind: 'change_activation',
      nodeId: 'activation_2',
      to: 'leaky_relu',
    });
  });
});
