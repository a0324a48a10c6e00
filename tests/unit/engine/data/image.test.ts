import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRows } from '../../../../engine/data/encode';
import { detectShape, pixelGrid, toPixels } from '../../../../engine/data/image';
import { DEFAULT_OPTIONS } from '../../../../engine/data/options';
import { prepare, type Prepared } from '../../../../engine/data/pipeline';
import { Augmenter } from '../../../../engine/train/augment';
import { csv, load, prep, root, sample } from './helpers';

const digitsText = readFileSync(
  path.join(root, 'tests/fixtures/workspace/data/digits.csv'),
  'utf8',
);
const shape = { width: 8, height: 8, channels: 1 };

/** The prepared digits and the grid of their 64 pixel columns. */
async function digits() {
  const loaded = await load(digitsText, 'digits.csv');
  const p = prepare(loaded, DEFAULT_OPTIONS);
  return { p, grid: pixelGrid(p.summary.columns, loaded.table.columns, p.encoder!, shape) };
}

/** The file's raw cells of table row r, as numbers, without the label (the last column). */
function rawPixels(p: Prepared, r: number, n: number): number[] {
  return p.summary.columns.slice(0, n).map((c) => Number(p.summary.preview.rows[r]?.[c.index]));
}

describe('rows that are images', () => {
  it('finds the 8 × 8 grid of the digits, constant pixel columns included', async () => {
    const p = await prep(digitsText);
    const constant = p.summary.columns.filter((c) => c.kind === 'constant').map((c) => c.name);
    expect(constant).toEqual(['pixel_0_0', 'pixel_4_0', 'pixel_4_7']);
    expect(p.encoder!.width).toBe(61);
    expect(p.summary.image).toMatchObject({ width: 8, height: 8, channels: 1, lo: 0, hi: 16 });
    expect(p.summary.image!.columns).toHaveLength(64);
    expect(p.summary.image!.columns[0]).toBe('pixel_0_0');
  });

  it('puts the left-out constant pixels back when turning an encoded row into its image', async () => {
    const { p, grid } = await digits();
    expect(grid.feature.filter((j) => j < 0)).toHaveLength(3);
    // Table rows 0..2 are the first preview rows: encode them and map them back to pixels.
    const enc = encodeRows(p.encoder!, Int32Array.from([0, 1, 2]));
    for (let r = 0; r < 3; r++) {
      const out = new Float32Array(64);
      toPixels(grid, enc.x.subarray(r * 61, (r + 1) * 61), out);
      const want = rawPixels(p, r, 64);
      out.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 4));
    }
  });

  it('shifts the whole grid and drops the constant pixels again for the network', async () => {
    const { p, grid } = await digits();
    const enc = encodeRows(p.encoder!, Int32Array.from([0]));
    const x = Float32Array.from(enc.x);
    const aug = new Augmenter({ image: { ...shape, shift: 1, grid } }, 61, 1, 1, 7);
    aug.apply({ rows: 1, cols: 61, data: x }, { rows: 1, cols: 1, data: new Float32Array(1) });
    const before = rawPixels(p, 0, 64);
    const after = new Float32Array(64);
    toPixels(grid, x, after);
    // One of the nine shifts by at most a pixel explains every input the network sees.
    const shifted = (dx: number, dy: number) =>
      before.map((_, i) => {
        const r = Math.floor(i / 8) - dy;
        const c = (i % 8) - dx;
        return r < 0 || c < 0 || r > 7 || c > 7 ? 0 : before[r * 8 + c]!;
      });
    const inputs = grid.feature.map((j, i) => [j, i] as const).filter(([j]) => j >= 0);
    const matches = [-1, 0, 1].flatMap((dx) =>
      [-1, 0, 1].filter((dy) => {
        const want = shifted(dx, dy);
        return inputs.every(([, i]) => Math.abs(after[i]! - want[i]!) < 1e-3);
      }),
    );
    expect(matches).toHaveLength(1);
    expect(x.length).toBe(61);
  });

  it('refuses a shape that does not cover the pixel columns, naming both counts', async () => {
    const { p } = await digits();
    expect(() =>
      pixelGrid(p.summary.columns, [], p.encoder!, { width: 8, height: 7, channels: 1 }),
    ).toThrow(/8 × 7 × 1 = 56 pixels, but the file has 64 number columns/);
  });

  it('does not take a few measurements, or numbers mixed with categories, for an image', async () => {
    expect((await prep(sample('iris'))).summary.image).toBeNull();
    expect(detectShape(4)).toBeNull();
    expect(detectShape(784)).toEqual({ width: 28, height: 28, channels: 1 });
    expect(detectShape(3 * 32 * 32)).toEqual({ width: 32, height: 32, channels: 3 });
    const header = [...Array.from({ length: 64 }, (_, i) => `p${i}`), 'colour', 'label'];
    const rows = Array.from({ length: 30 }, (_, r) => [
      ...Array.from({ length: 64 }, (_, i) => (r * 7 + i) % 17),
      ['red', 'blue'][r % 2]!,
      r % 3,
    ]);
    expect((await prep(csv([header, ...rows]))).summary.image).toBeNull();
  });
});
