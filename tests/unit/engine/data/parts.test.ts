/**
 * A file parsed in parts (one per thread) and joined must be the very table a sequential parse
 * gives: same columns, cells, line numbers, statistics, bad rows and messages.
 */
import { describe, expect, it } from 'vitest';
import { Column } from '../../../../engine/data/csv/column';
import { parseTable, type RawTable } from '../../../../engine/data/csv/parse';
import {
  mergeParts,
  presetFromHead,
  tableFromData,
  tableToData,
  type TablePart,
} from '../../../../engine/data/csv/parts';
import { summaryM2, summaryMean } from '../../../../engine/data/csv/summary';

/** Parses `text` cut at the line breaks after the given character offsets, then joins. */
async function inParts(text: string, at: number[], skipBadRows = false): Promise<RawTable> {
  const preset = presetFromHead(text);
  if (!preset) throw new Error('no preset');
  const nl = preset.dialect.newline;
  const cuts = [0, ...at.map((a) => text.indexOf(nl, a) + 1), text.length];
  if (cuts.some((c, i) => i > 0 && c <= cuts[i - 1]!)) throw new Error(`bad cuts ${cuts}`);
  const parts: TablePart[] = [];
  let lineOffset = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const piece = text.slice(cuts[k], cuts[k + 1]);
    const table = await parseTable(piece, {
      file: 'f.csv',
      skipBadRows,
      preset: { ...preset, headerRow: k === 0, lastPart: k + 2 === cuts.length },
      chunkChars: 64,
    });
    // Through plain data and back, as across threads.
    parts.push({ table: tableFromData(tableToData(table)), lineOffset });
    lineOffset += piece.split(nl).length - 1;
  }
  return mergeParts(parts, skipBadRows);
}

function cells(t: RawTable): string[][] {
  return Array.from({ length: t.rows }, (_, r) => t.columns.map((c) => c.text(r)));
}

function expectSame(a: RawTable, b: RawTable): void {
  expect(a.header).toEqual(b.header);
  expect(a.hasHeader).toBe(b.hasHeader);
  expect(a.rows).toBe(b.rows);
  expect(Array.from(a.lines)).toEqual(Array.from(b.lines));
  expect(cells(a)).toEqual(cells(b));
  expect(a.preview).toEqual(b.preview);
  expect(a.emptyLines).toBe(b.emptyLines);
  expect(a.badRows).toEqual(b.badRows);
  expect(a.badRowCount).toBe(b.badRowCount);
  expect(a.notes).toEqual(b.notes);
  a.columns.forEach((c, j) => {
    const d = b.columns[j]!;
    expect([c.missing, c.numbers, c.strings.length]).toEqual([
      d.missing,
      d.numbers,
      d.strings.length,
    ]);
    expect(c.distinctNumbers(1000)).toBe(d.distinctNumbers(1000));
    const [s, t] = [c.summary, d.summary];
    expect([s.n, s.min, s.max, s.integers, s.zeroOne, s.countsUp]).toEqual([
      t.n,
      t.min,
      t.max,
      t.integers,
      t.zeroOne,
      t.countsUp,
    ]);
    if (s.n > 0) {
      expectNear(summaryMean(s), summaryMean(t));
      expectNear(summaryM2(s), summaryM2(t));
    }
  });
}

/** Equal to 1e-9 relative (the pairwise and the one-pass sums round differently). */
function expectNear(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

function rows(n: number, row: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => row(i)).join('\n');
}

describe('parsing a file in parts', () => {
  it('joins numeric parts into the table a sequential parse gives', async () => {
    const text =
      'id,x,y,label\n' +
      rows(300, (i) => `${i + 1},${(i * 0.37).toFixed(3)},${i % 7},${i % 3}`) +
      '\n';
    expectSame(await inParts(text, [1000, 2500, 3500]), await parseTable(text, { file: 'f.csv' }));
  });

  it('renumbers category codes and keeps missing values across parts', async () => {
    const colours = ['red', 'green', 'blue', 'teal'];
    const text =
      'colour,size,ok\n' +
      rows(200, (i) =>
        // Part 2 meets categories in a different order, and some cells are missing.
        [
          i < 100 ? colours[i % 2] : colours[3 - (i % 4)],
          i % 11 === 0 ? 'NA' : String(i % 5),
          i % 2 ? 'yes' : 'no',
        ].join(','),
      );
    const whole = await parseTable(text, { file: 'f.csv' });
    const joined = await inParts(text, [1200]);
    expectSame(joined, whole);
    expect(joined.columns[0]!.strings).toEqual(['red', 'green', 'teal', 'blue']);
  });

  it('widens a column to Float64 when a later part holds a big integer', async () => {
    const text = 'n,v\n' + rows(120, (i) => (i === 110 ? '9007199254740' : String(i)) + ',1.5');
    const joined = await inParts(text, [300]);
    expectSame(joined, await parseTable(text, { file: 'f.csv' }));
    expect(joined.columns[0]!.number(110)).toBe(9007199254740);
  });

  it('gives absolute line numbers for bad rows found in a later part', async () => {
    const lines = ['a,b,c', ...Array.from({ length: 100 }, (_, i) => `${i},${i * 2},${i % 2}`)];
    lines[80] = '1,2';
    lines[91] = '1,2,3,4';
    const text = lines.join('\r\n') + '\r\n\r\n';
    const whole = parseTable(text, { file: 'f.csv' });
    await expect(inParts(text, [300])).rejects.toThrow(
      /2 rows do not have the header's 3 fields: line 81 has 2, line 92 has 4/,
    );
    await expect(whole).rejects.toThrow(/line 81 has 2, line 92 has 4/);
    expectSame(
      await inParts(text, [300], true),
      await parseTable(text, { file: 'f.csv', skipBadRows: true }),
    );
  });

  it('counts blank lines where a part ends as one pass does', async () => {
    const lines = ['a,b', ...Array.from({ length: 90 }, (_, i) => `${i},${i % 4}`)];
    lines[60] += '\r\n\r\n'; // two blank lines, then (at the cut) the next row
    const text = lines.join('\r\n') + '\r\n\r\n';
    const cut = text.indexOf('60,0');
    const joined = await inParts(text, [cut - 5]);
    const whole = await parseTable(text, { file: 'f.csv' });
    expect(whole.emptyLines).toBe(2);
    expectSame(joined, whole);
  });

  it('handles a semicolon file with decimal commas and no header row', async () => {
    const text = rows(80, (i) => `${i},5;${(i % 9) + 1},25;${i % 2}`) + '\n';
    const whole = await parseTable(text, { file: 'f.csv' });
    expect(whole.hasHeader).toBe(false);
    expectSame(await inParts(text, [500]), whole);
  });

  it('joins parts past a storage chunk, with overflowing numbers, as one pass does', async () => {
    // 70,000 rows: the join crosses the 65,536-cell chunk; parts start with small first chunks.
    const text =
      'x,w,label\n' +
      rows(70_000, (i) => `${i % 997 === 5 ? '1e309' : i % 91},${i % 3 ? 'a' : 'b'},${i % 2}`) +
      '\n';
    const whole = await parseTable(text, { file: 'f.csv' });
    const joined = await inParts(text, [700, Math.floor(text.length * 0.97)]);
    expectSame(joined, whole);
    expect(joined.columns[0]!.chunkCount).toBe(2);
    expect(joined.columns[0]!.text(65_536)).toBe(whole.columns[0]!.text(65_536));
  });

  it('decides the header only from a head with enough whole rows', () => {
    expect(presetFromHead('a,b\n1,2\n3,4\n')).toBeNull();
    const head = 'a,b\n' + rows(60, (i) => `${i},${i * 2}`) + '\n"x';
    expect(presetFromHead(head)).toMatchObject({ hasHeader: true, header: ['a', 'b'] });
  });
});

describe('a column appended to another', () => {
  it('merges running statistics exactly as one pass would', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) / 7 + 1e6);
    const one = new Column('x', false);
    const a = new Column('x', false);
    const b = new Column('x', false);
    values.forEach((v, i) => {
      one.push(String(v));
      (i < 3000 ? a : b).push(String(v));
    });
    a.append(b);
    expect(a.length).toBe(5000);
    expect(summaryMean(a.summary)).toBeCloseTo(summaryMean(one.summary), 6);
    expect(Math.sqrt(summaryM2(a.summary) / 5000)).toBeCloseTo(
      Math.sqrt(summaryM2(one.summary) / 5000),
      6,
    );
    expect(b.length).toBe(0);
  });
});
