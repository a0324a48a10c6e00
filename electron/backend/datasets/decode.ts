/**
 * File bytes → text for the CSV parser: UTF-8 (with or without BOM), UTF-16 with a BOM, and,
 * when the bytes are not valid UTF-8, Latin-1 (Windows-1252) with a note saying so. Binary files
 * (NUL bytes, spreadsheets saved as .xlsx/.xls, archives) are refused with a message.
 */
import { DatasetError } from '../../../engine/data/errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'latin-1';
  notes: string[];
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
];

export type TextLabel = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * What the first bytes of a file say: refused as binary (with what it looks like), or the text
 * encoding to try first (UTF-16 only with its byte order mark; UTF-8 otherwise).
 */
export function sniffBytes(head: Uint8Array, file: string): TextLabel {
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => head[i] === b)) {
      throw new DatasetError(
        `"${file}" is ${m.what}, not CSV text. Save or export it as CSV first.`,
        { problem: 'binary', file },
      );
    }
  }
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.subarray(0, 65536).includes(0)) {
    throw new DatasetError(
      `"${file}" looks like a binary file (it contains NUL bytes), not CSV text.`,
      { problem: 'binary', file },
    );
  }
  return 'utf-8';
}

export function utf16Note(file: string, label: TextLabel): string {
  return `"${file}" is UTF-16 text (${label.toUpperCase()}); it was converted.`;
}

export function latin1Note(file: string, line: number): string {
  return `"${file}" is not valid UTF-8 (the first bad byte is on line ${line}), so it was read as Latin-1 (Windows-1252). Check that accented letters look right.`;
}

export function decodeCsvBytes(bytes: Uint8Array, file: string): DecodedText {
  const label = sniffBytes(bytes, file);
  if (label !== 'utf-8') return utf16(bytes, label, file);
  try {
    // ignoreBOM: false (the default) drops a UTF-8 byte order mark.
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      notes: [],
    };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'latin-1',
      notes: [latin1Note(file, countLines(bytes, at))],
    };
  }
}

function utf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be', file: string): DecodedText {
  return {
    text: new TextDecoder(label).decode(bytes),
    encoding: 'utf-8',
    notes: [utf16Note(file, label)],
  };
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** The line (1-based) at byte offset `end`. */
export function countLines(b: Uint8Array, end: number): number {
  return 1 + countByte(b.subarray(0, end), 10);
}

/** Occurrences of one byte value (memchr-speed through Buffer#indexOf). */
export function countByte(bytes: Uint8Array, value: number): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = b.indexOf(value); i >= 0; i = b.indexOf(value, i + 1)) n++;
  return n;
}
