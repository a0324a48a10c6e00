import { describe, expect, it } from 'vitest';
import { csv, load, prep } from './helpers';

const kinds = async (text: string) => (await load(text)).inferred.map((i) => i.kind);

describe('column inference', () => {
  it('tells numeric, integer, boolean and categorical columns apart', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      i * 0.5 + 0.25,
      i % 4,
      i % 2,
      ['red', 'green', 'blue'][i % 3]!,
      i % 3,
    ]);
    expect(await kinds(csv([['x', 'n', 'flag', 'colour', 'label'], ...rows]))).toEqual([
      'numeric',
      'integer',
      'boolean',
      'categorical',
      'integer',
    ]);
  });

  it('reads yes/no words as boolean', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i % 2 ? 'Yes' : 'no', i]);
    expect((await kinds(csv([['b', 'label'], ...rows])))[0]).toBe('boolean');
  });

  it('excludes a row counter and an ID column as identifiers, with the reason', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [
      i + 1,
      `user-${i * 7}`,
      (i * 37) % 11,
      i % 2,
    ]);
    const s = (await prep(csv([['row', 'customer_id', 'x', 'label'], ...rows]))).summary;
    expect(s.columns.slice(0, 2).map((c) => [c.kind, c.role])).toEqual([
      ['identifier', 'excluded'],
      ['identifier', 'excluded'],
    ]);
    expect(s.columns[0]!.reason).toContain('a different value in every row');
  });

  it('keeps a unique but unordered integer measurement as a feature', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [(i * 7919) % 1000, i % 2]);
    expect((await kinds(csv([['weight', 'label'], ...rows])))[0]).toBe('integer');
  });

  it('excludes constant, free-text and date columns, saying why', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      5,
      `note ${i} about ${i * 13}`,
      `2023-02-${(i % 28) + 1}`,
      (i * 7) % 30,
      i % 2,
    ]);
    const s = (await prep(csv([['c', 'note', 'day', 'x', 'label'], ...rows]))).summary;
    expect(s.columns.slice(0, 3).map((c) => c.kind)).toEqual(['constant', 'text', 'date']);
    expect(s.columns.slice(0, 3).every((c) => c.role === 'excluded' && c.reason)).toBe(true);
    expect(s.encoding.featureNames).toEqual(['x']);
  });

  it('treats a few stray words in a numeric column as missing and counts them', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i === 7 ? 'oops' : i + 0.5, i % 2]);
    const s = (await prep(csv([['x', 'label'], ...rows]))).summary;
    expect(s.columns[0]).toMatchObject({ kind: 'numeric', invalid: 1, role: 'feature' });
  });

  it('keeps a column with infinite and overflowing numbers numeric, counting them apart', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      i < 12 ? ['1e309', '-inf'][i % 2]! : i % 5,
      i % 2,
    ]);
    rows[20]![0] = 'oops';
    const loaded = await load(csv([['x', 'label'], ...rows]));
    expect(loaded.inferred[0]).toMatchObject({
      kind: 'integer',
      invalid: 1,
      firstInvalidRow: 20,
      nonFinite: 12,
      nonFiniteRows: [0, 1, 2, 3, 4],
    });
  });

  it('keeps "inf" a word in a text column', async () => {
    const words = ['inf', 'sup', 'max', 'min'];
    const rows = Array.from({ length: 40 }, (_, i) => [words[i % 4]!, i % 2]);
    const loaded = await load(csv([['bound', 'label'], ...rows]));
    expect(loaded.inferred[0]).toMatchObject({ kind: 'categorical', nonFinite: 0, distinct: 4 });
  });

  it('counts NA, N/A, NaN, null, ? and blanks as missing', async () => {
    const s = (
      await prep(
        csv([
          ['x', 'label'],
          ['NA', 0],
          ['n/a', 1],
          ['NaN', 0],
          ['NULL', 1],
          ['?', 0],
          ['', 1],
          [3, 0],
          [4, 1],
        ]),
      )
    ).summary;
    expect(s.columns[0]!.missing).toBe(6);
  });

  it('lets the user override a kind and leave a column out', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i % 4, i * 1.5, i % 2]);
    const s = (
      await prep(csv([['code', 'x', 'label'], ...rows]), {
        columns: { code: { kind: 'categorical' }, x: { use: false } },
      })
    ).summary;
    expect(s.columns[0]).toMatchObject({
      kind: 'categorical',
      inferredKind: 'integer',
      role: 'feature',
    });
    expect(s.columns[1]).toMatchObject({ role: 'excluded', reason: 'left out by you' });
    expect(s.encoding.featureNames).toEqual(['code=0', 'code=1', 'code=2', 'code=3']);
  });
});

describe('target and task', () => {
  it('takes the last column as target; few distinct integers mean classification', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i, i % 3]);
    const s = (await prep(csv([['x', 'label'], ...rows]))).summary;
    expect(s.target).toMatchObject({
      name: 'label',
      task: 'classification',
      classes: ['0', '1', '2'],
      classCounts: [7, 7, 6],
    });
  });

  it('infers regression for a real-valued target and keeps class names of a text target', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i, i * 1.7, ['cat', 'dog'][i % 2]!]);
    const r = (await prep(csv([['x', 'y', 'animal'], ...rows]), { target: 'y' })).summary;
    expect(r.target).toMatchObject({ name: 'y', task: 'regression', classes: null });
    const c = (await prep(csv([['x', 'y', 'animal'], ...rows]))).summary;
    expect(c.target).toMatchObject({ task: 'classification', classes: ['cat', 'dog'] });
  });

  it('lets the user force the task', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i, i % 3]);
    const s = (await prep(csv([['x', 'label'], ...rows]), { task: 'regression' })).summary;
    expect(s.target!.task).toBe('regression');
  });

  it('rejects a target column that does not exist, naming the columns', async () => {
    await expect(
      prep(
        csv([
          ['a', 'b'],
          [1, 2],
          [3, 4],
        ]),
        { target: 'zzz' },
      ),
    ).rejects.toThrow('"test.csv" has no column "zzz"; its columns are a, b.');
  });
});
