import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILL,
  heatColour,
  heatLayout,
  type HeatInput,
} from '../../../../renderer/panels/sweep/heatLayout';

const input: HeatInput = {
  rowKey: 'l2',
  colKey: 'lr',
  rowValues: [0, 0.01],
  colValues: [0.01, 0.1, 1],
  cells: [
    [0.5, 0.2, null],
    [0.8, 0.3, 0.6],
  ],
  best: { row: 0, col: 1 },
};

/** Brightness of an "rgb(r, g, b)" colour: lower is darker. */
const light = (c: string) =>
  c
    .match(/\d+/g)!
    .map(Number)
    .reduce((a, b) => a + b, 0);

describe('the heat-map layout', () => {
  it('shades the lowest loss darkest and the highest lightest, and marks the best cell', () => {
    const L = heatLayout(input, 'caption');
    const at = (r: number, c: number) => L.cells.find((x) => x.row === r && x.col === c)!;
    expect(L.cells).toHaveLength(6);
    expect(at(0, 1).fill).toBe(heatColour(1));
    expect(at(1, 0).fill).toBe(heatColour(0));
    expect(light(at(0, 0).fill)).toBeLessThan(light(at(1, 2).fill));
    expect(L.cells.filter((c) => c.best).map((c) => [c.row, c.col])).toEqual([[0, 1]]);
    // Light text on the darkest cell, dark text on the lightest.
    expect(light(at(0, 1).ink)).toBeGreaterThan(light(at(1, 0).ink));
    expect([L.lo, L.hi]).toEqual([0.2, 0.8]);
    expect([L.bar.low, L.bar.high]).toEqual(['0.2', '0.8']);
  });

  it('draws a cell without a finished seed grey with a dash', () => {
    const empty = heatLayout(input, 'caption').cells.find((c) => c.row === 0 && c.col === 2)!;
    expect(empty).toMatchObject({ value: null, text: '—', fill: EMPTY_FILL });
  });

  it('puts the values on the axes and the parameter names as their titles', () => {
    const L = heatLayout(input, 'caption');
    expect(L.colLabels.map((l) => l.text)).toEqual(['0.01', '0.1', '1']);
    expect(L.rowLabels.map((l) => l.text)).toEqual(['0', '0.01']);
    expect([L.colTitle.text, L.rowTitle.text]).toEqual(['lr', 'l2']);
    // Columns left to right, rows top to bottom, all inside the drawing.
    expect(L.colLabels[0]!.x).toBeLessThan(L.colLabels[1]!.x);
    expect(L.rowLabels[0]!.y).toBeLessThan(L.rowLabels[1]!.y);
    for (const c of L.cells) {
      expect(c.x + L.cellW).toBeLessThanOrEqual(L.width);
      expect(c.y + L.cellH).toBeLessThan(L.bar.y);
    }
    expect(L.bar.y + L.bar.height).toBeLessThan(L.height);
  });

  it('runs the colour bar from the lowest loss (dark) to the highest (light)', () => {
    const { steps } = heatLayout(input, 'caption').bar;
    expect(steps[0]!.fill).toBe(heatColour(1));
    expect(steps.at(-1)!.fill).toBe(heatColour(0));
    expect(new Set(steps.map((s) => s.fill)).size).toBe(steps.length);
  });

  it('gives equal values one middle shade instead of dividing by zero', () => {
    const L = heatLayout(
      {
        ...input,
        cells: [
          [0.4, 0.4, 0.4],
          [0.4, 0.4, 0.4],
        ],
      },
      'c',
    );
    expect(new Set(L.cells.map((c) => c.fill))).toEqual(new Set([heatColour(0.5)]));
  });

  it('widens the drawing for a long caption', () => {
    const caption = 'x'.repeat(120);
    expect(heatLayout(input, caption).width).toBeGreaterThan(120 * 6);
  });
});
