/**
 * Bytes ↔ base64 and float32 arrays ↔ little-endian bytes, in plain TypeScript (the engine has no
 * Buffer, atob or TextEncoder). Decoding is strict: any character outside the standard alphabet,
 * misplaced padding or a length that is not a multiple of 4 is refused.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** How many bytes a base64 text decodes to (assuming it is well formed). */
export function base64Size(text: string): number {
  if (text.length === 0) return 0;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - pad;
}

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk +=
      ALPHABET[(v >> 18) & 63]! +
      ALPHABET[(v >> 12) & 63]! +
      ALPHABET[(v >> 6) & 63]! +
      ALPHABET[v & 63]!;
    if (chunk.length >= 16384) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const b0 = bytes[i]!;
    const b1 = i + 1 < n ? bytes[i + 1]! : 0;
    const v = (b0 << 16) | (b1 << 8);
    chunk += ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]!;
    chunk += i + 1 < n ? ALPHABET[(v >> 6) & 63]! + '=' : '==';
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes standard padded base64; throws a RangeError on anything else. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new RangeError('base64 length is not a multiple of 4');
  const out = new Uint8Array(base64Size(text));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const c0 = sextet(text, i);
    const c1 = sextet(text, i + 1);
    const p2 = last && text.charCodeAt(i + 2) === 61;
    const p3 = last && text.charCodeAt(i + 3) === 61;
    if (p2 && !p3) throw new RangeError(`bad base64 padding at ${i + 2}`);
    const c2 = p2 ? 0 : sextet(text, i + 2);
    const c3 = p3 ? 0 : sextet(text, i + 3);
    const v = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    out[o++] = (v >> 16) & 255;
    if (!p2) out[o++] = (v >> 8) & 255;
    if (!p3) out[o++] = v & 255;
  }
  return out;
}

function sextet(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const v = c < 128 ? LOOKUP[c]! : -1;
  if (v < 0) throw new RangeError(`not a base64 character at ${i}`);
  return v;
}

/** float32 values → little-endian bytes (bit-exact, NaN payloads included). */
export function float32ToBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}

/** Little-endian bytes → float32 values; the byte count must be a multiple of 4. */
export function bytesToFloat32(bytes: Uint8Array): Float32Array {
  if (bytes.length % 4 !== 0) throw new RangeError('float32 data is not a multiple of 4 bytes');
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
