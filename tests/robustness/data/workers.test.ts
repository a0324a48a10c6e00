/**
 * The CSV worker threads with storage that grows on demand: a wide file with overflowing numbers,
 * parsed in three parts, gives the summary and encoded rows of one in-process pass.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamCsvFile } from '../../../electron/backend/datasets/read';
import { DatasetStore } from '../../../electron/backend/datasets/store';
import { bundleCsvWorker } from '../../support/csv-worker';

let dir: string;
let workerPath: string;

let remove = () => {};
beforeAll(async () => {
  ({ dir, workerPath, remove } = await bundleCsvWorker('layerlab-robust-workers-'));
}, 60_000);

afterAll(() => remove());

/** Without its id; numbers to 12 digits (parts merge statistics pairwise). */
function same(summary: object): unknown {
  return JSON.parse(
    JSON.stringify({ ...summary, id: '' }, (_, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
    ),
  );
}

describe('a wide file with overflowing numbers in worker threads', () => {
  it('gives the in-process summary and encoded rows when parsed in three parts', async () => {
    const cols = 300;
    const lines = [[...Array.from({ length: cols }, (_, j) => `f${j}`), 'label'].join(',')];
    for (let r = 0; r < 400; r++) {
      const cells = Array.from({ length: cols }, (_, j) =>
        (r * 7 + j) % 53 === 0 ? ['1e309', '-Infinity'][j % 2]! : String(((r * 31 + j) % 97) / 4),
      );
      lines.push([...cells, String(r % 3)].join(','));
    }
    const file = path.join(dir, 'wide-inf.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const threads: number[] = [];
    const inProcess = new DatasetStore();
    const threaded = new DatasetStore({
      onParsed: (i) => threads.push(i.threads),
      workers: { workerPath, threads: 3, minBytes: 0, parallelMinBytes: 0, partMinBytes: 50_000 },
    });
    const open = async (store: DatasetStore) => {
      const stream = await streamCsvFile(file);
      return store.load({ name: 'wide-inf.csv', size: stream.size, file: stream });
    };
    const a = await open(inProcess);
    const b = await open(threaded);
    expect(threads).toEqual([3]);
    expect(same(b)).toEqual(same(a));
    expect(a.columns.filter((c) => c.kind === 'numeric')).toHaveLength(cols);
    const found = a.findings.filter((f) => f.id === 'non-finite-numbers');
    expect(found).toHaveLength(1);
    expect(found[0]!.detail).toContain(`and ${cols - 5} more columns`);
    const x = inProcess.encodeSplit(a.id, 'train');
    const y = threaded.encodeSplit(b.id, 'train');
    expect(Array.from(y.x)).toEqual(Array.from(x.x));
  });
});
