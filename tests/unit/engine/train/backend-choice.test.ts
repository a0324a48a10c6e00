/**
 * Training on the gpu.js backend (under xvfb-run; skipped with a message without a GL context)
 * and the automatic backend choice, on W-tiny of the shared benchmark: iris raw, 4-16-3 ReLU,
 * softmax + cross-entropy, Adam lr 0.01, batch 16, 100 epochs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matOf, type Backend } from '../../../../engine/backend/backend';
import { cpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { oneHot, type Dataset } from '../../../../engine/data/dataset';
import { chooseBackend, type GpuOption } from '../../../../engine/train/backend-choice';
import type { ModelSpec } from '../../../../engine/train/spec';
import { Trainer } from '../../../../engine/train/trainer';
import { gpuBackend } from '../backend/backends';
import { GpuBackend } from '../../../../engine/backend/gpu/gpu-backend';

const fixtures = path.resolve(__dirname, '../../../fixtures/engine');
function iris(split: 'train' | 'test'): { data: Dataset; labels: number[] } {
  const rows = readFileSync(path.join(fixtures, `iris_${split}.csv`), 'utf8')
    .trim()
    .split('\n');
  const cells = rows.slice(1).map((l) => l.split(',').map(Number));
  const labels = cells.map((c) => c[4]!);
  const x = matOf(cells.length, 4, Float32Array.from(cells.flatMap((c) => c.slice(0, 4))));
  return { data: { x, y: oneHot(labels, 3) }, labels };
}

const W_TINY: ModelSpec = {
  inputs: 4,
  loss: 'cce',
  l1: 0,
  l2: 0,
  layers: [16, 3].map((units, i) => ({
    type: 'dense' as const,
    units,
    useBias: true,
    initializer: 'glorot_uniform' as const,
    activation: i === 0 ? ('relu' as const) : ('linear' as const),
    alpha: 0,
    l1: null,
    l2: null,
  })),
};
const train = iris('train');
const test = iris('test');

async function testAccuracy(backend: Backend): Promise<number> {
  const trainer = new Trainer(W_TINY, { backend, seed: 1, maxBatch: 64 });
  await trainer.fit(train.data, {
    epochs: 100,
    batchSize: 16,
    optimizer: { name: 'adam', lr: 0.01 },
    batchEvery: 0,
    monitor: false,
  });
  return trainer.evaluate(test.data).acc!;
}

const gpu = gpuBackend();

describe('training W-tiny on the gpu.js backend', () => {
  it.skipIf(gpu === null)(
    'reaches the CPU backend’s test accuracy with the same seed (within 1 point)',
    async () => {
      const cpuAcc = await testAccuracy(cpuBackend);
      const gpuAcc = await testAccuracy(gpu!);
      console.info(`W-tiny test accuracy: CPU ${cpuAcc}, ${gpu!.name} ${gpuAcc}`);
      expect(cpuAcc).toBeGreaterThan(0.9);
      expect(Math.abs(gpuAcc - cpuAcc)).toBeLessThanOrEqual(0.01);
    },
    60_000,
  );
});

describe('the automatic backend choice', () => {
  const request = (gpuOption: () => GpuOption | string) => ({
    spec: W_TINY,
    train: train.data,
    batchSize: 16,
    optimizer: { name: 'adam' as const, lr: 0.01 },
    cpu: cpuBackend,
    gpu: gpuOption,
    now: () => performance.now(),
  });
  const realGpu = (): GpuOption | string => {
    const b = new GpuBackend();
    return { backend: b, ...b.info };
  };

  it('picks the CPU for W-tiny here, with the measured reason (or says gpu.js has no GL)', () => {
    const choice = chooseBackend({ preference: 'auto', ...request(realGpu) });
    expect(choice.kind).toBe('cpu');
    console.info(`auto for W-tiny: ${choice.reason}`);
    if (gpu !== null)
      expect(choice.reason).toMatch(
        /^CPU [\d.]+ ms\/step vs gpu\.js HeadlessGLKernel \(.+\) [\d.]+ ms\/step: the CPU is faster$/,
      );
    else expect(choice.reason).toMatch(/not available \(no GL context: gpu\.js would fall back/);
  });

  it('picks gpu.js when it measures faster', () => {
    // A virtual clock: each matrix product "takes" 0.5 ms on the CPU and 0.05 ms on gpu.js, so
    // the choice does not depend on how busy the machine is.
    let clock = 0;
    const costing = (name: string, ms: number): Backend =>
      Object.assign(Object.create(cpuBackend) as Backend, {
        name,
        matmul(...args: Parameters<Backend['matmul']>) {
          clock += ms;
          cpuBackend.matmul(...args);
        },
      });
    const fakeGpu: GpuOption = {
      backend: costing('fake-gpu', 0.05),
      kernel: 'WebGL2Kernel',
      renderer: 'test',
      gl: true,
    };
    const choice = chooseBackend({
      preference: 'auto',
      ...request(() => fakeGpu),
      cpu: costing('slow-cpu', 0.5),
      now: () => clock,
    });
    expect(choice.kind).toBe('gpu');
    expect(choice.reason).toMatch(
      /^CPU [\d.]+ ms\/step vs gpu\.js WebGL2Kernel \(test\) [\d.]+ ms\/step: gpu\.js is faster$/,
    );
  });

  it('never takes a WebAssembly fallback for a GPU, and refuses a forced gpu without GL', () => {
    const wasm: GpuOption = {
      backend: cpuBackend,
      kernel: 'WebAssemblyKernel',
      renderer: 'WebAssembly on the CPU',
      gl: false,
    };
    expect(chooseBackend({ preference: 'auto', ...request(() => wasm) }).kind).toBe('cpu');
    expect(() => chooseBackend({ preference: 'gpu', ...request(() => wasm) })).toThrow(
      'The gpu.js backend is not available: no GL context: gpu.js would fall back to WebAssemblyKernel, which runs on the CPU',
    );
    expect(chooseBackend({ preference: 'cpu', ...request(() => wasm) }).reason).toBe(
      'CPU chosen by the user',
    );
  });
});
