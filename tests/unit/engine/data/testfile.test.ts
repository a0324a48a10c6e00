import { describe, expect, it } from 'vitest';
import { encodeRows } from '../../../../engine/data/encode';
import { DEFAULT_OPTIONS } from '../../../../engine/data/options';
import { prepare } from '../../../../engine/data/pipeline';
import { csv, load } from './helpers';

const train = csv([
  ['x', 'colour', 'label'],
  ...Array.from({ length: 40 }, (_, i) => [
    i % 10,
    ['red', 'blue'][i % 2]!,
    ['a', 'b'][(i >> 1) % 2]!,
  ]),
]);

describe('a separate test file', () => {
  it('becomes the test split, encoded with the training statistics and categories', async () => {
    const test = csv([
      ['label', 'colour', 'x', 'extra'],
      ['a', 'green', 100, 1],
      ['b', 'red', 0, 2],
      ['a', 'blue', 5, 3],
    ]);
    const p = prepare(
      await load(train, 'train.csv'),
      { ...DEFAULT_OPTIONS, scaling: 'none' },
      await load(test, 'test.csv'),
    );
    expect(p.summary.split).toMatchObject({
      train: 33,
      validation: 7,
      test: 3,
      testFile: { name: 'test.csv', rows: 3, leftOut: 0 },
    });
    const enc = encodeRows(p.test!.encoder, p.test!.rows);
    // columns matched by name; the unseen "green" encodes as zeros; x is not refitted.
    expect(Array.from(enc.x)).toEqual([100, 0, 0, 0, 0, 1, 5, 1, 0]);
    expect(Array.from(enc.y)).toEqual([0, 1, 0]);
    expect(p.summary.split!.classCounts!.test).toEqual([2, 1]);
  });

  it('leaves out test rows with a class the training file lacks, and says so', async () => {
    const test = csv([
      ['x', 'colour', 'label'],
      [1, 'red', 'a'],
      [2, 'red', 'zebra'],
      [3, 'blue', ''],
    ]);
    const p = prepare(await load(train), DEFAULT_OPTIONS, await load(test, 'test.csv'));
    expect(p.summary.split!.testFile).toMatchObject({ rows: 1, leftOut: 2 });
    expect(p.summary.findings.find((f) => f.id === 'test-unknown-classes')!.detail).toContain(
      '1 rows of "test.csv" have class "zebra"',
    );
  });

  it('refuses a test file without a column the training file uses, naming it', async () => {
    const test = csv([
      ['x', 'label'],
      [1, 'a'],
    ]);
    await expect(
      (async () =>
        prepare(await load(train, 'train.csv'), DEFAULT_OPTIONS, await load(test, 'test.csv')))(),
    ).rejects.toThrow('The test file "test.csv" has no column "colour", which "train.csv" uses.');
  });

  it('counts test rows that repeat a training row, and drops them on request', async () => {
    const loaded = await load(train, 'train.csv');
    const test = await load(
      csv([
        ['x', 'colour', 'label'],
        [0, 'red', 'a'],
        [1, 'blue', 'a'],
        [99, 'red', 'b'],
      ]),
      'test.csv',
    );
    const p = prepare(loaded, DEFAULT_OPTIONS, test);
    expect(p.summary.findings.find((f) => f.id === 'duplicates-across-splits')).toBeDefined();
    const dropped = prepare(loaded, { ...DEFAULT_OPTIONS, dropDuplicates: true }, test);
    expect(dropped.summary.split!.testFile!.rows).toBeLessThan(3);
    expect(dropped.summary.findings.map((f) => f.id)).not.toContain('duplicates-across-splits');
  });
});
