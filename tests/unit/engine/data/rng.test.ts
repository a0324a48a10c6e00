import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../engine/data/rng';

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 5 }, () => a.nextU32())).toEqual(
      Array.from({ length: 5 }, () => b.nextU32()),
    );
  });
  it('gives a different sequence for a different seed', () => {
    expect(new Rng(1).float()).not.toBe(new Rng(2).float());
  });
  it('draws floats in [0, 1) with mean near 1/2', () => {
    const r = new Rng(7);
    let s = 0;
    for (let i = 0; i < 10000; i++) {
      const v = r.float();
      expect(v >= 0 && v < 1).toBe(true);
      s += v;
    }
    expect(s / 10000).toBeCloseTo(0.5, 1);
  });
  it('draws normals with mean 0 and variance 1', () => {
    const r = new Rng(9);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
  });
  it('shuffles to a permutation, reproducibly', () => {
    const a = Int32Array.from({ length: 20 }, (_, i) => i);
    const b = a.slice();
    new Rng(3).shuffle(a);
    new Rng(3).shuffle(b);
    expect(a).toEqual(b);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
  it('rejects a seed that is not a finite number', () => {
    expect(() => new Rng(NaN)).toThrow('seed must be a finite number, got NaN');
  });
});
