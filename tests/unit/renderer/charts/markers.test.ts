import { describe, expect, it } from 'vitest';
import { LABEL_GAP, markerLayout } from '../../../../renderer/charts/markers';

/** 10 epochs per pixel. */
const sx = (epoch: number) => epoch / 10;

describe('alert markers on a curve chart', () => {
  it('draws one line and one label per alert when they are far apart', () => {
    const m = markerLayout(
      [
        { kind: 'overfitting', epoch: 2000 },
        { kind: 'dead_relu', epoch: 100 },
      ],
      sx,
    );
    expect(m.lines).toEqual([10, 200]);
    expect(m.labels.map((l) => [l.x, l.text])).toEqual([
      [10, 'dead relu'],
      [200, 'overfitting'],
    ]);
  });

  it('draws at most one line per pixel column and no overlapping labels for a long run', () => {
    // 650 alerts over 23,000 epochs (2,300 px), many in the same pixel column.
    const alerts = Array.from({ length: 650 }, (_, i) => ({
      kind: 'overfitting',
      epoch: 1000 + i * 3,
    }));
    const m = markerLayout(alerts, sx);
    expect(new Set(m.lines).size).toBe(m.lines.length);
    expect(m.lines.length).toBeLessThanOrEqual(Math.ceil((650 * 3) / 10) + 1);
    expect(m.lines.length).toBeGreaterThan(100);
    for (let i = 1; i < m.labels.length; i++)
      expect(m.labels[i]!.x - m.labels[i - 1]!.x).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(m.labels[0]!.x).toBe(100);
  });

  it('draws nothing without alerts', () => {
    expect(markerLayout([], sx)).toEqual({ lines: [], labels: [] });
  });
});
