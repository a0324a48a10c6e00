/**
 * Reading a CSV file's bytes safely: refuse files too big for memory (with the size, before
 * reading a byte), and notice a file that disappears or changes while it is read.
 */
import { open, stat as fsStat } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { AppError } from '../../contract';
import { formatBytes } from '../files/service';

/** V8 cannot hold a longer string; a bigger file cannot be parsed in one piece anyway. */
export const MAX_CSV_BYTES = 512 * 1024 * 1024;
/** Parsed columns, text and encoded copy together take about this many times the file size. */
const MEMORY_FACTOR = 4;

export interface ReadOptions {
  /** Override of the size limit (tests). */
  maxBytes?: number;
  /** Called with the fraction read and the file's size. */
  onProgress?(fraction: number, size: number): void;
}

/** The largest file this process can afford to load now. */
export function memoryLimit(): number {
  const h = getHeapStatistics();
  const free = h.heap_size_limit - h.used_heap_size;
  return Math.max(0, Math.min(MAX_CSV_BYTES, Math.floor(free / MEMORY_FACTOR)));
}

export async function readCsvFile(abs: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const name = path.basename(abs);
  const gone = () =>
    new AppError('NOT_FOUND', `"${name}" disappeared before it could be read.`, { file: name });
  const before = await fsStat(abs).catch(() => {
    throw gone();
  });
  if (!before.isFile())
    throw new AppError('BAD_REQUEST', `"${name}" is not a file.`, { file: name });
  const limit = options.maxBytes ?? memoryLimit();
  if (before.size > limit) {
    throw new AppError(
      'TOO_LARGE',
      `"${name}" is ${formatBytes(before.size)}; Layerlab can load CSV files up to ${formatBytes(limit)} with the memory available. Use a sample of the rows.`,
      { file: name, size: before.size, limit },
    );
  }
  const handle = await open(abs, 'r').catch(() => {
    throw gone();
  });
  const bytes = new Uint8Array(before.size);
  try {
    const step = 8 * 1024 * 1024;
    let off = 0;
    while (off < bytes.length) {
      const { bytesRead } = await handle.read(bytes, off, Math.min(step, bytes.length - off), off);
      if (bytesRead === 0) break;
      off += bytesRead;
      options.onProgress?.(off / bytes.length, bytes.length);
    }
    const after = await handle.stat();
    if (off !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      throw new AppError(
        'IO_ERROR',
        `"${name}" changed while it was being read (it was ${formatBytes(before.size)}, now ${formatBytes(after.size)}). Open it again once it is saved.`,
        { file: name },
      );
    }
  } finally {
    await handle.close();
  }
  // A file deleted while open stays readable on POSIX; say so rather than load a ghost.
  await fsStat(abs).catch(() => {
    throw gone();
  });
  return bytes;
}
