import { describe, expect, it } from 'vitest';
import { linearScale, logScale, niceTicks, tickLabel } from '../../../../renderer/charts/scale';

describe('chart scales', () => {
  it('picks 1-2-5 ticks inside the range', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(1, 10_000, 5)).toEqual([2000, 4000, 6000, 8000, 10000]);
    expect(niceTicks(0.013, 0.087, 4)).toEqual([0.02, 0.04, 0.06, 0.08]);
  });

  it('maps the domain onto the pixel range, also with a degenerate domain', () => {
    const s = linearScale(0, 10, 100, 0);
    expect(s(0)).toBe(100);
    expect(s(10)).toBe(0);
    expect(Number.isFinite(linearScale(3, 3, 0, 100)(3))).toBe(true);
  });

  it('puts log ticks on the decades', () => {
    const s = logScale(0.002, 3, 100, 0);
    expect(s.ticks).toEqual([0.01, 0.1, 1]);
    expect(s(0.1)).toBeGreaterThan(s(1));
  });

  it('writes short tick labels', () => {
    expect([0, 0.25, 1200, 0.0001, 50000].map(tickLabel)).toEqual([
      '0',
      '0.25',
      '1200',
      '1e-4',
      '5e+4',
    ]);
  });
});
