/** Files dropped on the window arrive in pieces: checked, capped, and cleaned up when abandoned. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/backend';
import { GrantedAccess } from '../../../../electron/backend/files/access';
import { Uploads } from '../../../../electron/backend/uploads';
import { MAX_UPLOAD_BYTES } from '../../../../electron/contract/uploads';

let dir: string;
let clock: number;
let uploads: Uploads;
let backend: Backend;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-uploads-test-'));
  clock = 0;
  uploads = new Uploads({ tmpDir: dir, idleMs: 60_000, now: () => clock });
  backend = createBackend(
    { mode: 'desktop', version: 'test', os: 'linux', workspace: null, recoveryDir: dir },
    new GrantedAccess(),
    { uploads },
  );
});
afterEach(async () => {
  await backend.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T = Record<string, unknown>>(channel: string, payload: unknown): Promise<T> {
  const r = await backend.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
/** Every file the uploads folder holds, at any depth. */
const leftOver = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe('uploads', () => {
  it('opens a CSV sent in several pieces like a file on disk', async () => {
    const rows = ['x,y,label', ...Array.from({ length: 40 }, (_, i) => `${i},"${i % 5}",${i % 2}`)];
    const bytes = Buffer.from(rows.join('\n'));
    const { id } = await ok<{ id: string }>('uploads:begin', {
      kind: 'dataset',
      name: 'pieces.csv',
      size: bytes.length,
    });
    for (let off = 0; off < bytes.length; off += 100)
      await ok('uploads:append', { id, offset: off, data: b64(bytes.subarray(off, off + 100)) });
    const summary = await ok<{ file: { name: string; rows: number; columns: number } }>(
      'datasets:openUpload',
      { id },
    );
    expect(summary.file).toMatchObject({ name: 'pieces.csv', rows: 40, columns: 3 });
    expect(leftOver()).toEqual([]);
    // Used up: the same id cannot be opened twice.
    await expect(backend.invoke('datasets:openUpload', { id })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a piece out of order, more bytes than announced, and an incomplete upload', async () => {
    const { id } = await ok<{ id: string }>('uploads:begin', {
      kind: 'dataset',
      name: 'a.csv',
      size: 8,
    });
    await expect(
      backend.invoke('uploads:append', { id, offset: 4, data: b64('a,b\n') }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await ok('uploads:append', { id, offset: 0, data: b64('a,b\n') });
    await expect(backend.invoke('datasets:openUpload', { id })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: '"a.csv" is incomplete: 4 of 8 bytes arrived.' },
    });
    const over = await backend.invoke('uploads:append', { id, offset: 4, data: b64('1,2\n3,4\n') });
    expect(over).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(uploads.size).toBe(0);
    expect(leftOver()).toEqual([]);
  });

  it('refuses a piece that is not base64 or larger than a piece may be', async () => {
    const { id } = await ok<{ id: string }>('uploads:begin', {
      kind: 'dataset',
      name: 'a.csv',
      size: 10,
    });
    await expect(
      backend.invoke('uploads:append', { id, offset: 0, data: 'not base64!' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await expect(
      backend.invoke('uploads:append', { id, offset: 0, data: 'A'.repeat(6 * 1024 * 1024) }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses an upload above the limit of its kind before any byte arrives', async () => {
    const r = await backend.invoke('uploads:begin', {
      kind: 'project',
      name: 'huge.layerlab',
      size: MAX_UPLOAD_BYTES.project + 1,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(r.ok || r.error.message).toContain('"huge.layerlab" has');
    expect(uploads.size).toBe(0);
  });

  it('removes an upload nobody finished once it has been idle too long', async () => {
    const { id } = await ok<{ id: string }>('uploads:begin', {
      kind: 'dataset',
      name: 'left.csv',
      size: 100,
    });
    await ok('uploads:append', { id, offset: 0, data: b64('a,b\n') });
    expect(leftOver().map((e) => e.name)).toEqual(['left.csv']);
    clock += 30_000;
    await uploads.sweep();
    expect(uploads.size).toBe(1);
    clock += 60_001;
    await uploads.sweep();
    expect(uploads.size).toBe(0);
    expect(leftOver()).toEqual([]);
    await expect(
      backend.invoke('uploads:append', { id, offset: 4, data: b64('1,2\n') }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cancels an upload and removes its bytes; disposing removes the folder', async () => {
    const { id } = await ok<{ id: string }>('uploads:begin', {
      kind: 'dataset',
      name: 'c.csv',
      size: 4,
    });
    await expect(ok('uploads:cancel', { id })).resolves.toEqual({ cancelled: true });
    await expect(ok('uploads:cancel', { id })).resolves.toEqual({ cancelled: false });
    await ok('uploads:begin', { kind: 'dataset', name: 'd.csv', size: 4 });
    await backend.dispose();
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });

  it('keeps a file name only (no folders) for the temporary file', async () => {
    const { id } = await ok<{ id: string }>('uploads:begin', {
      kind: 'dataset',
      name: '../../etc/evil.csv',
      size: 4,
    });
    await ok('uploads:append', { id, offset: 0, data: b64('a,b\n') });
    const file = uploads.peek(id)!.path;
    expect(path.basename(file)).toBe('evil.csv');
    expect(file.startsWith(dir + path.sep)).toBe(true);
  });
});
