/**
 * Rows drawn as images: the pixel values are channel-last like the engine's image rows
 * ((r·W + c)·C + k), one channel is drawn as grey from white (lowest) to black (highest), three
 * channels as red, green and blue.
 */
import { describe, expect, it } from 'vitest';
import { rgba } from '../../../../../renderer/panels/data/image';

const pixel = (out: Uint8ClampedArray, p: number) => [...out.subarray(p * 4, p * 4 + 4)];

describe('a row drawn as an image', () => {
  it('draws three channels channel-last as red, green and blue', () => {
    // 2 × 1 pixels, values 0..10: a pure red pixel, then a pure blue one.
    const out = rgba([10, 0, 0, 0, 0, 10], 2, 1, 3, 0, 10);
    expect(pixel(out, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(out, 1)).toEqual([0, 0, 255, 255]);
  });

  it('draws one channel as grey, black for the highest value and white for the lowest', () => {
    const out = rgba([0, 8, 16, 4], 2, 2, 1, 0, 16);
    expect(pixel(out, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(out, 1)).toEqual([128, 128, 128, 255]);
    expect(pixel(out, 2)).toEqual([0, 0, 0, 255]);
    expect(pixel(out, 3)).toEqual([191, 191, 191, 255]);
  });

  it('draws a row of one value without dividing by zero', () => {
    const out = rgba([3, 3, 3], 1, 1, 3, 3, 3);
    expect(pixel(out, 0)).toEqual([0, 0, 0, 255]);
  });
});
