/** File reading with a size cap, hashing and the embedded dataset's gzip + base64. */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { DatasetSource } from '../../../engine/graph/project';
import { AppError } from '../../contract';
import { ReadableFile } from '../files/safe-read';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads a regular file of at most `limit` bytes (checked before reading, and again while it is
 * read). Opened without blocking and refused unless regular (see files/safe-read.ts).
 */
export async function readCapped(abs: string, limit: number, shown: string): Promise<Uint8Array> {
  const file = await ReadableFile.open(abs, shown);
  try {
    return await file.readAll(limit);
  } finally {
    await file.close();
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
