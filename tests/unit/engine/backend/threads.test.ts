/**
 * Whole training steps on two threads: products split by rows and optimizer updates split by
 * ranges (every one, however small, in these backends) give the weights one thread gives, bit
 * for bit, for each optimizer with its state in the backend's memory.
 */
import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import { CpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { Rng } from '../../../../engine/data/rng';
import type { OptimizerConfig } from '../../../../engine/optimizers/optimizers';
import { Trainer } from '../../../../engine/train/trainer';
import type { ModelSpec } from '../../../../engine/train/spec';
import { threadedBackend } from './threaded';

const dense = (units: number, activation: 'relu' | 'linear') => ({
  type: 'dense' as const,
  units,
  useBias: true,
  initializer: 'glorot_uniform' as const,
  activation,
  alpha: 0,
  l1: null,
  l2: null,
});
const spec: ModelSpec = {
  inputs: 36,
  layers: [dense(64, 'relu'), dense(32, 'relu'), dense(10, 'linear')],
  loss: 'cce',
  l1: 0,
  l2: 1e-4,
};

function data(rows: number) {
  const r = new Rng(9);
  const x = Float32Array.from({ length: rows * 36 }, () => r.uniform(-1, 1));
  const y = new Float32Array(rows * 10);
  for (let i = 0; i < rows; i++) y[i * 10 + (i % 10)] = 1;
  return { x: matOf(rows, 36, x), y: matOf(rows, 10, y) };
}

async function weights(backend: CpuBackend, optimizer: OptimizerConfig): Promise<number[][]> {
  const trainer = new Trainer(spec, { backend, seed: 3, maxBatch: 32 });
  await trainer.fit(data(100), { epochs: 2, batchSize: 32, optimizer, batchEvery: 0 });
  return trainer.network.getWeights().map((w) => Array.from(new Uint32Array(w.buffer)));
}

describe('training on two threads', () => {
  const two = threadedBackend('simd');
  const one = new CpuBackend({ kernel: 'simd' });
  for (const optimizer of [
    { name: 'adam', lr: 1e-2 },
    { name: 'rmsprop', lr: 1e-3 },
    { name: 'momentum', lr: 1e-2, nesterov: true },
  ] as OptimizerConfig[]) {
    it(`ends with the weights of one thread, bit for bit (${optimizer.name})`, async () => {
      expect(two.threads).toBe(2);
      const a = await weights(two, optimizer);
      const b = await weights(one, optimizer);
      expect(a).toEqual(b);
      // The weights did move: the comparison is not between two untouched initialisations.
      const init = new Trainer(spec, { backend: one, seed: 3, maxBatch: 32 }).network.getWeights();
      expect(Array.from(new Uint32Array(init[0]!.buffer))).not.toEqual(a[0]);
    });
  }
});
