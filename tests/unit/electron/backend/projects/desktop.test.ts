/** Desktop mode: only paths chosen in a dialog may be opened or written. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GrantedAccess } from '../../../../../electron/backend/files/access';
import { projectHandlers } from '../../../../../electron/backend/projects';
import { FakeSources, IRIS_CSV, draftOf } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-desktop-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function desktop(session: string, pid: number) {
  const access = new GrantedAccess();
  const sources = new FakeSources();
  const handlers = projectHandlers(
    access,
    {
      mode: 'desktop',
      version: '0.1.0',
      workspace: null,
      recoveryDir: path.join(dir, 'recovery'),
      // The user allows every linked dataset here (linked.test.ts covers refusing).
      confirmLinkedDataset: async () => true,
    },
    sources,
    { session, pid, isAlive: () => false },
  );
  return { access, sources, handlers };
}

describe('projects in desktop mode', () => {
  it('refuses paths the user did not choose in a dialog', async () => {
    const { handlers } = desktop('s1', 1);
    const file = path.join(dir, 'p.layerlab');
    await expect(handlers['projects:save']({ path: file, draft: draftOf() })).rejects.toMatchObject(
      {
        code: 'NOT_ALLOWED',
      },
    );
  });

  it('loads a linked dataset next to a chosen project file', async () => {
    const { access, sources, handlers } = desktop('s1', 1);
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'iris.csv'), IRIS_CSV);
    const id = sources.add({ name: 'iris.csv', path: path.join(dir, 'data', 'iris.csv') });
    const file = path.join(dir, 'p.layerlab');
    access.grant(file);
    const saved = await handlers['projects:save']({
      path: file,
      draft: draftOf({ kind: 'loaded', id, mode: 'link' }),
    });
    expect(saved).toMatchObject({ path: file, dataset: 'linked' });
    const opened = await handlers['projects:open']({ path: file });
    expect(opened.dataset).toMatchObject({ status: 'loaded', embedded: false });
  });

  it('lets a recovered document be saved back to its original file', async () => {
    const crashed = desktop('old', 9);
    const file = path.join(dir, 'p.layerlab');
    crashed.access.grant(file);
    await crashed.handlers['projects:save']({ path: file, draft: draftOf() });
    await crashed.handlers['projects:autosave']({
      key: 'doc-desk-1',
      title: 'p.layerlab',
      path: file,
      draft: draftOf(),
    });
    const next = desktop('new', 10);
    const rec = await next.handlers['projects:recover']({ key: 'doc-desk-1' });
    expect(rec.path).toBe(file);
    const saved = await next.handlers['projects:save']({
      path: file,
      draft: draftOf(),
      recoveryKey: 'doc-desk-1',
    });
    expect(saved.backup).toBe(true);
    expect((await next.handlers['projects:recoverable']({})).items).toEqual([]);
  });
});

describe('recovery in desktop mode', () => {
  it('does not remember a path the renderer was never allowed to write', async () => {
    const crashed = desktop('old', 9);
    await crashed.handlers['projects:autosave']({
      key: 'doc-desk-2',
      title: 'evil',
      path: '/etc/passwd',
      draft: draftOf(),
    });
    const next = desktop('new', 10);
    const rec = await next.handlers['projects:recover']({ key: 'doc-desk-2' });
    expect(rec.path).toBeNull();
    await expect(
      next.handlers['projects:save']({ path: '/etc/passwd', draft: draftOf() }),
    ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
