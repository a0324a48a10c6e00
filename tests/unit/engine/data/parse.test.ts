import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../../engine/data/csv/parse';
import { detectDialect } from '../../../../engine/data/csv/dialect';
import { parseNumber } from '../../../../engine/data/csv/cells';

describe('reading CSV text', () => {
  it('detects comma, semicolon and tab delimiters and a decimal comma', () => {
    expect(detectDialect('a,b\n1,2\n')).toMatchObject({ delimiter: ',', decimalComma: false });
    expect(detectDialect('a;b\n1,5;2\n3,25;4\n')).toMatchObject({
      delimiter: ';',
      decimalComma: true,
    });
    expect(detectDialect('a\tb\n1.5\t2\n')).toMatchObject({ delimiter: '\t', decimalComma: false });
  });

  it('reads only plain decimal numbers', () => {
    expect([
      parseNumber('-1.5e3', false),
      parseNumber('.5', false),
      parseNumber('1,5', true),
    ]).toEqual([-1500, 0.5, 1.5]);
    expect(
      [parseNumber('0x1F', false), parseNumber('Infinity', false), parseNumber('abc', false)].every(
        Number.isNaN,
      ),
    ).toBe(true);
  });

  it('keeps line numbers right across quoted newlines and while pausing for progress', async () => {
    const lines = ['a,b,label'];
    for (let i = 0; i < 30_000; i++) lines.push(i === 10 ? '1,"x\ny",0' : `${i},${i % 7},${i % 2}`);
    lines.push('1,2');
    const progress: number[] = [];
    const err = await parseTable(lines.join('\n'), {
      file: 'big.csv',
      yieldMs: 0,
      yieldTo: () => new Promise((r) => setTimeout(r, 0)),
      onProgress: (f) => progress.push(f),
    }).catch((e: Error) => e);
    // 30 000 data rows + header, one of which spans two lines: the short row is on line 30 003.
    expect((err as Error).message).toContain('line 30003 has 2');
    expect(progress.length).toBeGreaterThan(2);
  });

  it('gives the same table whether or not it pauses', async () => {
    const text = [
      'a,b,label',
      ...Array.from({ length: 20_000 }, (_, i) => `${i},"q,${i}",${i % 3}`),
    ].join('\r\n');
    const plain = await parseTable(text, { file: 'a.csv' });
    const paused = await parseTable(text, {
      file: 'a.csv',
      yieldMs: 0,
      yieldTo: () => Promise.resolve(),
    });
    expect(paused.rows).toBe(20_000);
    expect(paused.columns[1]!.text(19_999)).toBe('q,19999');
    expect(Array.from(paused.lines)).toEqual(Array.from(plain.lines));
  });

  it('skips rows with the wrong number of fields when asked, listing their lines', async () => {
    const t = await parseTable('a,b\n1,2\n3\n4,5,6\n7,8\n', { file: 'x.csv', skipBadRows: true });
    expect(t.rows).toBe(2);
    expect(t.badRows).toEqual([
      { line: 3, fields: 1 },
      { line: 4, fields: 3 },
    ]);
  });
});
