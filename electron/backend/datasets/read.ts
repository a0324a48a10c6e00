/**
 * Reading a CSV file safely: refuse anything but a regular file (a FIFO, socket, device or
 * folder, checked on the open handle, never blocking) and files too big for memory (with the
 * size, before reading a byte), give up on reads that hang, notice a file that disappears or
 * changes while it is read, and (for the app) stream it as decoded text in pieces, so a big file
 * is never held whole.
 */
import { isAscii } from 'node:buffer';
import { stat as fsStat } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { AppError } from '../../contract/errors';
import type { TextStream } from '../../../engine/data/csv/parse';
import { formatBytes } from '../files/format';
import { notRegularFile, ReadableFile } from '../files/safe-read';
import { countLines, firstInvalidUtf8 } from './decode';

/** A hard ceiling, whatever the memory: beyond it, sample the rows. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024 * 1024;
/** Parsed columns and the encoded copy take up to about this many times the file size. */
const MEMORY_FACTOR = 4;
/** Bytes read (and decoded) at a time. */
const PIECE = 4 * 1024 * 1024;

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

interface Checked {
  name: string;
  size: number;
  mtimeMs: number;
}

async function checkBefore(abs: string, maxBytes: number | undefined): Promise<Checked> {
  const name = path.basename(abs);
  const before = await fsStat(abs).catch(() => {
    throw gone(name);
  });
  // Stat does not open, so it cannot block on a FIFO; the open handle is checked again.
  if (!before.isFile()) throw notRegularFile(name, before);
  const limit = maxBytes ?? memoryLimit();
  if (before.size > limit) {
    throw new AppError(
      'TOO_LARGE',
      `"${name}" is ${formatBytes(before.size)}; Layerlab can load CSV files up to ${formatBytes(limit)} with the memory available. Use a sample of the rows.`,
      { file: name, size: before.size, limit },
    );
  }
  return { name, size: before.size, mtimeMs: before.mtimeMs };
}

function changed(name: string, was: number, now: number): AppError {
  return new AppError(
    'IO_ERROR',
    `"${name}" changed while it was being read (it was ${formatBytes(was)}, now ${formatBytes(now)}). Open it again once it is saved.`,
    { file: name },
  );
}

/** Opens a regular file; a file gone by now is said so, other refusals pass through. */
async function openFile(abs: string, name: string): Promise<ReadableFile> {
  return ReadableFile.open(abs, name).catch((err: unknown) => {
    throw err instanceof AppError ? err : gone(name);
  });
}

function gone(name: string): AppError {
  return new AppError('NOT_FOUND', `"${name}" disappeared before it could be read.`, {
    file: name,
  });
}

async function checkAfter(abs: string, c: Checked, read: number, file: ReadableFile) {
  const after = await file.stat();
  if (read !== c.size || after.size !== c.size || after.mtimeMs !== c.mtimeMs)
    throw changed(c.name, c.size, after.size);
  // A file deleted while open stays readable on POSIX; say so rather than load a ghost.
  await fsStat(abs).catch(() => {
    throw gone(c.name);
  });
}

/** The whole file's bytes (the CLI, small files). */
export async function readCsvFile(abs: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const c = await checkBefore(abs, options.maxBytes);
  const file = await openFile(abs, c.name);
  const bytes = new Uint8Array(c.size);
  try {
    let off = 0;
    while (off < bytes.length) {
      const n = Math.min(PIECE, bytes.length - off);
      const bytesRead = await file.read(bytes, off, n, off);
      if (bytesRead === 0) break;
      off += bytesRead;
      options.onProgress?.(off / bytes.length, bytes.length);
    }
    await checkAfter(abs, c, off, file);
  } finally {
    await file.close();
  }
  return bytes;
}

/** Thrown while streaming as UTF-8 when a byte sequence is not UTF-8: start again as Latin-1. */
export class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super('not UTF-8');
  }
}

export interface CsvFileStream {
  /** Absolute path (worker threads open the file themselves). */
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  /** The first bytes (to tell binary files and UTF-16 apart before parsing). */
  head: Uint8Array;
  /** The file as text pieces in `label` encoding; checks for changes at the end. */
  text(label: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'): TextStream;
}

/** Opens a file for streaming: size checked now, the bytes read piece by piece later. */
export async function streamCsvFile(
  abs: string,
  options: ReadOptions = {},
): Promise<CsvFileStream> {
  const c = await checkBefore(abs, options.maxBytes);
  const head = await readBytes(abs, 0, Math.min(c.size, 65536));
  return {
    path: abs,
    name: c.name,
    size: c.size,
    mtimeMs: c.mtimeMs,
    head,
    text(label) {
      let read = 0;
      return {
        fraction: () => (c.size ? read / c.size : 1),
        pieces: pieces(abs, c, label, (n) => {
          read = n;
          options.onProgress?.(n / Math.max(1, c.size), c.size);
        }),
      };
    },
  };
}

async function* pieces(
  abs: string,
  c: Checked,
  label: string,
  onRead: (bytes: number) => void,
): AsyncGenerator<string> {
  const file = await openFile(abs, c.name);
  try {
    const off = yield* decodeRange(file, abs, 0, Infinity, label, (n) => onRead(n));
    await checkAfter(abs, c, off, file);
  } finally {
    await file.close();
  }
}

/**
 * Bytes [start, end) of an open file as decoded text pieces; `onPiece` sees each piece's bytes
 * and the bytes read so far. Returns the offset reached. `start` must be at a character
 * boundary (a part of a file starts after a line break).
 */
async function* decodeRange(
  handle: ReadableFile,
  abs: string,
  start: number,
  end: number,
  label: string,
  onPiece: (read: number, bytes: Uint8Array) => void,
): AsyncGenerator<string, number> {
  const decoder = new TextDecoder(label, { fatal: label === 'utf-8' });
  // Pure ASCII reads the same in UTF-8 and Windows-1252, and copying bytes into a string is
  // several times faster than decoding: used until the first piece with another byte (after
  // that the decoder may hold part of a character between pieces).
  let ascii = label === 'utf-8' || label === 'windows-1252';
  const buf = Buffer.alloc(PIECE);
  let off = start;
  while (off < end) {
    const bytesRead = await handle.read(buf, 0, Math.min(PIECE, end - off), off);
    if (bytesRead === 0) break;
    const bytes = buf.subarray(0, bytesRead);
    let text: string;
    try {
      ascii &&= isAscii(bytes);
      text = ascii ? bytes.toString('latin1') : decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8Error(await lineOfBadByte(abs, off, bytes));
    }
    off += bytesRead;
    onPiece(off - start, bytes);
    yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
  return off;
}

/**
 * Bytes [start, end) of a file as text (one part of a file parsed in parallel). The caller
 * checks afterwards that the file did not change (`assertUnchanged`).
 */
export async function* rangeText(
  file: Pick<CsvFileStream, 'path' | 'name'>,
  start: number,
  end: number,
  label: string,
  onPiece: (read: number, bytes: Uint8Array) => void,
): AsyncGenerator<string> {
  const handle = await openFile(file.path, file.name);
  try {
    yield* decodeRange(handle, file.path, start, end, label, onPiece);
  } finally {
    await handle.close();
  }
}

/** `count` bytes of a file from `at` (fewer at its end). */
export async function readBytes(abs: string, at: number, count: number): Promise<Uint8Array> {
  const handle = await openFile(abs, path.basename(abs));
  try {
    const buf = new Uint8Array(count);
    const bytesRead = await handle.read(buf, 0, count, at);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Throws when the file is gone or its size or modification time differ from when it was opened. */
export async function assertUnchanged(file: CsvFileStream): Promise<void> {
  const after = await fsStat(file.path).catch(() => {
    throw gone(file.name);
  });
  if (after.size !== file.size || after.mtimeMs !== file.mtimeMs)
    throw changed(file.name, file.size, after.size);
}

/** Line of the first non-UTF-8 byte, given the piece that failed and where it starts. */
async function lineOfBadByte(abs: string, pieceStart: number, piece: Uint8Array): Promise<number> {
  let lines = countLines(piece, firstInvalidUtf8(piece));
  const handle = await openFile(abs, path.basename(abs));
  try {
    const buf = new Uint8Array(PIECE);
    for (let off = 0; off < pieceStart;) {
      const bytesRead = await handle.read(buf, 0, Math.min(PIECE, pieceStart - off), off);
      if (bytesRead === 0) break;
      lines += countLines(buf, bytesRead) - 1;
      off += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return lines;
}
