/**
 * Desktop mode: a project names its linked dataset's path, and a project can name any file, so
 * the main side reads it only once the user allowed that one file (the platform's confirm).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../../../electron/backend/backend';
import { GrantedAccess } from '../../../../../electron/backend/files/access';
import {
  projectHandlers,
  type LinkedDatasetRequest,
} from '../../../../../electron/backend/projects';
import { FakeSources, IRIS_CSV, draftOf } from './helpers';

let dir: string;
let project: string;
let other: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-linked-'));
  mkdirSync(path.join(dir, 'proj'));
  mkdirSync(path.join(dir, 'some', 'other'), { recursive: true });
  project = path.join(dir, 'proj', 'p.layerlab');
  other = path.join(dir, 'some', 'other', 'file');
  writeFileSync(other, IRIS_CSV);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Confirm = (req: LinkedDatasetRequest) => Promise<boolean>;

/** A desktop-mode service as main.ts builds it: GrantedAccess, a fresh session each time. */
function desktop(session: string, pid: number, confirm?: Confirm) {
  const access = new GrantedAccess();
  const sources = new FakeSources();
  const handlers = projectHandlers(
    access,
    {
      mode: 'desktop',
      version: '0.1.0',
      workspace: null,
      recoveryDir: path.join(dir, 'recovery'),
      ...(confirm ? { confirmLinkedDataset: confirm } : {}),
    },
    sources,
    { session, pid, isAlive: () => false },
  );
  return { access, sources, handlers };
}

/** An earlier session saved the project with its dataset linked to /…/some/other/file. */
async function savedLinkingOther(): Promise<void> {
  const first = desktop('first', 1);
  first.access.grant(project);
  const id = first.sources.add({ name: 'file', path: other });
  const saved = await first.handlers['projects:save']({
    path: project,
    draft: draftOf({ kind: 'loaded', id, mode: 'link' }),
  });
  expect(saved.dataset).toBe('linked');
  expect(readFileSync(project, 'utf8')).toContain('../some/other/file');
}

describe('linked datasets in desktop mode', () => {
  it('does not read a file a project links to until the user allows it', async () => {
    await savedLinkingOther();
    const asked: LinkedDatasetRequest[] = [];
    const app = desktop('second', 2, async (req) => {
      asked.push(req);
      // Nothing was loaded before the user answered.
      expect(app.sources.opened).toEqual([]);
      return true;
    });
    app.access.grant(project);
    const opened = await app.handlers['projects:open']({ path: project });
    expect(asked).toEqual([{ project: 'p.layerlab', dataset: 'file', path: other }]);
    expect(opened.dataset).toMatchObject({ status: 'loaded', embedded: false });
    expect(app.sources.opened).toMatchObject([{ path: other, text: IRIS_CSV }]);
    // Allowed once: that one file is granted for the rest of the session.
    await app.handlers['projects:open']({ path: project });
    expect(asked).toHaveLength(1);
  });

  it('opens the project without its dataset when the user refuses, offering Locate…', async () => {
    await savedLinkingOther();
    const app = desktop('second', 2, async () => false);
    app.access.grant(project);
    const opened = await app.handlers['projects:open']({ path: project });
    expect(app.sources.opened).toEqual([]);
    expect(opened.dataset).toMatchObject({
      status: 'missing',
      name: 'file',
      link: { path: other },
      message: expect.stringContaining('Locate it'),
    });
    if (opened.dataset?.status !== 'missing') throw new Error('expected missing');
    // The link is kept: saving again writes the same link, so nothing is lost.
    const again = await app.handlers['projects:save']({
      path: project,
      draft: draftOf({ kind: 'missing', link: opened.dataset.link }),
    });
    expect(again.dataset).toBe('linked');
    expect(readFileSync(project, 'utf8')).toContain('../some/other/file');
    // Locate…: the user chooses the file in a dialog (which grants it), and it loads.
    app.access.grant(other);
    const located = await app.handlers['projects:locateDataset']({
      path: other,
      link: opened.dataset.link,
    });
    expect(located).toMatchObject({ status: 'loaded' });
  });

  it('never reads a linked file when the host cannot ask', async () => {
    await savedLinkingOther();
    const app = desktop('second', 2);
    app.access.grant(project);
    const opened = await app.handlers['projects:open']({ path: project });
    expect(opened.dataset).toMatchObject({ status: 'missing' });
    expect(app.sources.opened).toEqual([]);
  });

  it('the desktop backend asks through its platform before loading the linked file', async () => {
    await savedLinkingOther();
    const asked: string[] = [];
    const backend = createBackend(
      {
        mode: 'desktop',
        version: '0.1.0',
        os: 'linux',
        workspace: null,
        recoveryDir: path.join(dir, 'recovery'),
        showOpenDialog: async () => project,
        confirmLinkedDataset: async (req) => (asked.push(req.path), true),
      },
      new GrantedAccess(),
    );
    try {
      await backend.invoke('dialog:open', { filters: [] });
      const r = await backend.invoke('projects:open', { path: project });
      expect(asked).toEqual([other]);
      expect(r).toMatchObject({ ok: true, value: { dataset: { status: 'loaded' } } });
    } finally {
      await backend.dispose();
    }
  });

  it('asks before reading a link a recovered autosave names', async () => {
    const bytes = Buffer.from(IRIS_CSV);
    const crashed = desktop('old', 9);
    // The renderer sends the "missing" link it holds; a compromised one could name any file.
    await crashed.handlers['projects:autosave']({
      key: 'doc-linked-1',
      title: 'lost',
      path: null,
      draft: draftOf({
        kind: 'missing',
        link: {
          name: 'file',
          path: other,
          bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          options: {},
        },
      }),
    });
    const asked: string[] = [];
    const next = desktop('new', 10, async (req) => {
      asked.push(req.path);
      return false;
    });
    const rec = await next.handlers['projects:recover']({ key: 'doc-linked-1' });
    expect(asked).toEqual([other]);
    expect(rec.dataset).toMatchObject({ status: 'missing' });
    expect(next.sources.opened).toEqual([]);
  });
});
