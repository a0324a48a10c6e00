import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from '../../../../renderer/src/plural';

describe('plural', () => {
  it('says one thing in the singular', () => {
    expect(plural(1, 'unit')).toBe('1 unit');
    expect(plural(1, 'class', 'classes')).toBe('1 class');
  });

  it('says zero and many in the plural', () => {
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(2, 'epoch')).toBe('2 epochs');
    expect(plural(3, 'class', 'classes')).toBe('3 classes');
  });

  it('gives the word alone for counts written with separators', () => {
    expect(`${(1234).toLocaleString('en-US')} ${pluralWord(1234, 'param')}`).toBe('1,234 params');
    expect(pluralWord(1, 'param')).toBe('param');
  });

  it('treats minus one as one', () => {
    expect(plural(-1, 'step')).toBe('-1 step');
  });
});
