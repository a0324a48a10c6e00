import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { matOf } from '../../../../engine/backend/backend';
import { Rng } from '../../../../engine/data/rng';
import { Activation } from '../../../../engine/layers/activation';
import { Dense } from '../../../../engine/layers/dense';
import { Dropout } from '../../../../engine/layers/dropout';
import { initialize } from '../../../../engine/layers/init';
import { INITIALIZERS } from '../../../../engine/graph/document';

describe('layer constructors', () => {
  it('rejects a dropout rate of 1', () => {
    expect(() => new Dropout(cpuBackend, 4, 1, new Rng(1), 8)).toThrow(
      'dropout rate must be at least 0 and below 1, got 1',
    );
  });
  it('rejects a negative dropout rate', () => {
    expect(() => new Dropout(cpuBackend, 4, -0.1, new Rng(1), 8)).toThrow('got -0.1');
  });
  it('rejects a Dense layer with 0 units', () => {
    expect(() => new Dense(cpuBackend, 3, { units: 0 }, new Rng(1), 8)).toThrow(
      'Dense units must be a whole number ≥ 1, got 0',
    );
  });
  it('rejects a Dense layer with 2.5 units', () => {
    expect(() => new Dense(cpuBackend, 3, { units: 2.5 }, new Rng(1), 8)).toThrow('got 2.5');
  });
  it('rejects a negative L2 strength', () => {
    expect(() => new Dense(cpuBackend, 3, { units: 2, l2: -1 }, new Rng(1), 8)).toThrow(
      'l2 must be a number ≥ 0, got -1',
    );
  });
  it('rejects a leaky ReLU slope of 2', () => {
    expect(() => new Activation(cpuBackend, 3, 'leaky_relu', 2, 8)).toThrow('got 2');
  });
  it('rejects a batch larger than prepared', () => {
    const d = new Dense(cpuBackend, 2, { units: 2 }, new Rng(1), 2);
    expect(() => d.forward(matOf(3, 2, new Float32Array(6)), false)).toThrow(
      'batch of 3 rows exceeds the prepared 2',
    );
  });
});

describe('Dense', () => {
  it('computes x·W + b with the fused activation', () => {
    const d = new Dense(cpuBackend, 2, { units: 1, activation: 'relu' }, new Rng(1), 4);
    d.W.value.set([2, -1]);
    d.b!.value[0] = 0.5;
    const y = d.forward(matOf(2, 2, Float32Array.from([1, 1, 0, 3])), false);
    expect(Array.from(y.data)).toEqual([1.5, 0]);
  });
  it('initialises biases to zero and has no bias when it is off', () => {
    const d = new Dense(cpuBackend, 3, { units: 2 }, new Rng(1), 4);
    expect(Array.from(d.b!.value)).toEqual([0, 0]);
    expect(
      new Dense(cpuBackend, 3, { units: 2, useBias: false }, new Rng(1), 4).params,
    ).toHaveLength(1);
  });
  it('gives identical weights for the same seed and different ones for another seed', () => {
    const w = (seed: number) => new Dense(cpuBackend, 5, { units: 4 }, new Rng(seed), 1).W.value;
    expect(w(1)).toEqual(w(1));
    expect(w(1)).not.toEqual(w(2));
  });
});

describe('initialisers', () => {
  const stats = (kind: (typeof INITIALIZERS)[number], fanIn: number, fanOut: number) => {
    const w = new Float32Array(40000);
    initialize(w, kind, fanIn, fanOut, new Rng(5));
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const variance = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
    return { mean, variance, max: Math.max(...w.map(Math.abs)) };
  };
  const expected: Record<(typeof INITIALIZERS)[number], number> = {
    glorot_uniform: 2 / (100 + 50),
    glorot_normal: 2 / (100 + 50),
    he_uniform: 2 / 100,
    he_normal: 2 / 100,
    lecun_uniform: 1 / 100,
    lecun_normal: 1 / 100,
    zeros: 0,
  };
  for (const kind of INITIALIZERS) {
    it(`${kind} has variance ${expected[kind].toPrecision(3)} for fan-in 100, fan-out 50`, () => {
      const s = stats(kind, 100, 50);
      expect(Math.abs(s.mean)).toBeLessThan(0.005);
      expect(s.variance).toBeCloseTo(expected[kind], 3);
    });
  }
  it('glorot_uniform stays within ±√(6/(in+out))', () => {
    expect(stats('glorot_uniform', 100, 50).max).toBeLessThanOrEqual(Math.sqrt(6 / 150));
  });
});

describe('Dropout', () => {
  it('keeps the expected activation in training (inverted dropout)', () => {
    const d = new Dropout(cpuBackend, 1000, 0.3, new Rng(2), 10);
    const x = matOf(10, 1000, new Float32Array(10000).fill(1));
    const y = d.forward(x, true);
    expect(y.data.reduce((a, b) => a + b, 0) / 10000).toBeCloseTo(1, 1);
  });
  it('is the identity at evaluation', () => {
    const d = new Dropout(cpuBackend, 3, 0.5, new Rng(2), 2);
    const x = matOf(1, 3, Float32Array.from([1, 2, 3]));
    expect(d.forward(x, false)).toBe(x);
  });
});
