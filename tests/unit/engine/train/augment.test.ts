import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import { Rng } from '../../../../engine/data/rng';
import { Augmenter, previewAugmentation, sampleBeta } from '../../../../engine/train/augment';

/** A 3 × 2 single-channel image: rows [1 2 3], [4 5 6]. */
const IMG = [1, 2, 3, 4, 5, 6];
const image = { width: 3, height: 2, channels: 1 };

describe('augmentation preview', () => {
  it('is deterministic for a seed and differs for another', () => {
    const rows = [
      [0, 1, 2],
      [3, 4, 5],
    ];
    const cfg = { noise: { sigma: 0.1 } };
    const a = previewAugmentation(rows, cfg, { seed: 1, copies: 3 });
    expect(a).toEqual(previewAugmentation(rows, cfg, { seed: 1, copies: 3 }));
    expect(a.rows).not.toEqual(previewAugmentation(rows, cfg, { seed: 2, copies: 3 }).rows);
    expect(a.rows).toHaveLength(6);
    expect(a.rows.every((r) => r.length === 3)).toBe(true);
    expect(a.targets).toBeNull();
  });

  it('adds Gaussian noise of the given σ only to the chosen columns', () => {
    const rows = Array.from({ length: 2000 }, () => [0, 0]);
    const { rows: out } = previewAugmentation(
      rows,
      { noise: { sigma: 0.5, columns: [1] } },
      { seed: 3 },
    );
    const col = out.map((r) => r[1]!);
    const mean = col.reduce((s, v) => s + v, 0) / col.length;
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - mean) ** 2, 0) / col.length);
    expect(out.every((r) => r[0] === 0)).toBe(true);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(sd).toBeCloseTo(0.5, 1);
  });

  it('flips images horizontally, either way, and nothing else', () => {
    const { rows } = previewAugmentation(
      [IMG],
      { image: { ...image, flip: true } },
      { seed: 1, copies: 20 },
    );
    const flipped = [3, 2, 1, 6, 5, 4];
    expect(
      rows.every(
        (r) =>
          JSON.stringify(r) === JSON.stringify(IMG) ||
          JSON.stringify(r) === JSON.stringify(flipped),
      ),
    ).toBe(true);
    expect(rows.some((r) => r[0] === 3)).toBe(true);
    expect(rows.some((r) => r[0] === 1)).toBe(true);
  });

  it('shifts images by whole pixels, filling with 0, and changes brightness', () => {
    const { rows } = previewAugmentation(
      [IMG],
      { image: { ...image, shift: 1 } },
      { seed: 4, copies: 30 },
    );
    // Every result is the image moved by (dx, dy) ∈ {−1, 0, 1}².
    const shifted = (dx: number, dy: number) =>
      IMG.map((_, i) => {
        const r = Math.floor(i / 3) - dy;
        const c = (i % 3) - dx;
        return r < 0 || r > 1 || c < 0 || c > 2 ? 0 : IMG[r * 3 + c]!;
      });
    const all = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => JSON.stringify(shifted(dx, dy))));
    expect(rows.every((r) => all.includes(JSON.stringify(r)))).toBe(true);
    expect(new Set(rows.map((r) => JSON.stringify(r))).size).toBeGreaterThan(3);
    const bright = previewAugmentation(
      [IMG],
      { image: { ...image, brightness: 0.2 } },
      { seed: 5, copies: 5 },
    );
    for (const r of bright.rows) {
      const d = r[0]! - 1;
      expect(Math.abs(d)).toBeLessThanOrEqual(0.2);
      r.forEach((v, i) => expect(v - IMG[i]!).toBeCloseTo(d, 5));
    }
  });

  it('zooms about the centre', () => {
    const { rows } = previewAugmentation(
      [[0, 0, 0, 0, 1, 0, 0, 0, 0]],
      { image: { width: 3, height: 3, channels: 1, scale: 0.5 } },
      { seed: 2, copies: 10 },
    );
    // The centre pixel stays the centre; its neighbours only ever get a share of it.
    for (const r of rows) {
      expect(r[4]).toBeGreaterThan(0);
      expect(Math.max(...r)).toBeLessThanOrEqual(1);
    }
  });

  it('mixes rows and their targets with mixup, convexly', () => {
    const rows = [
      [0, 0],
      [10, 10],
      [20, 0],
      [0, 20],
    ];
    const targets = [
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
    ];
    const out = previewAugmentation(rows, { mixup: { alpha: 2 } }, { seed: 7, targets });
    expect(out.rows).not.toEqual(rows);
    for (const t of out.targets!) {
      expect(t[0]! + t[1]!).toBeCloseTo(1, 6);
      expect(t.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });

  it('rejects bad settings, quoting the value', () => {
    expect(() => previewAugmentation([[1]], { noise: { sigma: -1 } }, { seed: 1 })).toThrow(
      'augmentation noise σ must be a number ≥ 0, got -1',
    );
    expect(() => previewAugmentation([[1]], { mixup: { alpha: 0 } }, { seed: 1 })).toThrow(
      'augmentation mixup α must be a number > 0, got 0',
    );
    expect(() =>
      previewAugmentation([IMG], { image: { ...image, scale: 1.5 } }, { seed: 1 }),
    ).toThrow('got 1.5');
  });
});

describe('Augmenter', () => {
  it('keeps the batch shape and draws Beta(α, α) mixing weights in (0, 1) with mean ½', () => {
    const aug = new Augmenter({ mixup: { alpha: 0.2 } }, 2, 2, 8, 1);
    const x = matOf(
      5,
      2,
      Float32Array.from({ length: 10 }, (_, i) => i),
    );
    const y = matOf(5, 2, Float32Array.from([1, 0, 0, 1, 1, 0, 0, 1, 1, 0]));
    aug.apply(x, y);
    expect(x.data).toHaveLength(10);
    const rng = new Rng(9);
    const draws = Array.from({ length: 4000 }, () => sampleBeta(rng, 0.5));
    expect(draws.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(draws.reduce((s, v) => s + v, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
