/**
 * Opening a file for reading without ever blocking on something that is not a regular file.
 *
 * Opening a named pipe (FIFO) waits for a writer; a read from a device may never end; each such
 * call holds one of libuv's four file-system threads, so a few of them stop every file access of
 * the process. Files are therefore opened with O_NONBLOCK (a FIFO opens at once), checked with
 * fstat on the open handle (no gap between the check and the open in which the path could be
 * swapped) and refused unless regular; every open, stat and read gives up after a timeout.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { formatBytes } from './format';

/** How long one open, stat or read may take before the file is given up on. */
export const READ_TIMEOUT_MS = 30_000;
const PIECE = 4 * 1024 * 1024;

// Windows has no O_NONBLOCK (and no FIFOs in the file system): plain read-only there.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a file that is not regular is, in words. */
export function fileKind(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function notRegularFile(shown: string, s: Stats): AppError {
  return new AppError(
    'BAD_REQUEST',
    `"${shown}" is ${fileKind(s)}, not a regular file; Layerlab only reads regular files.`,
    { path: shown, kind: fileKind(s) },
  );
}

function timedOut(shown: string, ms: number): AppError {
  return new AppError(
    'IO_ERROR',
    `Reading "${shown}" took longer than ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}; it may be on a drive or network share that stopped answering.`,
    { path: shown, timeoutMs: ms },
  );
}

/**
 * `p`, or a timeout error after `ms`. A value that arrives late is handed to `late` (to close a
 * handle nobody will use).
 */
export function within<T>(
  p: Promise<T>,
  ms: number,
  shown: string,
  late?: (v: T) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(timedOut(shown, ms));
    }, ms);
    p.then(
      (v) => {
        if (done) late?.(v);
        else {
          done = true;
          clearTimeout(timer);
          resolve(v);
        }
      },
      (err: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** A regular file open for reading, each operation under a timeout. */
export class ReadableFile {
  private stuck = false;

  private constructor(
    private readonly handle: FileHandle,
    /** The file's stats when it was opened (a regular file). */
    readonly stats: Stats,
    private readonly shown: string,
    private readonly ms: number,
  ) {}

  /**
   * Opens `abs` (`shown` names it in messages); refuses a folder, FIFO, socket or device with
   * BAD_REQUEST. Errors of the open itself (ENOENT, EACCES) pass through.
   */
  static async open(abs: string, shown: string, ms = READ_TIMEOUT_MS): Promise<ReadableFile> {
    const handle = await within(open(abs, FLAGS), ms, shown, (h) => void h.close());
    let stats: Stats;
    try {
      stats = await within(handle.stat(), ms, shown);
    } catch (err) {
      void handle.close().catch(() => {});
      throw err;
    }
    if (!stats.isFile()) {
      await handle.close();
      throw notRegularFile(shown, stats);
    }
    return new ReadableFile(handle, stats, shown, ms);
  }

  /** Like FileHandle#read: bytes read into `buf` at `offset` from file position `position`. */
  async read(buf: Uint8Array, offset: number, length: number, position: number): Promise<number> {
    return this.guard(this.handle.read(buf, offset, length, position)).then((r) => r.bytesRead);
  }

  async stat(): Promise<Stats> {
    return this.guard(this.handle.stat());
  }

  /** Every byte, at most `limit` (TOO_LARGE beyond it, also when the file grows while read). */
  async readAll(limit = Infinity): Promise<Uint8Array> {
    const size = this.stats.size;
    if (size > limit) throw this.tooLarge(size, limit);
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // One byte past the expected end: the end of the file (or its growth) is seen.
      const want = Math.min(PIECE, Math.max(1, size - total + 1));
      const buf = new Uint8Array(want);
      const n = await this.read(buf, 0, want, total);
      if (n === 0) break;
      total += n;
      if (total > limit) throw this.tooLarge(total, limit);
      parts.push(buf.subarray(0, n));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** Closes the handle; after a timeout without waiting (the stuck call would hold it). */
  async close(): Promise<void> {
    if (this.stuck) void this.handle.close().catch(() => {});
    else await this.handle.close();
  }

  private guard<T>(p: Promise<T>): Promise<T> {
    return within(p, this.ms, this.shown).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'IO_ERROR') this.stuck = true;
      throw err;
    });
  }

  private tooLarge(size: number, limit: number): AppError {
    return new AppError(
      'TOO_LARGE',
      `"${path.basename(this.shown)}" is ${formatBytes(size)}; the limit is ${formatBytes(limit)}.`,
      { path: this.shown, size, limit },
    );
  }
}
