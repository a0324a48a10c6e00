import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../../../../electron/backend/training/predict';
import type { Encoder } from '../../../../../engine/data/encode';

const encoder = {
  features: [
    {
      name: 'size',
      kind: 'numeric',
      fill: 10,
      categories: null,
      index: null,
      center: 10,
      scale: 2,
    },
    {
      name: 'colour',
      kind: 'categorical',
      fill: 'red',
      categories: ['blue', 'red'],
      index: new Map([
        ['blue', 0],
        ['red', 1],
      ]),
      center: 0,
      scale: 1,
    },
    { name: 'shiny', kind: 'boolean', fill: 0, categories: null, index: null, center: 0, scale: 1 },
  ],
  plans: [],
  width: 4,
  featureNames: ['size', 'colour=blue', 'colour=red', 'shiny'],
  scaling: 'standardize',
  target: { task: 'regression', col: null, mean: 0, std: 1 },
} as unknown as Encoder;

describe('encoding a typed row', () => {
  it('scales numbers with the training statistics, one-hot encodes categories and reads booleans', () => {
    expect(encodeRecord(encoder, { size: '14', colour: 'blue', shiny: 'yes' })).toEqual({
      features: [2, 1, 0, 1],
      notes: [],
    });
  });

  it('fills empty cells with the imputed value', () => {
    expect(encodeRecord(encoder, {}).features).toEqual([0, 0, 1, 0]);
  });

  it('says when a value is unreadable or a category unseen, instead of failing', () => {
    const r = encodeRecord(encoder, { size: 'big', colour: 'green' });
    expect(r.features).toEqual([0, 0, 0, 0]);
    expect(r.notes).toEqual([
      'size: "big" is not a number, so the typical value 10.00 was used.',
      '"green" was never seen in colour during training: it counts as none of the known categories.',
    ]);
  });

  it('reads a decimal comma', () => {
    expect(encodeRecord(encoder, { size: '11,5' }).features[0]).toBeCloseTo(0.75);
  });
});
