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
    expect(col.bytes).toBe(65536 * 4);
  });

  it('switches to Float64 for integers Float32 cannot hold, so IDs stay exact and unique', () => {
    const cells = Array.from({ length: 30 }, (_, i) => String(123_456_789 + i));
    const col = column(cells, 'order_id');
    expect(col.number(29)).toBe(123_456_818);
    expect(inferColumn(col)).toMatchObject({ kind: 'identifier', distinct: 30 });
    expect(col.bytes).toBe(65536 * 8);
  });

  it('reads back the shortest text once it stops remembering exact texts', () => {
    const col = column(Array.from({ length: 1500 }, (_, i) => (i / 10).toFixed(1)));
    expect(categoryKey(col, 1499)).toBe('149.9');
  });
});
