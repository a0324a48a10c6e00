import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import {
  applyStandardizer,
  fitStandardizer,
  oneHot,
  takeRows,
} from '../../../../engine/data/dataset';

describe('standardizing', () => {
  it('standardises with the training mean and population std', () => {
    const x = matOf(2, 2, Float32Array.from([1, 5, 3, 5]));
    const s = fitStandardizer(x);
    expect(Array.from(s.mean)).toEqual([2, 5]);
    expect(Array.from(s.std)).toEqual([1, 1]);
    applyStandardizer(x, s);
    expect(Array.from(x.data)).toEqual([-1, 0, 1, 0]);
  });
});

describe('dataset helpers', () => {
  it('one-hot encodes labels and rejects a label out of range', () => {
    expect(Array.from(oneHot([1, 0], 2).data)).toEqual([0, 1, 1, 0]);
    expect(() => oneHot([2], 2)).toThrow('label 2 of row 0 is not in 0..1');
  });
  it('takes rows by index', () => {
    expect(Array.from(takeRows(matOf(3, 1, Float32Array.from([7, 8, 9])), [2, 0]).data)).toEqual([
      9, 7,
    ]);
  });
});
