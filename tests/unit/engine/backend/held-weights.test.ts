/**
 * Predictions and evaluations on held weights (packed once per prediction, bias and ReLU applied
 * as the product is stored): the same bits as the ordinary product + bias + activation on every
 * kernel variant, on one thread and two, and never from a copy of weights that have changed since.
 */
import { describe, expect, it } from 'vitest';
import { matOf, type Mat } from '../../../../engine/backend/backend';
import { CpuBackend, type CpuKernel } from '../../../../engine/backend/cpu/cpu-backend';
import { Rng } from '../../../../engine/data/rng';
import { sliceRows } from '../../../../engine/train/batches';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer } from '../../../../engine/train/trainer';
import { backendCases } from './backends';
import { threadedBackend } from './threaded';

const dense = (
  units: number,
  activation: 'relu' | 'linear' | 'sigmoid',
  useBias = true,
): ModelSpec['layers'][number] => ({
  type: 'dense',
  units,
  useBias,
  initializer: 'glorot_uniform',
  activation,
  alpha: 0,
  l1: null,
  l2: null,
});

// Every store the packed product has (bias + ReLU, ReLU without bias, bias, neither), widths
// that are not a multiple of 8, and a sigmoid layer that keeps the ordinary path.
const spec: ModelSpec = {
  inputs: 37,
  layers: [
    dense(40, 'relu'),
    dense(21, 'relu', false),
    dense(20, 'sigmoid'),
    dense(12, 'linear', false),
    dense(10, 'linear'),
  ],
  loss: 'cce',
  l1: 0,
  l2: 0,
};
/** Layers the packed product serves (all but the sigmoid one). */
const PACKED_LAYERS = 4;

// Rows 200 floats wide (copied in 1024 bytes apart for the fixed-stride kernel), then 128 and
// 256 wide (read in place by the fixed-stride kernels of 512 and 1024 bytes).
const wide: ModelSpec = {
  inputs: 200,
  layers: [dense(128, 'relu'), dense(256, 'relu', false), dense(10, 'linear')],
  loss: 'cce',
  l1: 0,
  l2: 0,
};

function rows(n: number, seed: number, cols = 37): Mat {
  const r = new Rng(seed);
  return matOf(
    n,
    cols,
    Float32Array.from({ length: n * cols }, () => r.uniform(-2, 2)),
  );
}

function labels(n: number): Mat {
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) y[i * 10 + ((i * 7) % 10)] = 1;
  return matOf(n, 10, y);
}

/** The bits of the predictions chunk by chunk, on the ordinary product (no hold). */
function unheld(trainer: Trainer, x: Mat): number[] {
  const net = trainer.network;
  const out: number[] = [];
  for (let s = 0; s < x.rows; s += net.maxBatch) {
    const p = net.predictBatch(sliceRows(x, s, Math.min(net.maxBatch, x.rows - s)));
    out.push(...new Uint32Array(p.data.slice().buffer));
  }
  return out;
}

const bits = (m: Mat): number[] => Array.from(new Uint32Array(m.data.slice().buffer));

const kernels = (): CpuKernel[] => {
  const ks = backendCases().flatMap((c) =>
    c.backend instanceof CpuBackend && c.backend.kernel !== 'js' ? [c.backend.kernel] : [],
  );
  return [...new Set(ks)];
};

describe('predictions on held weights', () => {
  for (const kernel of kernels()) {
    for (const [name, net, packed] of [
      ['narrow', spec, PACKED_LAYERS],
      ['wide', wide, 3],
    ] as const) {
      it(`give the ordinary product's bits, packing each matrix once per prediction (${kernel}, ${name})`, () => {
        const be = new CpuBackend({ kernel });
        const trainer = new Trainer(net, { backend: be, seed: 4, maxBatch: 64 });
        const x = rows(203, 1, net.inputs);
        const p = trainer.predict(x);
        expect(be.weightsPacked).toBe(packed);
        expect(bits(p)).toEqual(unheld(trainer, x));
        // Rows the backend allocated are read where they lie instead of being copied in.
        const resident = be.alloc(203, net.inputs);
        resident.data.set(x.data);
        expect(bits(trainer.predict(resident))).toEqual(bits(p));
      });

      it(`give the same bits on two threads as on one (${kernel}, ${name})`, () => {
        const two = threadedBackend(kernel);
        const one = new CpuBackend({ kernel });
        const x = rows(203, 2, net.inputs);
        const a = new Trainer(net, { backend: two, seed: 5, maxBatch: 64 });
        const b = new Trainer(net, { backend: one, seed: 5, maxBatch: 64 });
        expect(bits(a.predict(x))).toEqual(bits(b.predict(x)));
        expect(two.weightsPacked).toBe(packed);
        two.dispose();
      });
    }
  }

  it('use the new weights after an optimizer step, never the copy packed before it', async () => {
    const be = new CpuBackend({ kernel: 'simd' });
    const trainer = new Trainer(spec, { backend: be, seed: 6, maxBatch: 64 });
    const x = rows(150, 3);
    const first = bits(trainer.predict(x));
    await trainer.fit(
      { x, y: labels(150) },
      { epochs: 1, batchSize: 50, optimizer: { name: 'adam', lr: 1e-2 }, batchEvery: 0 },
    );
    const after = bits(trainer.predict(x));
    expect(after).not.toEqual(first);
    expect(after).toEqual(unheld(trainer, x));
  });

  it('use weights written from outside (setWeights) at the next prediction', () => {
    const be = new CpuBackend({ kernel: 'simd' });
    const a = new Trainer(spec, { backend: be, seed: 7, maxBatch: 64 });
    const b = new Trainer(spec, { backend: be, seed: 8, maxBatch: 64 });
    const x = rows(100, 4);
    const own = bits(a.predict(x));
    a.network.setWeights(b.network.getWeights());
    const replaced = bits(a.predict(x));
    expect(replaced).not.toEqual(own);
    expect(replaced).toEqual(bits(b.predict(x)));
  });

  it('keep the packed copy for the whole hold, with the bits a fresh pack gives', () => {
    const be = new CpuBackend({ kernel: 'simd' });
    const trainer = new Trainer(spec, { backend: be, seed: 9, maxBatch: 64 });
    const net = trainer.network;
    const x = rows(64, 5);
    be.holdWeights(true);
    const packed = be.weightsPacked;
    const once = bits(net.predictBatch(x));
    const kept = bits(net.predictBatch(x));
    expect(be.weightsPacked - packed).toBe(PACKED_LAYERS);
    be.holdWeights(false);
    be.holdWeights(true);
    const fresh = bits(net.predictBatch(x));
    be.holdWeights(false);
    expect(be.weightsPacked - packed).toBe(2 * PACKED_LAYERS);
    expect(kept).toEqual(once);
    expect(fresh).toEqual(once);
  });

  it('leave one-row predictions on the ordinary product (nothing packed)', () => {
    const be = new CpuBackend({ kernel: 'simd' });
    const trainer = new Trainer(spec, { backend: be, seed: 10, maxBatch: 64 });
    const x = rows(1, 6);
    const p = trainer.predict(x);
    expect(be.weightsPacked).toBe(0);
    expect(bits(p)).toEqual(unheld(trainer, x));
  });

  it('evaluate to the same loss and accuracy as without holding', () => {
    const held = new CpuBackend({ kernel: 'simd' });
    const plain = new CpuBackend({ kernel: 'simd' });
    (plain as { holdWeights?: unknown }).holdWeights = undefined;
    const data = { x: rows(180, 7), y: labels(180) };
    const a = new Trainer(spec, { backend: held, seed: 11, maxBatch: 64 }).evaluate(data);
    const b = new Trainer(spec, { backend: plain, seed: 11, maxBatch: 64 }).evaluate(data);
    expect(held.weightsPacked).toBe(PACKED_LAYERS);
    expect(a).toEqual(b);
  });
});
