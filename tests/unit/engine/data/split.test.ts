import { describe, expect, it } from 'vitest';
import { splitRows } from '../../../../engine/data/split';
import { prep, sample } from './helpers';

const rows = Int32Array.from({ length: 100 }, (_, i) => i);
const labels = Int32Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : 1)); // sorted, 80/20
const fractions = { train: 0.7, validation: 0.15, test: 0.15 };

describe('splitting', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = splitRows({ rows, fractions, seed: 7, shuffle: true, labels });
    const b = splitRows({ rows, fractions, seed: 7, shuffle: true, labels });
    const c = splitRows({ rows, fractions, seed: 8, shuffle: true, labels });
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
  });

  it('stratifies: every split keeps the 80/20 class proportions of a sorted file', () => {
    const s = splitRows({ rows, fractions, seed: 1, shuffle: true, labels });
    const ones = (p: Int32Array) => Array.from(p).filter((r) => labels[r] === 1).length;
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([70, 15, 15]);
    expect([ones(s.train), ones(s.validation), ones(s.test)]).toEqual([14, 3, 3]);
  });

  it('uses every row exactly once', () => {
    const s = splitRows({ rows, fractions, seed: 3, shuffle: true, labels: null });
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from(rows));
  });

  it('without shuffling keeps file order (the tail becomes the test split)', () => {
    const s = splitRows({ rows, fractions, seed: 3, shuffle: false, labels: null });
    expect(Array.from(s.test)).toEqual(Array.from({ length: 15 }, (_, i) => 85 + i));
  });

  it('splits the wine sample 70/15/15 with all three classes in every split', async () => {
    const s = (await prep(sample('wine'))).summary;
    expect(s.split).toMatchObject({
      train: 124,
      validation: 27,
      test: 27,
      stratified: true,
      seed: 42,
    });
    for (const counts of Object.values(s.split!.classCounts!))
      expect(counts.every((c) => c > 5)).toBe(true);
  });
});
