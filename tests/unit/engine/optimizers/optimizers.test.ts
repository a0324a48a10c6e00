import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import type { Param } from '../../../../engine/layers/layer';
import {
  Adam,
  makeOptimizer,
  Momentum,
  RmsProp,
  Sgd,
} from '../../../../engine/optimizers/optimizers';
import { checkSchedule, scheduledLr } from '../../../../engine/optimizers/schedules';
import { clipGradients, gradientNorm } from '../../../../engine/optimizers/clip';

const param = (w: number[], g: number[]): Param => ({
  name: 'w',
  value: Float32Array.from(w),
  grad: Float32Array.from(g),
  l1: 0,
  l2: 0,
});
const f32 = (v: number) => Math.fround(v);

describe('optimizer steps match hand-computed updates', () => {
  it('SGD: w − η·g', () => {
    const p = param([1, -2], [0.5, -1]);
    new Sgd([p], cpuBackend, 0.1).step();
    expect(Array.from(p.value)).toEqual([f32(0.95), f32(-1.9)]);
  });

  it('momentum: v = μv + g, w −= ηv over two steps', () => {
    const p = param([1], [1]);
    const o = new Momentum([p], cpuBackend, 0.1, 0.9);
    o.step(); // v = 1, w = 0.9
    o.step(); // v = 1.9, w = 0.9 - 0.19 = 0.71
    expect(p.value[0]).toBeCloseTo(0.71, 6);
  });

  it('Nesterov momentum: w −= η(g + μv)', () => {
    const p = param([1], [1]);
    const o = new Momentum([p], cpuBackend, 0.1, 0.9, true);
    o.step(); // v = 1, w = 1 - 0.1*(1 + 0.9) = 0.81
    o.step(); // v = 1.9, w = 0.81 - 0.1*(1 + 1.71) = 0.539
    expect(p.value[0]).toBeCloseTo(0.539, 6);
  });

  it('RMSprop: s = ρs + (1−ρ)g², w −= ηg/(√s + ε)', () => {
    const p = param([1], [2]);
    const o = new RmsProp([p], cpuBackend, 0.01, 0.9, 1e-8);
    o.step(); // s = 0.4, w = 1 - 0.01*2/sqrt(0.4)
    const w1 = 1 - 0.02 / (Math.sqrt(0.4) + 1e-8);
    expect(p.value[0]).toBeCloseTo(w1, 6);
    o.step(); // s = 0.36 + 0.4 = 0.76
    expect(p.value[0]).toBeCloseTo(w1 - 0.02 / (Math.sqrt(0.76) + 1e-8), 6);
  });

  it('Adam: bias-corrected first and second moments', () => {
    const p = param([1], [0.5]);
    const o = new Adam([p], cpuBackend, 0.1, 0.9, 0.999, 1e-8);
    o.step(); // m̂ = g, v̂ = g² → w = 1 - 0.1 * 0.5/(0.5 + 1e-8)
    expect(p.value[0]).toBeCloseTo(0.9, 6);
    p.grad[0] = -1;
    o.step();
    const m = 0.9 * 0.05 + 0.1 * -1;
    const v = 0.999 * 0.00025 + 0.001 * 1;
    const w2 = 0.9 - (0.1 * (m / (1 - 0.81))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    expect(p.value[0]).toBeCloseTo(w2, 6);
    expect(o.steps).toBe(2);
  });
});

describe('optimizer hyper-parameters', () => {
  it('rejects a learning rate of 0, quoting it', () => {
    expect(() => new Sgd([], cpuBackend, 0)).toThrow('learning rate must be a number > 0, got 0');
  });
  it('rejects a momentum of 1', () => {
    expect(() => new Momentum([], cpuBackend, 0.1, 1)).toThrow(
      'momentum must be at least 0 and below 1, got 1',
    );
  });
  it('rejects an Adam beta2 of 1.5', () => {
    expect(() => new Adam([], cpuBackend, 0.1, 0.9, 1.5)).toThrow('got 1.5');
  });
  it('rejects a negative RMSprop epsilon', () => {
    expect(() => new RmsProp([], cpuBackend, 0.1, 0.9, -1)).toThrow(
      'epsilon must be a number > 0, got -1',
    );
  });
  it('rejects an unknown optimizer name', () => {
    expect(() => makeOptimizer({ name: 'lion' as 'sgd', lr: 0.1 }, [], cpuBackend)).toThrow(
      '"lion"',
    );
  });
});

describe('learning-rate schedules', () => {
  it('step decays by γ every k epochs', () => {
    const s = { kind: 'step', every: 2, gamma: 0.5 } as const;
    expect([0, 1, 2, 3, 4].map((e) => scheduledLr(s, 1, e))).toEqual([1, 1, 0.5, 0.5, 0.25]);
  });
  it('exponential decays by γ each epoch', () => {
    expect(scheduledLr({ kind: 'exponential', gamma: 0.9 }, 2, 2)).toBeCloseTo(1.62, 10);
  });
  it('cosine goes from η0 to ηmin over E epochs', () => {
    const s = { kind: 'cosine', epochs: 10, minLr: 0.1 } as const;
    expect(scheduledLr(s, 1, 0)).toBe(1);
    expect(scheduledLr(s, 1, 5)).toBeCloseTo(0.55, 10);
    expect(scheduledLr(s, 1, 10)).toBeCloseTo(0.1, 10);
    expect(scheduledLr(s, 1, 12)).toBeCloseTo(0.1, 10);
  });
  it('constant keeps η0', () => expect(scheduledLr({ kind: 'constant' }, 0.3, 7)).toBe(0.3));
  it('rejects a step schedule with gamma 0', () => {
    expect(() => checkSchedule({ kind: 'step', every: 1, gamma: 0 })).toThrow(
      'gamma must be in (0, 1], got 0',
    );
  });
});

describe('gradient-norm clipping', () => {
  it('scales all gradients to the maximum norm', () => {
    const a = param([0, 0], [3, 0]);
    const b = param([0], [4]);
    const norm = gradientNorm([a, b], cpuBackend);
    expect(norm).toBe(5);
    clipGradients([a, b], cpuBackend, 1, norm);
    expect(Array.from(a.grad)).toEqual([f32(0.6), 0]);
    expect(b.grad[0]).toBeCloseTo(0.8, 6);
  });
  it('leaves small gradients alone', () => {
    const a = param([0], [0.5]);
    clipGradients([a], cpuBackend, 1, 0.5);
    expect(a.grad[0]).toBe(0.5);
  });
  it('rejects a clip norm of 0', () => {
    expect(() => clipGradients([], cpuBackend, 0, 1)).toThrow('got 0');
  });
});
