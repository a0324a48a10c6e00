/**
 * CSV files parsed in worker threads (in parts, in parallel) through the dataset store, against
 * the same files parsed in-process: same summary, same encoded rows, same messages. Small files
 * with small part sizes stand in for big ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { streamCsvFile } from '../../electron/backend/datasets/read';
import { DatasetStore, type StoreOptions } from '../../electron/backend/datasets/store';
import { bundleCsvWorker } from '../support/csv-worker';

let dir: string;
let workerPath: string;

let remove = () => {};
beforeAll(async () => {
  ({ dir, workerPath, remove } = await bundleCsvWorker('layerlab-csv-workers-'));
});

afterAll(() => remove());

/** How the stores made in a test parsed their files (threads per load). */
let threads: number[] = [];

/** Threads from the first byte, parts of 15 KB or more. */
const parallel = (): StoreOptions => ({
  onParsed: (info) => threads.push(info.threads),
  workers: { workerPath, threads: 3, minBytes: 0, parallelMinBytes: 0, partMinBytes: 15_000 },
});

async function load(store: DatasetStore, file: string, skipBadRows = false) {
  const stream = await streamCsvFile(file);
  const fractions: number[] = [];
  const summary = await store.load({
    name: path.basename(file),
    size: stream.size,
    file: stream,
    options: { skipBadRows },
    onProgress: (phase, f) => phase === 'parsing' && fractions.push(f),
  });
  return { summary, fractions };
}

/**
 * A summary to compare: without its id, numbers to 12 significant digits (statistics of parts
 * merge pairwise, so a standard deviation may differ from the one-pass value in its last bits).
 */
function same(summary: object): unknown {
  return JSON.parse(
    JSON.stringify({ ...summary, id: '' }, (_, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
    ),
  );
}

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function table(n: number, row: (i: number) => string, header = 'x1,x2,colour,label'): string {
  return [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n') + '\n';
}

const plainRow = (i: number) =>
  `${((i * 37) % 101) / 10},${(i * 13) % 17},${['red', 'green', 'blue'][i % 3]},${i % 2 ? 'cat' : 'dog'}`;

describe('CSV files parsed in worker threads', () => {
  it('gives the in-process summary and encoded rows when parsed in three parts', async () => {
    const file = write('plain.csv', table(3000, plainRow));
    threads = [];
    const inProcess = new DatasetStore();
    const threaded = new DatasetStore(parallel());
    const a = await load(inProcess, file);
    const b = await load(threaded, file);
    expect(same(b.summary)).toEqual(same(a.summary));
    expect(b.fractions.at(-1)).toBe(1);
    expect(threads).toEqual([3]);
    for (const split of ['train', 'validation', 'test'] as const) {
      const x = inProcess.encodeSplit(a.summary.id, split);
      const y = threaded.encodeSplit(b.summary.id, split);
      expect(Array.from(y.x)).toEqual(Array.from(x.x));
      expect(Array.from(y.y)).toEqual(Array.from(x.y));
    }
  });

  it('falls back to one sequential parse when a cut lands inside a quoted field', async () => {
    // Every row's quoted note spans several lines, so some cuts fall inside quotes.
    const file = write(
      'quoted.csv',
      table(
        1500,
        (i) => `${i % 10},"note ${i}\n${'more text '.repeat(3)}\nend",${i % 3},${i % 2}`,
        'a,note,b,label',
      ),
    );
    threads = [];
    const a = await load(new DatasetStore(), file);
    const b = await load(new DatasetStore(parallel()), file);
    expect(same(b.summary)).toEqual(same(a.summary));
    expect(b.summary.file.rows).toBe(1500);
    expect(threads).toEqual([1]);
  });

  it('reads a file with a non-UTF-8 byte late in it as Latin-1, saying so', async () => {
    const text = table(3000, plainRow).replace(/\n2900,/, '\n2900,');
    const bytes = Buffer.from(text, 'latin1');
    const at = bytes.indexOf(Buffer.from('dog\n', 'latin1'), bytes.length - 2000);
    bytes[at] = 0xe9; // "éog": a Latin-1 letter, not UTF-8
    const file = write('latin.csv', bytes);
    threads = [];
    const a = await load(new DatasetStore(), file);
    const b = await load(new DatasetStore(parallel()), file);
    expect(b.summary.file.encoding).toBe('latin-1');
    expect(threads).toEqual([1]);
    expect(b.summary.file.notes.join(' ')).toMatch(
      /not valid UTF-8 \(the first bad byte is on line \d+\)/,
    );
    expect(same(b.summary)).toEqual(same(a.summary));
  });

  it('names the same lines for rows with the wrong number of fields in a later part', async () => {
    const lines = table(3000, plainRow).split('\n');
    lines[2500] = '1,2,3';
    lines[2801] = '1,2,3,4,5';
    const file = write('ragged.csv', lines.join('\n'));
    const message = async (store: DatasetStore) =>
      load(store, file).then(
        () => 'loaded',
        (e: Error) => e.message,
      );
    const expected = await message(new DatasetStore());
    expect(expected).toMatch(/line 2501 has 3, line 2802 has 5/);
    expect(await message(new DatasetStore(parallel()))).toBe(expected);
    threads = [];
    const skipped = await load(new DatasetStore(parallel()), file, true);
    expect(threads).toEqual([3]);
    expect(skipped.summary.file.badRows).toEqual([
      { line: 2501, fields: 3 },
      { line: 2802, fields: 5 },
    ]);
  });
});
