/**
 * Hostile CSV shapes against memory: a very wide file is refused (or read) within a bounded peak
 * RSS, a wide file that is allowed is read without reserving a big block per column, and closing
 * a dataset gives its memory back. Each case runs in its own child process (see child.ts), with
 * the file written here, so the numbers are the reader's alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, runChild } from './run-child';

const GB = 1024 ** 3;
const MB = 1024 ** 2;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-robust-memory-'));
  child = await bundleChild(dir);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV with a header c1…cN and `rows` rows of small integers (seeded by position). */
function wideCsv(name: string, columns: number, rows: number): string {
  const lines = [Array.from({ length: columns }, (_, j) => `c${j + 1}`).join(',')];
  for (let r = 0; r < rows; r++)
    lines.push(Array.from({ length: columns }, (_, j) => String((r * 31 + j * 7) % 10)).join(','));
  writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
  return name;
}

describe('a very wide CSV', () => {
  it('refuses 100,000 columns with the count and the limit, under 1.5 GB peak RSS', () => {
    // About 1.2 MB: the header and five rows.
    const file = wideCsv('wide-100k.csv', 100_000, 5);
    const r = runChild(child, ['open', dir, file]);
    expect(r.killed).toBeUndefined();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/"wide-100k\.csv" line 1 has 100,000 columns; .* at most 20,000/);
    expect(r.peakRss as number).toBeLessThan(1.5 * GB);
  });

  it('reads 20,000 columns of 40 rows without a big block per column', () => {
    const file = wideCsv('wide-20k.csv', 20_000, 40);
    const r = runChild(child, ['open', dir, file]);
    expect(r).toMatchObject({ ok: true, columns: 20_000, rows: 40 });
    // A 65,536-cell block per column alone would be 5 GB.
    expect(r.peakRss as number).toBeLessThan(1.5 * GB);
  });
});

describe('closing a dataset', () => {
  it('gives back the heap and array buffers of a long file (within 10 %)', () => {
    const warm = wideCsv('warm-long.csv', 8, 200);
    const file = wideCsv('long.csv', 8, 150_000);
    const r = runChild(child, ['close', dir, warm, file]);
    expect(r).toMatchObject({ ok: true, closed: true, rows: 150_000 });
    const { before, loaded, after } = r as unknown as Record<string, { heap: number }>;
    expect(loaded!.heap - before!.heap).toBeGreaterThan(4 * MB); // it did hold the table
    expect(after!.heap).toBeLessThan(before!.heap * 1.1);
  });

  it('gives back the memory of a wide file: heap within 10 %, RSS without a block per column', () => {
    const warm = wideCsv('warm-wide.csv', 30, 60);
    const file = wideCsv('wide-4k.csv', 4_000, 60);
    const r = runChild(child, ['close', dir, warm, file]);
    expect(r).toMatchObject({ ok: true, closed: true, columns: 4_000 });
    const { before, after } = r as unknown as Record<string, { heap: number; rss: number }>;
    expect(after!.heap).toBeLessThan(before!.heap * 1.1);
    // Blocks freed by the allocator are not always handed back to the system: RSS is allowed a
    // margin, but not the gigabyte a block per column took.
    expect(after!.rss).toBeLessThan(before!.rss + 100 * MB);
  });
});
