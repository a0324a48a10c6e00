import { describe, expect, it } from 'vitest';
import {
  columnValues,
  fileLine,
  formatNumber,
  readyLine,
} from '../../../../../renderer/panels/data/format';
import { shapeOf } from '../../../../../renderer/store/data';
import { prep, sample } from '../../../engine/data/helpers';

describe('Data panel words', () => {
  it('describes the file on one line, as the preview header shows it', async () => {
    const s = (await prep(sample('wine'), undefined, 'wine.csv')).summary;
    expect(fileLine(s)).toBe('wine.csv · 178 rows · 14 columns · 11.0 KB · delimiter “,”');
  });

  it('says what the accepted dataset is: classes, inputs and split', async () => {
    const s = (await prep(sample('iris'), undefined, 'iris.csv')).summary;
    expect(readyLine(s)).toBe(
      'Using iris.csv: 3 classes (0, 1, 2), 4 inputs; stratified split 104 train / 23 validation / 23 test (seed 42).',
    );
    expect(shapeOf(s)).toEqual({ name: 'iris.csv', features: 4, classes: 3, trainRows: 104 });
  });

  it('shows statistics for numbers and top categories otherwise', async () => {
    const s = (await prep('c,x,label\nred,1.5,0\nblue,2.5,1\nred,3.5,0\nred,4.5,1\n')).summary;
    expect(columnValues(s.columns[1]!)).toBe('min 1.50 · max 4.50 · mean 3 · std 1.12');
    expect(columnValues(s.columns[0]!)).toBe('red (3), blue (1)');
    expect([formatNumber(1234.5), formatNumber(0.01234), formatNumber(7)]).toEqual([
      '1235',
      '0.0123',
      '7',
    ]);
  });
});
