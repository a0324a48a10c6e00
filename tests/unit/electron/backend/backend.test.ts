import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend } from '../../../../electron/backend/backend';
import { GrantedAccess, WorkspaceAccess } from '../../../../electron/backend/files/access';
import type { Platform } from '../../../../electron/backend/platform';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-backend-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function desktop(chosen: string | null): Platform {
  return {
    mode: 'desktop',
    version: 'test',
    os: 'linux',
    workspace: null,
    showOpenDialog: async () => chosen,
    showSaveDialog: async () => chosen,
  };
}

describe('backend', () => {
  it('answers app:info with the platform it was given', async () => {
    const b = createBackend(desktop(null), new GrantedAccess());
    await expect(b.invoke('app:info', {})).resolves.toEqual({
      ok: true,
      value: {
        name: 'Layerlab',
        version: 'test',
        mode: 'desktop',
        platform: 'linux',
        nativeDialogs: true,
        workspace: null,
      },
    });
  });

  it('rejects a payload with an unknown field, naming it', async () => {
    const b = createBackend(desktop(null), new GrantedAccess());
    const r = await b.invoke('files:readText', { path: '/x', evil: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!r.ok && r.error.message).toContain('evil');
  });

  it('in the desktop app, refuses a file the user never chose and reads one chosen in the dialog', async () => {
    const file = path.join(dir, 'data.csv');
    writeFileSync(file, 'x,y\n1,2\n');
    const b = createBackend(desktop(file), new GrantedAccess());
    await expect(b.invoke('files:readText', { path: file })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    await expect(b.invoke('dialog:open', { filters: [] })).resolves.toEqual({
      ok: true,
      value: { path: file },
    });
    await expect(b.invoke('files:readText', { path: file })).resolves.toMatchObject({
      ok: true,
      value: { text: 'x,y\n1,2\n' },
    });
  });

  it('returns null when the dialog is cancelled', async () => {
    const b = createBackend(desktop(null), new GrantedAccess());
    await expect(b.invoke('dialog:open', {})).resolves.toEqual({ ok: true, value: { path: null } });
  });

  it('in browser mode, says dialogs are unavailable instead of failing obscurely', async () => {
    const access = await WorkspaceAccess.open(dir);
    const b = createBackend({ mode: 'browser', version: 't', os: 'linux', workspace: dir }, access);
    await expect(b.invoke('dialog:open', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
  });

  it('refuses a file over the size limit with the sizes in the message', async () => {
    writeFileSync(path.join(dir, 'big.csv'), 'x'.repeat(5000));
    const access = await WorkspaceAccess.open(dir);
    const b = createBackend({ mode: 'browser', version: 't', os: 'linux', workspace: dir }, access);
    const r = await b.invoke('files:readText', { path: 'big.csv', maxBytes: 1000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(!r.ok && r.error.message).toMatch(/big\.csv.*4\.9 KB.*1000 B/);
  });

  it('refuses a file that is not UTF-8 text', async () => {
    writeFileSync(path.join(dir, 'bin.csv'), Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    const access = await WorkspaceAccess.open(dir);
    const b = createBackend({ mode: 'browser', version: 't', os: 'linux', workspace: dir }, access);
    await expect(b.invoke('files:readText', { path: 'bin.csv' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: '"bin.csv" is not UTF-8 text.' },
    });
  });

  it('refuses to open a workspace that does not exist', async () => {
    await expect(WorkspaceAccess.open(path.join(dir, 'nope'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('opens no link that is not a documentation page, and says so', async () => {
    const opened: string[] = [];
    const b = createBackend(
      { ...desktop(null), openExternal: async (u) => (opened.push(u), true) },
      new GrantedAccess(),
    );
    await expect(
      b.invoke('shell:openExternal', { url: 'file:///etc/passwd' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await expect(b.invoke('shell:openExternal', { url: 'https://keras.io/' })).resolves.toEqual({
      ok: false,
      error: {
        code: 'NOT_ALLOWED',
        message:
          'That link does not open from Layerlab: it is not one of the documentation pages Layerlab links to.',
      },
    });
    expect(opened).toEqual([]);
  });
});
