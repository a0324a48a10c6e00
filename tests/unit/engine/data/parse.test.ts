import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../../engine/data/csv/parse';
import { detectDialect } from '../../../../engine/data/csv/dialect';
import { isNonFiniteNumber, parseNumber } from '../../../../engine/data/csv/cells';
import { checkTable, MAX_CELLS, MAX_COLUMNS } from '../../../../engine/data/csv/builder';
import type { RawTable } from '../../../../engine/data/csv/parse';

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

  it('tells numbers without a finite value from words', () => {
    const yes = [
      '1e309',
      '-1e309',
      '+1E400',
      'Infinity',
      '-infinity',
      'inf',
      '-INF',
      '-nan',
      '9'.repeat(400),
    ];
    expect(yes.filter((c) => !isNonFiniteNumber(c, false))).toEqual([]);
    expect(isNonFiniteNumber('1,5e999', true)).toBe(true);
    const no = ['1e308', '1e-400', 'information', 'infant', 'nan', 'x1e309', '0x1F', ''];
    expect(no.filter((c) => isNonFiniteNumber(c, false))).toEqual([]);
  });

  it('refuses a file with too many columns at its first line, naming the count and the limit', async () => {
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, j) => `c${j}`).join(',');
    await expect(parseTable(`\n${wide}\n1\n`, { file: 'w.csv' })).rejects.toMatchObject({
      message:
        '"w.csv" line 2 has 20,001 columns; Layerlab reads at most 20,000. Keep the columns you need (in a spreadsheet or with a script) and open the file again.',
      details: { problem: 'too-many-columns', line: 2, columns: 20_001, limit: 20_000 },
    });
    const ok = Array.from({ length: MAX_COLUMNS }, (_, j) => `c${j}`).join(',');
    const t = await parseTable(`${ok}\n${ok.replace(/c/g, '')}\n`, { file: 'w.csv' });
    expect(t.columns.length).toBe(MAX_COLUMNS);
  });

  it('refuses a table with more cells than it can keep', () => {
    const table = {
      file: 'big.csv',
      rows: MAX_CELLS / 256 + 1,
      columns: new Array(256),
      badRowCount: 0,
    };
    expect(() => checkTable(table as unknown as RawTable, false)).toThrow(
      /"big\.csv" has more than 268,435,456 cells \(rows × 256 columns\)/,
    );
  });

  it('reads decimals exactly as Number() does (the fast path included)', () => {
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let i = 0; i < 50_000; i++) {
      const digits = Math.floor(rand() * 10);
      const s = (rand() * 10 ** Math.floor(rand() * 12) * (rand() < 0.5 ? -1 : 1)).toFixed(digits);
      expect(parseNumber(s, false)).toBe(Number(s));
    }
    for (const s of [
      '1.',
      '.5',
      '-.5',
      '+3',
      '007',
      '1e5',
      '9007199254740993',
      '1234567890123456.5',
      '-0',
    ])
      expect(parseNumber(s, false), s).toBe(Number(s));
    for (const s of ['1.2.3', '.', '-', '+', '1-2']) expect(parseNumber(s, false), s).toBeNaN();
  });

  it('keeps line numbers right across quoted newlines and while pausing for progress', async () => {
    const lines = ['a,b,label'];
    for (let i = 0; i < 30_000; i++) lines.push(i === 10 ? '1,"x\ny",0' : `${i},${i % 7},${i % 2}`);
    lines.push('1,2');
    const progress: number[] = [];
    const err = await parseTable(lines.join('\n'), {
      file: 'big.csv',
      yieldMs: 0,
      chunkChars: 997,
      yieldTo: () => new Promise((r) => setTimeout(r, 0)),
      onProgress: (f) => progress.push(f),
    }).catch((e: Error) => e);
    // 30 000 data rows + header, one of which spans two lines: the short row is on line 30 003.
    expect((err as Error).message).toContain('line 30003 has 2');
    expect(progress.length).toBeGreaterThan(2);
  });

  it('gives the same table in small pieces as in one, quotes and line breaks in fields included', async () => {
    const text = [
      'a,b,label',
      ...Array.from({ length: 20_000 }, (_, i) =>
        i % 7 ? `${i},"q,${i}",${i % 3}` : `${i},"say ""hi""\r\nagain ${i}",${i % 3}`,
      ),
    ].join('\r\n');
    const plain = await parseTable(text, { file: 'a.csv' });
    const paused = await parseTable(text, {
      file: 'a.csv',
      chunkChars: 333,
      yieldMs: 0,
      yieldTo: () => Promise.resolve(),
    });
    expect(paused.rows).toBe(20_000);
    expect(paused.columns[1]!.text(19_998)).toBe('q,19998');
    expect(Array.from(paused.lines)).toEqual(Array.from(plain.lines));
    expect(paused.lines[20_000 - 1]).toBe(20_000 + 1 + Math.ceil(19_999 / 7));
    expect(paused.columns[1]!.text(7)).toBe('say "hi"\r\nagain 7');
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
