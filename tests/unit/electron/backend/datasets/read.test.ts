import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  memoryLimit,
  readCsvFile,
  streamCsvFile,
} from '../../../../../electron/backend/datasets/read';
import { DatasetStore } from '../../../../../electron/backend/datasets/store';
import { decodeCsvBytes, firstInvalidUtf8 } from '../../../../../electron/backend/datasets/decode';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const big = (name: string, mb: number) => {
  const p = path.join(dir, name);
  writeFileSync(p, Buffer.alloc(mb * 1024 * 1024, 'a,b\n'));
  return p;
};

describe('reading a CSV file', () => {
  it('refuses a file larger than memory allows, with its size, before reading it', async () => {
    const p = big('huge.csv', 2);
    await expect(readCsvFile(p, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining(
        '"huge.csv" is 2.0 MB; Layerlab can load CSV files up to 1.0 MB',
      ),
    });
    expect(memoryLimit()).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('notices a file that changes while it is read', async () => {
    const p = big('growing.csv', 20);
    await expect(
      readCsvFile(p, { onProgress: (f) => f < 1 && appendFileSync(p, '1,2\n') }),
    ).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('"growing.csv" changed while it was being read'),
    });
  });

  it('notices a file that disappears while it is read', async () => {
    const p = big('vanishing.csv', 20);
    let gone = false;
    await expect(
      readCsvFile(p, {
        onProgress: () => {
          if (!gone) unlinkSync(p);
          gone = true;
        },
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '"vanishing.csv" disappeared before it could be read.',
    });
  });

  it('says so when the file is already gone', async () => {
    await expect(readCsvFile(path.join(dir, 'nope.csv'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('streaming a file', () => {
  it('parses a multi-piece file and falls back to Latin-1 at a bad byte, naming its line', async () => {
    const p = path.join(dir, 'late.csv');
    const rows = ['city,n,label,pad'];
    for (let i = 0; i < 300_000; i++)
      rows.push(`town${i % 50},${(i * 7) % 1000}.125,${i % 2},xxxxxxxxxxxxxx`);
    writeFileSync(p, rows.join('\n') + '\n');
    appendFileSync(p, Buffer.from('M\xfcnchen,1.5,0,x\n', 'latin1'));
    const stream = await streamCsvFile(p);
    expect(stream.size).toBeGreaterThan(8 * 1024 * 1024);
    const s = await new DatasetStore().load({ name: 'late.csv', size: stream.size, file: stream });
    expect(s.file).toMatchObject({ rows: 300_001, encoding: 'latin-1' });
    expect(s.file.notes[0]).toContain('the first bad byte is on line 300002');
    expect(s.columns[0]!.top!.length).toBeGreaterThan(8);
  });
});

describe('decoding', () => {
  it('drops a UTF-8 byte order mark', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'a.csv').text).toBe('a');
  });

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0xa9, 0x62, 0xe9, 0x63]))).toBe(4);
  });
});
