/**
 * A named pipe (FIFO) where a file is expected: every way in answers with an error naming it,
 * at once, and other file requests keep working. Opening a FIFO for reading waits for a writer,
 * and each waiting open holds one of libuv's four file-system threads, so six of them used to
 * stop all file access. POSIX only (Windows has no FIFOs in the file system).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { readCsvFile, streamCsvFile } from '../../../electron/backend/datasets/read';
import { WorkspaceAccess } from '../../../electron/backend/files/access';
import { readCapped } from '../../../electron/backend/projects/io';

const root = path.resolve(__dirname, '../../..');
const posix = process.platform !== 'win32';
let dir: string;
let fifo: string;
let backend: Backend;

/** The promise's outcome, or 'hung' after `ms`. */
function settle<T>(p: Promise<T>, ms = 5000): Promise<T | 'hung'> {
  return Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms))]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-robust-fifo-'));
  fifo = path.join(dir, 'pipe.csv');
  if (posix) execFileSync('mkfifo', [fifo]);
  writeFileSync(path.join(dir, 'ok.csv'), 'a,b\n1,2\n3,4\n');
  backend = createBackend(
    { mode: 'browser', version: 'test', os: process.platform, workspace: dir },
    await WorkspaceAccess.open(dir),
  );
});

afterAll(async () => {
  // Opens left waiting on the pipe (if any) get their writer and finish.
  if (posix) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting
    }
  }
  await backend.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = /"pipe\.csv" is a named pipe \(FIFO\), not a regular file/;

describe.runIf(posix)('a FIFO in place of a file', () => {
  it('files:readText refuses it, six times over, and still reads a regular file', async () => {
    const replies = await settle(
      Promise.all(
        Array.from({ length: 6 }, () => backend.invoke('files:readText', { path: 'pipe.csv' })),
      ),
    );
    expect(replies).not.toBe('hung');
    for (const r of replies as Awaited<ReturnType<Backend['invoke']>>[]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(r.ok ? '' : r.error.message).toMatch(refusal);
    }
    await expect(
      settle(backend.invoke('files:readText', { path: 'ok.csv' })),
    ).resolves.toMatchObject({ ok: true, value: { text: 'a,b\n1,2\n3,4\n' } });
  });

  it('datasets:open refuses it', async () => {
    const r = await settle(backend.invoke('datasets:open', { path: 'pipe.csv' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((r as { error: { message: string } }).error.message).toMatch(refusal);
  });

  it('readCsvFile and streamCsvFile refuse it', async () => {
    await expect(settle(readCsvFile(fifo))).rejects.toThrow(refusal);
    await expect(settle(streamCsvFile(fifo))).rejects.toThrow(refusal);
  });

  it("the project open path's read refuses it", async () => {
    await expect(settle(readCapped(fifo, 1 << 20, 'pipe.csv'))).rejects.toThrow(refusal);
  });

  it('layerlab inspect answers with an error and exit code 1', () => {
    const dist = path.join(dir, 'dist');
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--only', 'cli'], {
      cwd: root,
      env: { ...process.env, LAYERLAB_DIST: dist },
    });
    const r = spawnSync(process.execPath, [path.join(dist, 'electron/cli.cjs'), 'inspect', fifo], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(refusal);
  }, 60_000);
});
