/**
 * Datasets over the real browser-mode host and WebSocket: open a workspace CSV, get only the
 * compact summary back, change options, see progress events for a big file (parsed in a worker
 * thread), and the workspace
 * confinement and error envelopes for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../electron/host';
import { createApi, type Api } from '../../electron/contract/client';
import type { RawBridge } from '../../electron/contract';

let host: RunningHost;
let dir: string;
let ws: WebSocket;
let api: Api;
const root = path.resolve(__dirname, '../..');

function bridgeOver(socket: WebSocket): RawBridge {
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'result') waiting.get(msg.id)?.(msg.result);
    if (msg.type === 'event') for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
  });
  return {
    invoke: (channel, payload) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, payload }));
      }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-datasets-'));
  const workspace = path.join(dir, 'workspace');
  const staticDir = path.join(dir, 'static');
  mkdirSync(path.join(workspace, 'data'), { recursive: true });
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Layerlab</title>');
  copyFileSync(path.join(root, 'assets/datasets/wine.csv'), path.join(workspace, 'data/wine.csv'));
  writeFileSync(
    path.join(workspace, 'data/ragged.csv'),
    'a,b,label\n1,2,0\n3,4\n5,6,1\n7,8,0\n9,10,1\n',
  );
  writeFileSync(path.join(dir, 'outside.csv'), 'a,b\n1,2\n');
  const wine = readFileSync(path.join(root, 'assets/datasets/wine.csv'), 'utf8').trim().split('\n');
  writeFileSync(
    path.join(workspace, 'data/wine-test.csv'),
    [wine[0], ...wine.slice(1).filter((_, i) => i % 6 === 0)].join('\n'),
  );
  writeFileSync(path.join(workspace, 'data/other.csv'), 'alcohol,label\n13,0\n');
  // ~5.6 MB: big enough for progress events (4 MiB and up).
  const lines = ['x1,x2,x3,label'];
  for (let i = 0; i < 250_000; i++)
    lines.push(`${i % 97}.25,${(i * 7) % 101}.125,${(i * 13) % 89}.5,${i % 3}`);
  writeFileSync(path.join(workspace, 'data/big.csv'), lines.join('\n'));
  // The CSV worker as the app has it: files of 1 MB and more are parsed in worker threads.
  const csvWorkerPath = path.join(dir, 'csv-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/backend/csv-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: csvWorkerPath,
    logLevel: 'warning',
  });
  host = await startHost({ workspace, staticDir, csvWorkerPath });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  await new Promise((r) => ws.once('open', r));
  api = createApi(bridgeOver(ws));
});

afterAll(async () => {
  ws.close();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('datasets over the host', () => {
  it('opens the wine sample from the workspace and answers with a compact summary only', async () => {
    const s = await api.invoke('datasets:open', { path: 'data/wine.csv' });
    expect(s.file).toMatchObject({ name: 'wine.csv', rows: 178, columns: 14, delimiter: ',' });
    expect(s.target).toMatchObject({
      name: 'label',
      task: 'classification',
      classes: ['0', '1', '2'],
    });
    expect(s.split).toMatchObject({ train: 124, validation: 27, test: 27, stratified: true });
    expect(s.findings.map((f) => f.id)).toEqual(['sorted-by-class', 'different-scales']);
    expect(s.preview.rows.length).toBeLessThanOrEqual(20);
    expect(JSON.stringify(s).length).toBeLessThan(20_000);
  });

  it('reconfigures a loaded dataset: scaling off turns the scale note into a warning with a fix', async () => {
    const s = await api.invoke('datasets:open', { path: 'data/wine.csv' });
    const off = await api.invoke('datasets:configure', { id: s.id, options: { scaling: 'none' } });
    const f = off.findings.find((x) => x.id === 'different-scales')!;
    expect(f).toMatchObject({ severity: 'warning', fix: { patch: { scaling: 'standardize' } } });
    const fixed = await api.invoke('datasets:configure', { id: s.id, options: f.fix!.patch });
    expect(fixed.findings.find((x) => x.id === 'different-scales')!.severity).toBe('info');
    await expect(api.invoke('datasets:close', { id: s.id })).resolves.toEqual({ closed: true });
    await expect(api.invoke('datasets:configure', { id: s.id, options: {} })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('takes the test split from a separate file with the same columns, and back', async () => {
    const s = await api.invoke('datasets:open', { path: 'data/wine.csv' });
    const t = await api.invoke('datasets:setTestFile', { id: s.id, path: 'data/wine-test.csv' });
    expect(t.split).toMatchObject({
      test: 30,
      testFile: { name: 'wine-test.csv', rows: 30, leftOut: 0 },
    });
    expect(t.split!.train + t.split!.validation).toBe(178);
    await expect(
      api.invoke('datasets:setTestFile', { id: s.id, path: 'data/other.csv' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('The test file "other.csv" has no columns "malic_acid"'),
    });
    const back = await api.invoke('datasets:setTestFile', { id: s.id, path: null });
    expect(back.split).toMatchObject({ test: 27, testFile: null });
  });

  it('loads CSV text handed over by the renderer (a dropped file or a bundled sample)', async () => {
    const s = await api.invoke('datasets:openText', {
      name: 'dropped.csv',
      text: 'a;b;y\n1,5;2;x\n2,5;3;z\n3,5;1;x\n',
    });
    expect(s.file).toMatchObject({
      name: 'dropped.csv',
      delimiter: ';',
      decimalComma: true,
      rows: 3,
    });
  });

  it('reports rows with the wrong field count as a BAD_REQUEST naming file and line, and can skip them', async () => {
    await expect(api.invoke('datasets:open', { path: 'data/ragged.csv' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(
        '"ragged.csv": 1 row does not have the header\'s 3 fields: line 3 has 2',
      ),
      details: expect.objectContaining({ file: 'ragged.csv', line: 3, problem: 'field-count' }),
    });
    const s = await api.invoke('datasets:open', {
      path: 'data/ragged.csv',
      options: { skipBadRows: true },
    });
    expect(s.file).toMatchObject({ rows: 4, badRowCount: 1, badRows: [{ line: 3, fields: 2 }] });
  });

  it('refuses files outside the workspace', async () => {
    await expect(api.invoke('datasets:open', { path: '../outside.csv' })).rejects.toMatchObject({
      code: 'OUTSIDE_WORKSPACE',
    });
  });

  it('rejects options the contract does not allow', async () => {
    await expect(
      api.invoke('datasets:open', {
        path: 'data/wine.csv',
        options: { split: { train: 0.5, validation: 0.1, test: 0.1 } },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('add up to 1'),
    });
  });

  it('sends progress events for a big file and keeps answering other requests meanwhile', async () => {
    const events: { phase: string; fraction: number }[] = [];
    const off = api.on('datasets:progress', (p) => events.push(p));
    const loading = api.invoke('datasets:open', { path: 'data/big.csv' });
    // While the big file parses, a small request still gets through.
    const info = await api.invoke('app:info', {});
    expect(info.mode).toBe('browser');
    const s = await loading;
    off();
    expect(s.file.rows).toBe(250_000);
    expect(events.some((e) => e.phase === 'parsing' && e.fraction > 0 && e.fraction < 1)).toBe(
      true,
    );
    expect(events.at(-1)).toMatchObject({ phase: 'analysing', fraction: 1 });
  });
});
