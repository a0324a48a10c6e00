import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import { Rng } from '../../../../engine/data/rng';
import { oneHot } from '../../../../engine/data/dataset';
import { Network } from '../../../../engine/train/network';
import type { LayerSpec, ModelSpec } from '../../../../engine/train/spec';
import type { ActivationKind } from '../../../../engine/backend/backend';
import type { Dropout } from '../../../../engine/layers/dropout';
import type { Backend } from '../../../../engine/backend/backend';
import { gradientCheck, referenceLoss } from '../reference';
import { runnable } from '../backend/backends';

const TOL = 1e-3;

function data(rows: number, cols: number, seed: number) {
  const r = new Rng(seed);
  return matOf(
    rows,
    cols,
    Float32Array.from({ length: rows * cols }, () => r.uniform(-1.5, 1.5)),
  );
}
const dense = (
  units: number,
  activation: ActivationKind = 'linear',
  extra: Partial<LayerSpec> = {},
): LayerSpec =>
  ({
    type: 'dense',
    units,
    useBias: true,
    initializer: 'glorot_uniform',
    activation,
    alpha: 0.1,
    l1: null,
    l2: null,
    ...extra,
  }) as LayerSpec;

/**
 * A network on `backend` whose `gradients` leaves every gradient current on the host (the
 * reference reads them there; a device backend would otherwise keep them on the device).
 */
function onBackend(
  backend: Backend,
  spec: Partial<ModelSpec> & Pick<ModelSpec, 'layers' | 'loss'>,
  seed = 3,
): Network {
  const n = new Network({ inputs: 4, l1: 0, l2: 0, ...spec }, { seed, maxBatch: 8, backend });
  // Non-zero biases so their gradients are exercised away from symmetric points.
  const r = new Rng(seed + 100);
  for (const p of n.params) {
    if (p.name.endsWith('.b')) p.value.forEach((_, i) => (p.value[i] = r.uniform(-0.3, 0.3)));
    backend.upload(p.value);
  }
  const gradients = n.gradients.bind(n);
  n.gradients = (x, y) => {
    const loss = gradients(x, y);
    for (const p of n.params) backend.download(p.grad);
    return loss;
  };
  return n;
}
const x = data(5, 4, 1);
const yCls = oneHot([0, 2, 1, 2, 0], 3);
const yReg = data(5, 2, 2);
const yBin = matOf(5, 1, Float32Array.from([1, 0, 0, 1, 1]));

describe.each(runnable())(
  'gradients on %s match finite differences of a float64 reference',
  (_name, backend) => {
    const net = (spec: Parameters<typeof onBackend>[1], seed?: number) =>
      onBackend(backend, spec, seed);
    for (const a of ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu'] as const) {
      it(`Dense with fused ${a}`, () => {
        expect(
          gradientCheck(net({ layers: [dense(6, a), dense(2)], loss: 'mse' }), x, yReg),
        ).toBeLessThan(TOL);
      });
      it(`standalone ${a} Activation layer`, () => {
        const layers: LayerSpec[] = [dense(6), { type: 'activation', fn: a, alpha: 0.2 }, dense(2)];
        expect(gradientCheck(net({ layers, loss: 'mse' }), x, yReg)).toBeLessThan(TOL);
      });
    }

    it('Dense without bias', () => {
      expect(
        gradientCheck(
          net({
            layers: [dense(5, 'tanh', { useBias: false }), dense(2, 'linear', { useBias: false })],
            loss: 'mse',
          }),
          x,
          yReg,
        ),
      ).toBeLessThan(TOL);
    });

    it('softmax + categorical cross-entropy', () => {
      expect(
        gradientCheck(net({ layers: [dense(6, 'tanh'), dense(3)], loss: 'cce' }), x, yCls),
      ).toBeLessThan(TOL);
    });

    it('sigmoid + binary cross-entropy', () => {
      expect(
        gradientCheck(net({ layers: [dense(6, 'relu'), dense(1)], loss: 'bce' }), x, yBin),
      ).toBeLessThan(TOL);
    });

    it('mean squared error', () => {
      expect(gradientCheck(net({ layers: [dense(2)], loss: 'mse' }), x, yReg)).toBeLessThan(TOL);
    });

    it('the L2 term λ·Σw² (model-wide λ)', () => {
      expect(
        gradientCheck(
          net({ layers: [dense(6, 'tanh'), dense(3)], loss: 'cce', l2: 0.05 }),
          x,
          yCls,
        ),
      ).toBeLessThan(TOL);
    });

    it('the L1 term λ·Σ|w| with a per-layer override', () => {
      const n = net({ layers: [dense(6, 'tanh', { l1: 0.03 }), dense(3)], loss: 'cce', l1: 0.01 });
      expect(n.params.map((p) => p.l1)).toEqual([0.03, 0, 0.01, 0]);
      expect(gradientCheck(n, x, yCls)).toBeLessThan(TOL);
    });

    it('dropout with a fixed mask', () => {
      const n = net({
        layers: [dense(6, 'relu'), { type: 'dropout', rate: 0.4 }, dense(3)],
        loss: 'cce',
      });
      const drop = n.layers[1] as Dropout;
      n.gradients(x, yCls);
      const first = drop.currentMask.slice(0, 30);
      expect(first.some((v) => v === 0)).toBe(true);
      expect(first.every((v) => v === 0 || Math.abs(v - 1 / 0.6) < 1e-6)).toBe(true);
      drop.freezeMask = true;
      expect(gradientCheck(n, x, yCls)).toBeLessThan(TOL);
      expect(drop.currentMask.slice(0, 30)).toEqual(first);
    });

    it('reports the same loss as the reference', () => {
      const n = net({ layers: [dense(6, 'sigmoid'), dense(3)], loss: 'cce', l2: 0.01 });
      const loss = n.gradients(x, yCls) + n.penalty();
      const ref = referenceLoss(
        n,
        n.params.map((p) => Float64Array.from(p.value)),
        x,
        yCls,
        [],
      );
      expect(loss).toBeCloseTo(ref, 5);
    });
  },
);

describe.each(runnable())('dropout at evaluation on %s', (_name, backend) => {
  const net = (spec: Parameters<typeof onBackend>[1], seed?: number) =>
    onBackend(backend, spec, seed);
  it('is the identity outside training', () => {
    const n = net({
      layers: [dense(6, 'relu'), { type: 'dropout', rate: 0.5 }, dense(2)],
      loss: 'mse',
    });
    const predict = (m: Network) => {
      const p = m.predictBatch(x);
      backend.download(p.data);
      return p.data.slice();
    };
    const a = predict(n);
    expect(predict(n)).toEqual(a);
    const noDrop = new Network(
      { inputs: 4, l1: 0, l2: 0, layers: [dense(6, 'relu'), dense(2)], loss: 'mse' },
      { seed: 3, maxBatch: 8, backend },
    );
    noDrop.setWeights(n.getWeights());
    expect(predict(noDrop)).toEqual(a);
  });
});
