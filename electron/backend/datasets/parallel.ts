/**
 * Parsing a CSV file in worker threads, so the main side keeps answering while a big file is
 * read, and (for big UTF-8 files) in parallel: the file is cut at line breaks into one part per
 * thread, the dialect and header are decided once from its first lines, and the parts are joined
 * in order. A cut inside a quoted field (an odd number of quote characters before it), a part
 * that meets a non-UTF-8 byte or any other problem falls back to one sequential parse in a
 * worker, which gives exactly the in-process result and messages.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  mergeParts,
  presetFromHead,
  tableFromData,
  type Preset,
  type TablePart,
} from '../../../engine/data/csv/parts';
import { DatasetError } from '../../../engine/data/errors';
import { AppError } from '../../contract/errors';
import type { CsvJob, FromCsvWorker } from './csv-protocol';
import { sniffBytes } from './decode';
import type { ParsedFile } from './parse-file';
import { assertUnchanged, readBytes, type CsvFileStream } from './read';

/** Below this size one thread parses the whole file (a part would not repay a thread). */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
/** Bytes per part at least, and at most this many threads. */
const PART_MIN_BYTES = 8 * 1024 * 1024;
const MAX_THREADS = 4;
/** How far after a cut point to look for a line break. */
const CUT_WINDOW = 1024 * 1024;
/** The first characters decide dialect and header, as in a sequential parse (64 K characters: up to 256 KB of UTF-8). */
const HEAD_BYTES = 256 * 1024;

/** The CSV worker threads and when to use them. */
export interface CsvWorkers {
  /** The built CSV worker (dist/electron/csv-worker.cjs). */
  workerPath: string;
  /** Threads for one file at most (default: the machine's, up to 4). */
  threads?: number;
  /**
   * Smallest file parsed in a worker at all (the dataset store's decision), smallest file
   * parsed in parts, and smallest part (defaults above; tests use small files).
   */
  minBytes?: number;
  parallelMinBytes?: number;
  partMinBytes?: number;
}

export async function parseInWorkers(
  file: CsvFileStream,
  workers: CsvWorkers,
  opts: { skipBadRows: boolean; onProgress?(fraction: number): void },
): Promise<ParsedFile> {
  const parts = await planParts(file, {
    threads: workers.threads ?? availableParallelism(),
    minBytes: workers.parallelMinBytes ?? PARALLEL_MIN_BYTES,
    partBytes: workers.partMinBytes ?? PART_MIN_BYTES,
  });
  const read = new Array<number>(parts ? parts.length : 1).fill(0);
  const progress = (i: number, bytes: number) => {
    read[i] = bytes;
    opts.onProgress?.(Math.min(1, read.reduce((a, b) => a + b, 0) / Math.max(1, file.size)));
  };
  const job = (part: CsvJob['part']): CsvJob => ({
    path: file.path,
    name: file.name,
    skipBadRows: opts.skipBadRows,
    part,
  });
  if (parts) {
    const results = await Promise.all(
      parts.map((part, i) => runJob(workers.workerPath, job(part), (b) => progress(i, b))),
    );
    const joined = join(results, opts.skipBadRows);
    if (joined) {
      await assertUnchanged(file);
      return joined;
    }
    read.fill(0);
  }
  const result = await runJob(workers.workerPath, job(null), (b) => progress(0, b));
  if (result.type === 'failed') throw rethrow(result.failure);
  await assertUnchanged(file);
  return {
    table: tableFromData(result.table),
    encoding: result.encoding,
    notes: result.notes,
    threads: 1,
  };
}

type Part = NonNullable<CsvJob['part']>;

/** Where to cut the file (null: parse it in one piece). */
async function planParts(
  file: CsvFileStream,
  limits: { threads: number; minBytes: number; partBytes: number },
): Promise<Part[] | null> {
  const n = Math.min(limits.threads, MAX_THREADS, Math.floor(file.size / limits.partBytes));
  if (file.size < limits.minBytes || n < 2) return null;
  if (sniffBytes(file.head, file.name) !== 'utf-8') return null; // UTF-16: cut by code units
  let preset: Preset | null;
  try {
    const head = await readBytes(file.path, 0, HEAD_BYTES);
    preset = presetFromHead(
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true }),
    );
  } catch {
    return null; // not UTF-8 at the start: the sequential parse reads it as Latin-1
  }
  if (!preset) return null;
  const nl = preset.dialect.newline.charCodeAt(0);
  const cuts = [0];
  for (let k = 1; k < n; k++) {
    const at = Math.floor((file.size * k) / n);
    const window = await readBytes(file.path, at, CUT_WINDOW);
    const i = window.indexOf(nl);
    if (i < 0) return null;
    const cut = at + i + 1;
    if (cut <= cuts[cuts.length - 1]! || cut >= file.size) return null;
    cuts.push(cut);
  }
  cuts.push(file.size);
  return cuts.slice(0, -1).map((start, k) => ({
    start,
    end: cuts[k + 1]!,
    // Only the first part starts with the header line.
    preset: { ...preset, headerRow: k === 0, lastPart: k === n - 1 },
  }));
}

type Result = Extract<FromCsvWorker, { type: 'done' | 'failed' }>;

/** The parts joined, or null when they cannot be (a cut inside quotes, a part that failed). */
function join(results: Result[], skipBadRows: boolean): ParsedFile | null {
  const parts: TablePart[] = [];
  let lines = 0;
  let quotes = 0;
  for (const r of results) {
    if (r.type === 'failed') {
      // The file going away or changing is final; anything else: read it again in one piece.
      if (r.failure.kind === 'app') throw rethrow(r.failure);
      return null;
    }
    if (quotes % 2 !== 0) return null;
    parts.push({ table: tableFromData(r.table), lineOffset: lines });
    lines += r.newlines;
    quotes += r.quotes;
  }
  return {
    table: mergeParts(parts, skipBadRows),
    encoding: 'utf-8',
    notes: [],
    threads: parts.length,
  };
}

function runJob(
  workerPath: string,
  job: CsvJob,
  onBytes: (bytes: number) => void,
): Promise<Result> {
  return new Promise((resolve) => {
    const worker = new Worker(workerPath, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    let settled = false;
    const settle = (r: Result) => {
      if (settled) return;
      settled = true;
      resolve(r);
      void worker.terminate();
    };
    worker.on('message', (m: FromCsvWorker) => {
      if (m.type === 'progress') onBytes(m.bytes);
      else settle(m);
    });
    worker.on('error', (err) =>
      settle({ type: 'failed', failure: { kind: 'internal', message: err.message } }),
    );
    worker.on('exit', (code) =>
      settle({
        type: 'failed',
        failure: { kind: 'internal', message: `the CSV reader stopped (exit code ${code})` },
      }),
    );
  });
}

function rethrow(f: Extract<Result, { type: 'failed' }>['failure']): Error {
  switch (f.kind) {
    case 'dataset':
      return new DatasetError(f.message, f.details);
    case 'app':
      return new AppError(f.code, f.message, f.details);
    case 'not-utf8':
      return new AppError('INTERNAL', 'The CSV reader could not decode the file.');
    case 'internal':
      return new AppError('INTERNAL', `Reading the file failed: ${f.message}`);
  }
}
