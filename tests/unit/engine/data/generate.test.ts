import { describe, expect, it } from 'vitest';
import {
  GENERATED_KINDS,
  generate,
  generateCsv,
  generatedName,
} from '../../../../engine/data/generate';

const opts = { size: 200, noise: 0.1, seed: 7 };

describe('built-in datasets', () => {
  it('gives the same bytes for the same seed and different ones for another seed', () => {
    for (const kind of GENERATED_KINDS) {
      expect(generateCsv({ kind, ...opts })).toBe(generateCsv({ kind, ...opts }));
      expect(generateCsv({ kind, ...opts })).not.toBe(generateCsv({ kind, ...opts, seed: 8 }));
    }
  });

  it('writes a header and one row per point, two features and the target', () => {
    const lines = generateCsv({ kind: 'circles', ...opts })
      .trim()
      .split('\n');
    expect(lines[0]).toBe('x1,x2,class');
    expect(lines).toHaveLength(201);
    for (const l of lines.slice(1)) expect(l.split(',')).toHaveLength(3);
    expect(generateCsv({ kind: 'plane', ...opts }).split('\n')[0]).toBe('x1,x2,y');
  });

  it('balances two classes, alternating so the file is never sorted by class', () => {
    for (const kind of ['circles', 'xor', 'gaussians', 'spiral'] as const) {
      const d = generate({ kind, ...opts });
      expect(d.task).toBe('classification');
      expect(d.classNames).toHaveLength(2);
      expect(d.y.filter((c) => c === 1).length).toBe(100);
      expect(d.y[0]).not.toBe(d.y[1]);
    }
  });

  it('puts the circles inner class inside radius 0.4 and the outer in the ring, without noise', () => {
    const d = generate({ kind: 'circles', size: 500, noise: 0, seed: 1 });
    for (let i = 0; i < 500; i++) {
      const r = Math.hypot(d.x[2 * i]!, d.x[2 * i + 1]!);
      if (d.y[i] === 0) expect(r).toBeLessThan(0.4);
      else expect(r).toBeGreaterThanOrEqual(0.7 - 1e-9);
    }
  });

  it('labels XOR by the sign of x1·x2 without noise', () => {
    const d = generate({ kind: 'xor', size: 300, noise: 0, seed: 2 });
    for (let i = 0; i < 300; i++) expect(d.x[2 * i]! * d.x[2 * i + 1]! > 0 ? 1 : 0).toBe(d.y[i]);
  });

  it('makes the plane surface exactly 0.6·x1 − 0.4·x2 without noise', () => {
    const d = generate({ kind: 'plane', size: 50, noise: 0, seed: 3 });
    expect(d.task).toBe('regression');
    expect(d.classNames).toBeNull();
    for (let i = 0; i < 50; i++)
      expect(d.y[i]).toBeCloseTo(0.6 * d.x[2 * i]! - 0.4 * d.x[2 * i + 1]!, 12);
  });

  it('refuses sizes, noise and seeds out of range, naming the field', () => {
    expect(() => generate({ kind: 'spiral', size: 5, noise: 0, seed: 1 })).toThrow(/size/);
    expect(() => generate({ kind: 'spiral', size: 50, noise: 2, seed: 1 })).toThrow(/noise/);
    expect(() => generate({ kind: 'spiral', size: 50, noise: 0, seed: -1 })).toThrow(/seed/);
  });

  it('names the file after how it was made', () => {
    expect(generatedName({ kind: 'xor', size: 300, noise: 0.05, seed: 4 })).toBe(
      'xor-n300-noise0.05-seed4.csv',
    );
  });
});
