import { describe, expect, it } from 'vitest';
import {
  CLASS_COLOURS,
  cellColour,
  decodeBase64,
  inUnits,
  paintGrid,
  toPixel,
  unitColour,
} from '../../../../renderer/panels/boundary/paint';

describe('boundary colours', () => {
  it('paints a certain cell in its class colour and an unsure one near white', () => {
    expect(cellColour(1, 1, 2)).toEqual(
      CLASS_COLOURS[1]!.map((c) => Math.round(255 + (c - 255) * 0.9)),
    );
    const unsure = cellColour(0, 0.5, 2);
    const sure = cellColour(0, 1, 2);
    // Less certain: closer to white on every channel.
    for (let k = 0; k < 3; k++) expect(unsure[k]!).toBeGreaterThanOrEqual(sure[k]!);
    expect(unsure[0]! - unsure[2]!).toBeGreaterThan(0); // still an orange tint
  });

  it('takes 1/k as "unsure" for k classes', () => {
    expect(cellColour(2, 1 / 3, 3)).toEqual(cellColour(2, 0.2, 3));
    expect(cellColour(2, 1 / 3, 3)).not.toEqual(cellColour(2, 0.9, 3));
  });

  it('maps a unit output from orange (lowest) through white to blue (highest)', () => {
    expect(unitColour(0)).toEqual(CLASS_COLOURS[0]);
    expect(unitColour(255)).toEqual(CLASS_COLOURS[1]);
    const mid = unitColour(128);
    for (const c of mid) expect(c).toBeGreaterThan(240);
  });
});

describe('painting the grid', () => {
  it('fills every pixel from its nearest cell, top row first', () => {
    // 2 × 2 grid: top row class 0, bottom row class 1, all certain.
    const cls = Uint8Array.from([0, 0, 1, 1]);
    const prob = Uint8Array.from([255, 255, 255, 255]);
    const rgba = new Uint8ClampedArray(4 * 4 * 4);
    paintGrid(rgba, 4, 4, cls, prob, 2, 2);
    const at = (x: number, y: number) =>
      Array.from(rgba.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 3));
    expect(at(0, 0)).toEqual(cellColour(0, 1, 2));
    expect(at(3, 1)).toEqual(cellColour(0, 1, 2));
    expect(at(0, 2)).toEqual(cellColour(1, 1, 2));
    expect(at(3, 3)).toEqual(cellColour(1, 1, 2));
    expect(rgba[3]).toBe(255);
  });

  it('paints a one-axis grid as vertical stripes', () => {
    const rgba = new Uint8ClampedArray(2 * 2 * 4);
    paintGrid(rgba, 2, 2, Uint8Array.from([0, 1]), Uint8Array.from([255, 255]), 2, 2);
    expect(Array.from(rgba.slice(0, 3))).toEqual(Array.from(rgba.slice(8, 11)));
    expect(Array.from(rgba.slice(0, 3))).not.toEqual(Array.from(rgba.slice(4, 7)));
  });

  it('decodes base64 bytes, places coordinates on pixels and shows axes in file units', () => {
    expect(Array.from(decodeBase64(btoa(String.fromCharCode(0, 7, 255))))).toEqual([0, 7, 255]);
    expect(toPixel(0, -1, 1, 256)).toBe(128);
    expect(toPixel(1, -1, 1, 256, true)).toBe(0);
    expect(inUnits(2, { center: 10, scale: 3 })).toBe(16);
    expect(inUnits(2, { center: null, scale: null })).toBe(2);
  });
});
