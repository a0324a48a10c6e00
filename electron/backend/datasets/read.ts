/**
 * Reading a CSV file safely: refuse files too big for memory (with the size, before reading a
 * byte), notice a file that disappears or changes while it is read, and (for the app) stream it
 * as decoded text in pieces, so a big file is never held whole.
 */
import { open, stat as fsStat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { AppError } from '../../contract';
import type { TextStream } from '../../../engine/data/csv/parse';
import { formatBytes } from '../files/service';
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
  if (!before.isFile())
    throw new AppError('BAD_REQUEST', `"${name}" is not a file.`, { file: name });
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

function gone(name: string): AppError {
  return new AppError('NOT_FOUND', `"${name}" disappeared before it could be read.`, {
    file: name,
  });
}

async function checkAfter(abs: string, c: Checked, read: number, handle: FileHandle) {
  const after = await handle.stat();
  if (read !== c.size || after.size !== c.size || after.mtimeMs !== c.mtimeMs) {
    throw new AppError(
      'IO_ERROR',
      `"${c.name}" changed while it was being read (it was ${formatBytes(c.size)}, now ${formatBytes(after.size)}). Open it again once it is saved.`,
      { file: c.name },
    );
  }
  // A file deleted while open stays readable on POSIX; say so rather than load a ghost.
  await fsStat(abs).catch(() => {
    throw gone(c.name);
  });
}

/** The whole file's bytes (the CLI, small files). */
export async function readCsvFile(abs: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const c = await checkBefore(abs, options.maxBytes);
  const handle = await open(abs, 'r').catch(() => {
    throw gone(c.name);
  });
  const bytes = new Uint8Array(c.size);
  try {
    let off = 0;
    while (off < bytes.length) {
      const n = Math.min(PIECE, bytes.length - off);
      const { bytesRead } = await handle.read(bytes, off, n, off);
      if (bytesRead === 0) break;
      off += bytesRead;
      options.onProgress?.(off / bytes.length, bytes.length);
    }
    await checkAfter(abs, c, off, handle);
  } finally {
    await handle.close();
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
  name: string;
  size: number;
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
  const head = new Uint8Array(Math.min(c.size, 65536));
  const h = await open(abs, 'r').catch(() => {
    throw gone(c.name);
  });
  try {
    await h.read(head, 0, head.length, 0);
  } finally {
    await h.close();
  }
  return {
    name: c.name,
    size: c.size,
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
  const decoder = new TextDecoder(label, { fatal: label === 'utf-8' });
  const handle = await open(abs, 'r').catch(() => {
    throw gone(c.name);
  });
  try {
    const buf = new Uint8Array(PIECE);
    let off = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, PIECE, off);
      if (bytesRead === 0) break;
      let text: string;
      try {
        text = decoder.decode(buf.subarray(0, bytesRead), { stream: true });
      } catch {
        throw new NotUtf8Error(await lineOfBadByte(abs, off, buf.subarray(0, bytesRead)));
      }
      off += bytesRead;
      onRead(off);
      yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
    await checkAfter(abs, c, off, handle);
  } finally {
    await handle.close();
  }
}

/** Line of the first non-UTF-8 byte, given the piece that failed and where it starts. */
async function lineOfBadByte(abs: string, pieceStart: number, piece: Uint8Array): Promise<number> {
  let lines = countLines(piece, firstInvalidUtf8(piece));
  const handle = await open(abs, 'r');
  try {
    const buf = new Uint8Array(PIECE);
    for (let off = 0; off < pieceStart;) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(PIECE, pieceStart - off), off);
      if (bytesRead === 0) break;
      lines += countLines(buf, bytesRead) - 1;
      off += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return lines;
}
