/**
 * A file operation that never answers (a drive or share gone quiet) is given up on with a
 * message naming the file, and a handle that arrives late is not leaked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadableFile, within } from '../../../electron/backend/files/safe-read';

describe('file reads under a timeout', () => {
  it('gives up on an operation that never answers, naming the file', async () => {
    const never = new Promise<number>(() => {});
    await expect(within(never, 50, 'data/slow.csv')).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(
        /^Reading "data\/slow\.csv" took longer than 50 ms; it may be on a drive/,
      ),
      details: { path: 'data/slow.csv', timeoutMs: 50 },
    });
  });

  it('hands a value that arrives after the timeout to be disposed of', async () => {
    let release!: (v: string) => void;
    const late = new Promise<string>((r) => (release = r));
    const disposed: string[] = [];
    await expect(within(late, 20, 'x.csv', (v) => disposed.push(v))).rejects.toThrow(/x\.csv/);
    release('handle');
    await new Promise((r) => setTimeout(r, 10));
    expect(disposed).toEqual(['handle']);
  });

  it('reads a regular file whole and refuses one past the limit or a folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-robust-read-'));
    try {
      const file = path.join(dir, 'a.csv');
      writeFileSync(file, 'x,y\n1,2\n');
      const f = await ReadableFile.open(file, 'a.csv');
      expect(new TextDecoder().decode(await f.readAll())).toBe('x,y\n1,2\n');
      await expect(f.readAll(4)).rejects.toMatchObject({ code: 'TOO_LARGE' });
      await f.close();
      await expect(ReadableFile.open(dir, 'the folder')).rejects.toThrow(
        /"the folder" is a folder, not a regular file/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
