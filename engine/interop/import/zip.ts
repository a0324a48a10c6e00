/**
 * Just enough of the zip format to take one small file (config.json) out of a `.keras` archive:
 * the end-of-central-directory record, the central directory and one local header, with every
 * offset and size checked against the buffer. Decompression is the caller's (the engine has no
 * zlib): it must stop at `maxBytes`, so a small entry claiming to inflate to gigabytes costs
 * nothing, and the result must be exactly the size the directory declares.
 */
import { ImportError } from './errors';

export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

export function readZipEntry(
  file: string,
  zip: Uint8Array,
  entry: string,
  maxBytes: number,
  inflateRaw: InflateRaw | null,
): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const bad = (why: string) =>
    new ImportError('BAD_FILE', `${file}: this is not a readable .keras (zip) archive: ${why}.`);
  const u16 = (o: number) => {
    if (o + 2 > zip.length) throw bad('it ends too early');
    return view.getUint16(o, true);
  };
  const u32 = (o: number) => {
    if (o + 4 > zip.length) throw bad('it ends too early');
    return view.getUint32(o, true);
  };
  let eocd = -1;
  for (let o = zip.length - 22; o >= Math.max(0, zip.length - 22 - 65535); o--)
    if (view.getUint32(o, true) === EOCD) {
      eocd = o;
      break;
    }
  if (eocd < 0) throw bad('no end-of-archive record (is the file truncated?)');
  const count = u16(eocd + 10);
  const cdOffset = u32(eocd + 16);
  if (count > MAX_ENTRIES) throw bad(`it lists ${count} files`);
  if (cdOffset === 0xffffffff) throw bad('zip64 archives are not supported');
  let o = cdOffset;
  for (let k = 0; k < count; k++) {
    if (u32(o) !== CENTRAL) throw bad('a broken central directory');
    const flags = u16(o + 8);
    const method = u16(o + 10);
    const compressed = u32(o + 20);
    const size = u32(o + 24);
    const nameLen = u16(o + 28);
    const skip = nameLen + u16(o + 30) + u16(o + 32);
    const local = u32(o + 42);
    if (o + 46 + nameLen > zip.length) throw bad('it ends too early');
    const name = new TextDecoder().decode(zip.subarray(o + 46, o + 46 + nameLen));
    o += 46 + skip;
    if (name !== entry) continue;
    if (flags & 1) throw bad(`"${entry}" is encrypted`);
    if (size > maxBytes)
      throw new ImportError(
        'TOO_LARGE',
        `${file}: "${entry}" in the archive would be ${size} bytes; the limit is ${maxBytes}.`,
        { size, limit: maxBytes },
      );
    if (u32(local) !== LOCAL) throw bad(`the entry "${entry}" has no local header`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > zip.length) throw bad(`"${entry}" runs past the end of the file`);
    const data = zip.subarray(start, start + compressed);
    let out: Uint8Array;
    if (method === 0) out = data;
    else if (method === 8) {
      if (!inflateRaw) throw bad(`"${entry}" is compressed and no decompressor is available here`);
      try {
        out = inflateRaw(data, maxBytes);
      } catch (err) {
        throw new ImportError(
          'TOO_LARGE',
          `${file}: "${entry}" does not decompress within ${maxBytes} bytes (${(err as Error).message}).`,
          { limit: maxBytes },
        );
      }
    } else throw bad(`"${entry}" uses compression method ${method}`);
    if (out.length !== size)
      throw bad(`"${entry}" is ${out.length} bytes, the archive says ${size}`);
    return out;
  }
  throw new ImportError(
    'BAD_FILE',
    `${file}: the archive has no ${entry}; a .keras file holds the model's config.json.`,
  );
}
