import { describe, expect, it } from 'vitest';
import {
  applyStandardizer,
  encodeClasses,
  encodeNumbers,
  fitStandardizer,
  parseCsv,
  splitTarget,
} from '../../../../engine/data/csv';
import { matOf } from '../../../../engine/backend/backend';
import { oneHot, takeRows } from '../../../../engine/data/dataset';

const text = 'a,b,label\n1,2,cat\n3,4,dog\n\n5,6,cat\n';

describe('CSV loading', () => {
  it('splits numeric features from the target column', () => {
    const t = splitTarget(parseCsv(text), 'label');
    expect(t.features).toEqual(['a', 'b']);
    expect(Array.from(t.x.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.target).toEqual(['cat', 'dog', 'cat']);
  });
  it('uses the target wherever it sits', () => {
    const t = splitTarget(parseCsv('y,a\n1,10\n2,20\n'), 'y');
    expect(Array.from(t.x.data)).toEqual([10, 20]);
  });
  it('names a missing target column and lists the columns', () => {
    expect(() => splitTarget(parseCsv(text), 'species')).toThrow(
      'has no column "species"; its columns are a, b, label',
    );
  });
  it('names the row and column of a non-numeric feature', () => {
    expect(() => splitTarget(parseCsv('a,label\n1,x\noops,y\n'), 'label', 'train.csv')).toThrow(
      'train.csv row 3, column "a": "oops" is not a number',
    );
  });
  it('rejects a row with a missing cell', () => {
    expect(() => parseCsv('a,b\n1\n')).toThrow('row 2 has 1 cells, the header has 2');
  });
  it('rejects an empty file', () => {
    expect(() => parseCsv('')).toThrow('is empty');
  });
  it('sorts numeric classes numerically and maps test labels to the training classes', () => {
    const e = encodeClasses(['10', '2', '2', '1']);
    expect(e.classes).toEqual(['1', '2', '10']);
    expect(Array.from(e.labels)).toEqual([2, 1, 1, 0]);
    expect(() => encodeClasses(['3'], e.classes)).toThrow(
      'target value "3" is not one of the classes 1, 2, 10',
    );
  });
  it('reads a numeric regression target', () => {
    expect(Array.from(encodeNumbers(['1.5', '-2']))).toEqual([1.5, -2]);
    expect(() => encodeNumbers(['x'])).toThrow('target "x" is not a number');
  });
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
