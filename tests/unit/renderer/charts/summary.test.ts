import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CAP,
  SeriesSummary,
  drawable,
  summarise,
} from '../../../../renderer/charts/summary';

const ok = drawable(false);
const wave = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(i / 3) * (1 + i / n));

describe('a bounded per-epoch series', () => {
  it('costs the same for 100 and 100,000 epochs', () => {
    const short = summarise(wave(100), ok);
    const long = summarise(wave(100_000), ok);
    expect(short.buckets.length).toBe(100);
    expect(long.buckets.length).toBeLessThanOrEqual(DEFAULT_CAP);
    expect(long.buckets.length).toBeGreaterThan(DEFAULT_CAP / 2);
    expect(long.n).toBe(100_000);
  });

  it('keeps the lowest and highest value and the first and last known value', () => {
    const values: (number | null)[] = [null, 4, ...wave(50_000), -7, 12, 3, null];
    const s = summarise(values, ok);
    expect(s.lo).toBe(-7);
    expect(s.hi).toBe(12);
    expect(s.first).toBe(4);
    expect(s.last).toBe(3);
    expect(Math.min(...s.buckets.map((b) => b.lo))).toBe(-7);
    expect(Math.max(...s.buckets.map((b) => b.hi))).toBe(12);
  });

  it('keeps, per bucket, the extremes of exactly the epochs it covers', () => {
    const values = wave(10_000);
    const s = summarise(values, ok, 64);
    s.buckets.forEach((b, k) => {
      const part = values.slice(k * s.size, (k + 1) * s.size);
      expect(b.lo).toBe(Math.min(...part));
      expect(b.hi).toBe(Math.max(...part));
      expect(values[b.loAt]).toBe(b.lo);
      expect(values[b.hiAt]).toBe(b.hi);
    });
  });

  it('marks the buckets where the line has a gap', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 700 ? null : 1));
    const s = summarise(values, ok, 16);
    const gaps = s.buckets.filter((b) => b.gapAt >= 0);
    expect(gaps.map((b) => b.gapAt)).toEqual([700]);
  });

  it('leaves a summary it handed out as it was while the series grows', () => {
    const series = new SeriesSummary(ok, 4);
    [1, 2, 3].forEach((v) => series.push(v));
    const before = series.summary();
    const copy = structuredClone(before);
    [9, -9, 5, 6, 7, 8].forEach((v) => series.push(v));
    expect(before).toEqual(copy);
    expect(series.summary().hi).toBe(9);
  });

  it('treats zero as a gap on a log scale', () => {
    const s = summarise([1, 0, 2], drawable(true));
    expect(s.lo).toBe(1);
    expect(s.buckets[1]!.gapAt).toBe(1);
  });
});
