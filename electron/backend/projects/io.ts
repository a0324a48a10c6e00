/** File reading with a size cap, hashing and the embedded dataset's gzip + base64. */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { DatasetSource } from '../../../engine/graph/project';
import { AppError } from '../../contract';
import { formatBytes } from '../files/format';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a regular file of at most `limit` bytes (checked before reading). */
export async function readCapped(abs: string, limit: number, shown: string): Promise<Uint8Array> {
  // Checked before opening: opening a named pipe or a device could block or never end.
  if (!(await stat(abs)).isFile()) {
    throw new AppError('BAD_REQUEST', `"${shown}" is not a file.`, { path: shown });
  }
  const handle = await open(abs, 'r');
  try {
    const s = await handle.stat();
    if (!s.isFile())
      throw new AppError('BAD_REQUEST', `"${shown}" is not a file.`, { path: shown });
    if (s.size > limit) {
      throw new AppError(
        'TOO_LARGE',
        `"${path.basename(abs)}" is ${formatBytes(s.size)}; the limit is ${formatBytes(limit)}.`,
        { path: shown, size: s.size, limit },
      );
    }
    const bytes = await handle.readFile();
    if (bytes.byteLength > limit) {
      throw new AppError('TOO_LARGE', `"${path.basename(abs)}" grew past the limit while read.`, {
        path: shown,
        limit,
      });
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Compressed embedded sources by content hash, so autosaves do not recompress the same data. */
const embedCache = new Map<string, Extract<DatasetSource, { kind: 'embedded' }>>();

export async function embedBytes(bytes: Uint8Array): Promise<DatasetSource> {
  const sha256 = sha256Hex(bytes);
  const cached = embedCache.get(sha256);
  if (cached) return cached;
  const packed = await gzipAsync(bytes, { level: 6 });
  const source = {
    kind: 'embedded' as const,
    compression: 'gzip' as const,
    bytes: bytes.byteLength,
    sha256,
    data: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('base64'),
  };
  embedCache.set(sha256, source);
  while (embedCache.size > 3) embedCache.delete(embedCache.keys().next().value!);
  return source;
}

/**
 * The original bytes of an embedded dataset: decompressed with a cap at the declared size (a
 * "zip bomb" stops there), then checked against the declared size and hash.
 */
export async function extractEmbedded(
  source: Extract<DatasetSource, { kind: 'embedded' }>,
): Promise<Uint8Array> {
  const raw = Buffer.from(source.data, 'base64');
  let bytes: Uint8Array;
  if (source.compression === 'gzip') {
    try {
      bytes = await gunzipAsync(raw, { maxOutputLength: Math.max(1, source.bytes) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new AppError(
        'BAD_REQUEST',
        code === 'ERR_BUFFER_TOO_LARGE'
          ? `the embedded dataset is larger than the ${source.bytes} bytes the file declares`
          : 'the embedded dataset is not valid gzip data',
      );
    }
  } else bytes = raw;
  if (bytes.byteLength !== source.bytes) {
    throw new AppError(
      'BAD_REQUEST',
      `the embedded dataset has ${bytes.byteLength} bytes, the file declares ${source.bytes}`,
    );
  }
  if (sha256Hex(bytes) !== source.sha256) {
    throw new AppError('BAD_REQUEST', 'the embedded dataset does not match its sha256 hash');
  }
  return bytes;
}
