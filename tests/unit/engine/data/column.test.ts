import { describe, expect, it } from 'vitest';
import { Column } from '../../../../engine/data/csv/column';
import { categoryKey, inferColumn } from '../../../../engine/data/infer';

function column(cells: string[], name = 'c'): Column {
  const col = new Column(name, false);
  for (const c of cells) col.push(c);
  return col;
}

describe('column storage', () => {
  it('keeps decimals in Float32 but gives category keys and class names as written', () => {
    const col = column(['0.1', '0.25', '0.1', '7']);
    expect(col.number(0)).toBe(Math.fround(0.1));
    expect([0, 1, 2, 3].map((r) => categoryKey(col, r))).toEqual(['0.1', '0.25', '0.1', '7']);
    expect(col.bytes).toBe(64 * 4);
  });

  it('switches to Float64 for integers Float32 cannot hold, so IDs stay exact and unique', () => {
    const cells = Array.from({ length: 30 }, (_, i) => String(123_456_789 + i));
    const col = column(cells, 'order_id');
    expect(col.number(29)).toBe(123_456_818);
    expect(inferColumn(col)).toMatchObject({ kind: 'identifier', distinct: 30 });
    expect(col.bytes).toBe(64 * 8);
  });

  it('reserves storage as cells arrive, not a whole chunk per column up front', () => {
    const small = column(['1', '2', '3']);
    expect(small.bytes).toBeLessThanOrEqual(64 * 4);
    // Past the first chunk (65,536 cells): whole chunks from there, values intact across it.
    const cells = Array.from({ length: 70_000 }, (_, i) => String(i % 1000));
    cells[65_535] = 'x';
    cells[65_536] = 'NA';
    const big = column(cells);
    expect(big.chunkCount).toBe(2);
    expect(big.bytes).toBe(2 * 65536 * 8); // numbers and string codes
    expect([big.text(65_534), big.text(65_535), big.text(65_536), big.text(69_999)]).toEqual([
      '534',
      'x',
      '',
      '999',
    ]);
    expect(big.isMissing(65_536)).toBe(true);
  });

  it('keeps cells intact when the first string arrives after the storage has grown', () => {
    const cells = Array.from({ length: 500 }, (_, i) => String(i));
    cells[300] = 'oops';
    const col = column(cells);
    expect(col.text(299)).toBe('299');
    expect(col.code(300)).toBe(0);
    expect(col.text(499)).toBe('499');
    expect(col.isMissing(0)).toBe(false);
  });

  it('reads back the shortest text once it stops remembering exact texts', () => {
    const col = column(Array.from({ length: 1500 }, (_, i) => (i / 10).toFixed(1)));
    expect(categoryKey(col, 1499)).toBe('149.9');
  });
});
