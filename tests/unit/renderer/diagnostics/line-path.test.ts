import { describe, expect, it } from 'vitest';
import { linePath } from '../../../../renderer/panels/diagnostics/linePath';

const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined;
/** x: epoch e at pixel (e - 1) * perPixel⁻¹; y: the value itself. */
const scale = (epochsPerPixel: number) => (e: number) => (e - 1) / epochsPerPixel;
const same = (y: number) => y;
const points = (d: string) => d.match(/[ML][^ML]+/g) ?? [];

describe('a mini chart line', () => {
  it('draws every epoch when there are fewer epochs than pixels', () => {
    expect(linePath([3, 1, 2], ok, scale(1), same)).toBe('M0.0,3.0L1.0,1.0L2.0,2.0');
  });

  it('draws at most two points per pixel column for a long run', () => {
    // 10,000 epochs over 200 pixels: columns 0…200 after rounding.
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 7));
    const d = linePath(values, ok, scale(50), same);
    expect(points(d).length).toBeLessThanOrEqual(2 * 201);
    expect(points(d).length).toBeGreaterThan(200);
  });

  it('keeps a one-epoch spike inside a crowded column', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 517 ? 99 : 1));
    const d = linePath(values, ok, scale(100), same);
    expect(d).toContain(',99.0');
  });

  it('keeps the column lowest and highest values in epoch order', () => {
    // Column 0 holds epochs 1–4: highest (9) comes before lowest (0).
    expect(linePath([5, 9, 0, 5], ok, scale(10), same)).toBe('M0.1,9.0L0.2,0.0');
  });

  it('breaks the line where a value is unknown', () => {
    expect(linePath([1, null, 2], ok, scale(1), same)).toBe('M0.0,1.0M2.0,2.0');
  });
});
