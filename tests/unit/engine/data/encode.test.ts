import { describe, expect, it } from 'vitest';
import {
  decodeTarget,
  encodeRows,
  fitEncoder,
  type FeaturePlan,
} from '../../../../engine/data/encode';
import { encodeRecord } from '../../../../engine/data/predict';
import type { ImputeStrategy, Scaling } from '../../../../engine/data/types';
import { csv, load, prep } from './helpers';

/** x: 1, 2, 3, 100 (row 3 is "test"), and a gap in row 4. */
const TEXT = csv([
  ['x', 'colour', 'y'],
  [1, 'red', 10],
  [2, 'blue', 20],
  [3, 'red', 30],
  [100, 'green', 40],
  ['', '', 50],
]);
const TRAIN = Int32Array.from([0, 1, 2]);

async function fit(impute: ImputeStrategy, scaling: Scaling, fill?: string) {
  const { table } = await load(TEXT);
  const [x, colour, y] = table.columns;
  const plans: FeaturePlan[] = [
    { col: x!, kind: 'integer', impute, fill },
    { col: colour!, kind: 'categorical', impute: 'mostFrequent' },
  ];
  return fitEncoder(plans, y!, 'regression', null, TRAIN, scaling);
}

describe('encoding', () => {
  it('standardizes with the training rows only: a huge test value does not shift the mean', async () => {
    const enc = await fit('mean', 'standardize');
    expect(enc.features[0]).toMatchObject({ center: 2, scale: Math.sqrt(2 / 3) });
    const { x } = encodeRows(enc, Int32Array.from([0, 3]));
    expect(x[0]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 5);
    expect(x[enc.width]).toBeCloseTo(98 / Math.sqrt(2 / 3), 3);
  });

  it('min-max scales with the training range; none leaves values alone', async () => {
    const mm = await fit('mean', 'minmax');
    expect(mm.features[0]).toMatchObject({ center: 1, scale: 2 });
    const none = await fit('mean', 'none');
    expect(encodeRows(none, Int32Array.from([3])).x[0]).toBe(100);
  });

  it('one-hot encodes training categories; an unseen category becomes all zeros', async () => {
    const enc = await fit('mean', 'none');
    expect(enc.featureNames).toEqual(['x', 'colour=blue', 'colour=red']);
    const { x } = encodeRows(enc, Int32Array.from([0, 3]));
    expect(Array.from(x)).toEqual([1, 0, 1, 100, 0, 0]);
  });

  it('fills gaps with the training mean, median, most frequent value or a constant', async () => {
    const at4 = async (s: ImputeStrategy, fill?: string) =>
      encodeRows(await fit(s, 'none', fill), Int32Array.from([4])).x;
    expect((await at4('mean'))[0]).toBe(2);
    expect((await at4('median'))[0]).toBe(2);
    expect((await at4('mostFrequent'))[0]).toBe(1);
    expect((await at4('constant', '-7'))[0]).toBe(-7);
    // the categorical gap takes the most frequent training category
    expect(Array.from((await at4('mean')).slice(1))).toEqual([0, 1]);
  });

  it('scales a regression target with training statistics and maps predictions back to its units', async () => {
    const enc = await fit('mean', 'standardize');
    const { y } = encodeRows(enc, Int32Array.from([0, 1, 2, 3]));
    expect(Array.from(y).map((v) => Math.round(v * 1000) / 1000)).toEqual([
      -1.225, 0, 1.225, 2.449,
    ]);
    expect(decodeTarget(enc, y[3]!)).toBeCloseTo(40, 4);
  });

  it('drops rows with gaps in a column whose strategy is "drop"', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i % 5 === 0 ? 'NA' : (i * 3) % 7, i % 2]);
    const s = (await prep(csv([['x', 'label'], ...rows]), { columns: { x: { impute: 'drop' } } }))
      .summary;
    expect(s.droppedRows.missingFeature).toBe(4);
    expect(s.split!.train + s.split!.validation + s.split!.test).toBe(16);
  });

  it('encodes class labels as indices in class order', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [i * 1.5, ['b', 'a', 'c'][i % 3]!]);
    const p = await prep(csv([['x', 'label'], ...rows]));
    expect(p.summary.target!.classes).toEqual(['a', 'b', 'c']);
    const { y } = encodeRows(p.encoder!, Int32Array.from([0, 1, 2]));
    expect(Array.from(y)).toEqual([1, 0, 2]);
  });
});

describe('encoding a new record at prediction time', () => {
  it('fills gaps, zeroes an unseen category and scales like training', async () => {
    const enc = await fit('mean', 'none');
    expect(Array.from(encodeRecord(enc, { x: '5', colour: 'red' }))).toEqual([5, 0, 1]);
    expect(Array.from(encodeRecord(enc, { x: 'NA', colour: 'purple' }))).toEqual([2, 0, 0]);
    expect(Array.from(encodeRecord(enc, {}))).toEqual([2, 0, 1]);
  });

  it('reports the regression target scale with the encoded rows', async () => {
    const enc = await fit('mean', 'standardize');
    expect(encodeRows(enc, Int32Array.from([0])).targetScale).toEqual({
      mean: 20,
      std: enc.target.task === 'regression' ? enc.target.std : 0,
    });
  });
});
