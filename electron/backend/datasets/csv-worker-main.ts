/**
 * A CSV worker thread: parses one file, or one part of it, off the main thread and posts the
 * table back with its typed arrays transferred (not copied). Progress goes out as bytes read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseStream } from '../../../engine/data/csv/parse';
import { tableToData, transferables } from '../../../engine/data/csv/parts';
import { DatasetError } from '../../../engine/data/errors';
import { AppError } from '../../contract/errors';
import type { CsvFailure, CsvJob, FromCsvWorker } from './csv-protocol';
import { countByte } from './decode';
import { parseFile, type ParsedFile } from './parse-file';
import { NotUtf8Error, rangeText, streamCsvFile } from './read';

const PROGRESS_MS = 100;

export function startCsvWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('csv-worker must run in a worker thread');
  const post = (m: FromCsvWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const job = workerData as CsvJob;
  let last = 0;
  const progress = (bytes: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS) return;
    last = now;
    post({ type: 'progress', bytes });
  };
  run(job, progress).then(
    ({ parsed, newlines, quotes }) => {
      const table = tableToData(parsed.table);
      post(
        { type: 'done', table, encoding: parsed.encoding, notes: parsed.notes, newlines, quotes },
        transferables(table),
      );
    },
    (err: unknown) => post({ type: 'failed', failure: failure(err) }),
  );
}

async function run(
  job: CsvJob,
  progress: (bytes: number) => void,
): Promise<{ parsed: ParsedFile; newlines: number; quotes: number }> {
  const opts = { file: job.name, skipBadRows: job.skipBadRows };
  if (!job.part) {
    // The size was checked against the main side's memory; this thread's heap is not the limit.
    const file = await streamCsvFile(job.path, {
      maxBytes: Infinity,
      onProgress: (f, size) => progress(f * size),
    });
    return { parsed: await parseFile(file, opts), newlines: 0, quotes: 0 };
  }
  const { start, end, preset } = job.part;
  const nl = preset.dialect.newline.charCodeAt(0);
  let newlines = 0;
  let quotes = 0;
  const pieces = rangeText(job, start, end, 'utf-8', (read, bytes) => {
    newlines += countByte(bytes, nl);
    quotes += countByte(bytes, 34);
    progress(read);
  });
  const table = await parseStream({ pieces }, { ...opts, preset });
  return { parsed: { table, encoding: 'utf-8', notes: [] }, newlines, quotes };
}

function failure(err: unknown): CsvFailure {
  if (err instanceof NotUtf8Error) return { kind: 'not-utf8' };
  if (err instanceof DatasetError)
    return { kind: 'dataset', message: err.message, details: err.details };
  if (err instanceof AppError)
    return { kind: 'app', code: err.code, message: err.message, details: err.details };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
