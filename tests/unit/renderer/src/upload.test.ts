/**
 * The renderer's upload of a dropped file, against the real backend: pieces of the announced
 * size, and a dropped project file with a UTF-8 byte order mark opens like one opened by path.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/backend';
import { GrantedAccess } from '../../../../electron/backend/files/access';
import { Uploads } from '../../../../electron/backend/uploads';
import { createApi, type Api } from '../../../../electron/contract/client';
import { uploadFile } from '../../../../renderer/src/upload';

const V1 = path.resolve(__dirname, '../../../fixtures/projects/v1/iris-classifier.layerlab');

let dir: string;
let backend: Backend;
let api: Api;
const calls: Array<{ channel: string; bytes: number }> = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-upload-'));
  backend = createBackend(
    { mode: 'desktop', version: 'test', os: 'linux', workspace: null, recoveryDir: dir },
    new GrantedAccess(),
    { uploads: new Uploads({ tmpDir: dir }) },
  );
  calls.length = 0;
  api = createApi({
    invoke: (channel, payload) => {
      calls.push({ channel, bytes: JSON.stringify(payload).length });
      return backend.invoke(channel, payload);
    },
    on: () => () => undefined,
  });
});
afterEach(async () => {
  await backend.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('uploading a dropped file', () => {
  it('opens a dropped project file that starts with a UTF-8 byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(V1)]);
    const file = new File([bytes], 'iris-bom.layerlab');
    const id = await uploadFile(api, file, 'project');
    const opened = await api.invoke('projects:openUpload', { id });
    expect(opened).toMatchObject({ path: null, name: 'iris-bom.layerlab' });
    expect(opened.dataset).toMatchObject({ status: 'loaded' });
  });

  it('refuses a dropped project file that is not UTF-8, naming it', async () => {
    const id = await uploadFile(
      api,
      new File([Uint8Array.of(0x7b, 0xff, 0x7d)], 'x.layerlab'),
      'project',
    );
    await expect(api.invoke('projects:openUpload', { id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '"x.layerlab" cannot be opened: it is not a Layerlab project (not UTF-8 text).',
    });
  });

  it('sends a big file as pieces no larger than the piece size', async () => {
    const size = 9 * 1024 * 1024 + 16; // whole rows of 4 bytes
    const header = 'a,b\n';
    const body = '1,2\n'.repeat((size - header.length) / 4);
    const file = new File([header, body], 'big.csv');
    const id = await uploadFile(api, file, 'dataset');
    const pieces = calls.filter((c) => c.channel === 'uploads:append');
    expect(pieces).toHaveLength(3);
    for (const p of pieces) expect(p.bytes).toBeLessThan(6 * 1024 * 1024);
    const summary = await api.invoke('datasets:openUpload', { id });
    expect(summary.file).toMatchObject({
      name: 'big.csv',
      size,
      rows: (size - header.length) / 4,
      columns: 2,
    });
  });
});
