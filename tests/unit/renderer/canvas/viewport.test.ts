import { describe, expect, it } from 'vitest';
import { LEGIBLE_ZOOM, legibleViewport } from '../../../../renderer/canvas/viewport';

const pane = { width: 900, height: 500 };
const onScreen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => ({
  x: x * v.zoom + v.x,
  y: y * v.zoom + v.y,
});

describe('the view a network opens in', () => {
  it('centres a small network far away at zoom 1', () => {
    const v = legibleViewport({ x: 6000, y: 6000, width: 200, height: 300 }, pane);
    expect(v.zoom).toBe(1);
    expect(onScreen(v, 6100, 6150)).toEqual({ x: 450, y: 250 });
  });

  it('zooms out to show a larger network whole', () => {
    const v = legibleViewport({ x: 0, y: 0, width: 200, height: 560 }, pane);
    expect(v.zoom).toBeLessThan(1);
    expect(v.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    expect(onScreen(v, 0, 0).y).toBeGreaterThanOrEqual(0);
    expect(onScreen(v, 0, 560).y).toBeLessThanOrEqual(pane.height);
  });

  it('keeps a tall network readable, with its top in view', () => {
    const v = legibleViewport({ x: 0, y: 100, width: 200, height: 2000 }, pane, 24);
    expect(v.zoom).toBe(LEGIBLE_ZOOM);
    expect(onScreen(v, 0, 100).y).toBe(24);
    expect(onScreen(v, 100, 0).x).toBe(450);
  });
});
