import { describe, expect, it } from 'vitest';
import { linePath } from '../../../../renderer/charts/linePath';
import { drawable, summarise } from '../../../../renderer/charts/summary';

const ok = drawable(false);
/** x: epoch e at pixel (e - 1) * perPixel⁻¹; y: the value itself. */
const scale = (epochsPerPixel: number) => (e: number) => (e - 1) / epochsPerPixel;
const same = (y: number) => y;
const points = (d: string) => d.match(/[ML][^ML]+/g) ?? [];
const path = (values: (number | null)[], epochsPerPixel: number) =>
  linePath(summarise(values, ok), scale(epochsPerPixel), same);

describe('a mini chart line', () => {
  it('draws every epoch when there are fewer epochs than pixels', () => {
    expect(path([3, 1, 2], 1)).toBe('M0.0,3.0L1.0,1.0L2.0,2.0');
  });

  it('draws at most two points per pixel column for a long run', () => {
    // 10,000 epochs over 200 pixels: columns 0…200 after rounding.
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 7));
    const d = path(values, 50);
    expect(points(d).length).toBeLessThanOrEqual(2 * 201);
    expect(points(d).length).toBeGreaterThan(200);
  });

  it('keeps a one-epoch spike inside a crowded column', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i === 51_717 ? 99 : 1));
    expect(path(values, 500)).toContain(',99.0');
  });

  it('keeps the lowest and highest value of each pixel column', () => {
    // 500 epochs per pixel: column c (after rounding) holds epochs 500c − 250 … 500c + 249, with
    // a dip to −c and a peak to +c somewhere inside, away from its edges (an extreme within one
    // bucket of an edge may be drawn in the neighbouring column).
    const values = Array.from({ length: 100_000 }, (_, i) => {
      const c = Math.round(i / 500);
      const j = i - (500 * c - 250);
      return j === 150 + ((c * 7) % 100) ? -c : j === 250 + ((c * 13) % 100) ? c : 0;
    });
    const ys = points(path(values, 500)).map((p) => Number(p.split(',')[1]));
    for (let c = 1; c < 200; c++) {
      expect(ys).toContain(c);
      expect(ys).toContain(-c);
    }
  });

  it('keeps the column lowest and highest values in epoch order', () => {
    // Column 0 holds epochs 1–4: highest (9) comes before lowest (0).
    expect(path([5, 9, 0, 5], 10)).toBe('M0.1,9.0L0.2,0.0');
  });

  it('breaks the line where a value is unknown', () => {
    expect(path([1, null, 2], 1)).toBe('M0.0,1.0M2.0,2.0');
  });

  it('adds no points for values that come and go inside the columns', () => {
    // Every other epoch unknown (a log chart whose norm is sometimes 0): still ≤ 2 per column.
    const values = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? null : 1 + (i % 7)));
    const d = path(values, 100);
    expect(points(d).length).toBeLessThanOrEqual(2 * 201);
    expect(d).toContain(',7.0');
  });
});
