/**
 * The browser-mode host, exercised with a real WebSocket client and raw HTTP requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../electron/host';
import { createApi } from '../../electron/contract/client';
import type { RawBridge } from '../../electron/contract';

let host: RunningHost;
let dir: string;
let workspace: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-host-'));
  workspace = path.join(dir, 'workspace');
  const staticDir = path.join(dir, 'static');
  mkdirSync(path.join(workspace, 'data'), { recursive: true });
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Layerlab</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the workspace');
  writeFileSync(path.join(dir, 'package.json'), '{"secret":true}');
  writeFileSync(path.join(workspace, 'data', 'tiny.csv'), 'a,b\n1,2\n');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(workspace, 'escape.txt'));
  host = await startHost({ workspace, staticDir });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;

function open(opts: { token?: string | null; origin?: string } = {}): Promise<WebSocket> {
  const token = opts.token === undefined ? host.token : opts.token;
  const url = `ws://127.0.0.1:${host.port}/ws${token === null ? '' : `?token=${token}`}`;
  const ws = new WebSocket(url, { origin: opts.origin ?? origin() });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function request(
  ws: WebSocket,
  message: unknown,
): Promise<{
  id: number;
  result: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

/** The renderer's own typed client, over a real socket. */
function bridgeOver(ws: WebSocket): RawBridge {
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'result') waiting.get(msg.id)?.(msg.result);
  });
  return {
    invoke: (channel, payload) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      }),
    on: () => () => undefined,
  };
}

function rawGet(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    // http.request sends the path exactly as given (no normalisation of "..").
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: rawPath,
        headers: { Host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints a URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers a valid request over the WebSocket', async () => {
    const ws = await open();
    const reply = await request(ws, { id: 7, channel: 'app:info', payload: {} });
    expect(reply.id).toBe(7);
    expect(reply.result).toMatchObject({
      ok: true,
      value: { name: 'Layerlab', mode: 'browser', nativeDialogs: false },
    });
    ws.close();
  });

  it('answers a malformed payload with a BAD_REQUEST error naming the field', async () => {
    const ws = await open();
    const reply = await request(ws, { id: 1, channel: 'files:readText', payload: { path: 42 } });
    expect(reply.result.ok).toBe(false);
    expect(reply.result.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(reply.result.error?.message).toContain('path');
    const notJson = await request(ws, '{not json');
    expect(notJson.result.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.any(String),
    });
    const noChannel = await request(ws, { id: 3, payload: {} });
    expect(noChannel).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'BAD_REQUEST' } },
    });
    const unknown = await request(ws, { id: 4, channel: 'shell:exec', payload: {} });
    expect(unknown.result.error).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    ws.close();
  });

  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    await expect(open({ token: null })).rejects.toThrow('HTTP 401');
    await expect(open({ token: 'f'.repeat(48) })).rejects.toThrow('HTTP 401');
    await expect(open({ origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await rawGet('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Layerlab</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses static paths that leave the build folder', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/x/../../secret.txt',
      '/%00index.html',
    ]) {
      const res = await rawGet(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('secret');
    }
  });

  it('refuses a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    const res = await rawGet('/', { Host: 'attacker.example' });
    expect(res.status).toBe(403);
  });

  it('reads files inside the workspace through the typed client', async () => {
    const ws = await open();
    const api = createApi(bridgeOver(ws));
    const listing = await api.invoke('files:list', { dir: '' });
    expect(listing.entries.map((e) => e.name)).toContain('data');
    expect(listing.parent).toBeNull();
    const file = await api.invoke('files:readText', { path: 'data/tiny.csv' });
    expect(file).toMatchObject({
      name: 'tiny.csv',
      size: 8,
      text: 'a,b\n1,2\n',
      path: 'data/tiny.csv',
    });
    ws.close();
  });

  it('refuses workspace paths outside the folder, including through a symlink', async () => {
    const ws = await open();
    const api = createApi(bridgeOver(ws));
    for (const p of [
      '../secret.txt',
      path.join(dir, 'secret.txt'),
      'data/../../secret.txt',
      'escape.txt',
    ]) {
      await expect(api.invoke('files:readText', { path: p }), p).rejects.toMatchObject({
        code: 'OUTSIDE_WORKSPACE',
      });
    }
    await expect(api.invoke('files:list', { dir: '..' })).rejects.toMatchObject({
      code: 'OUTSIDE_WORKSPACE',
    });
    await expect(
      api.invoke('files:writeText', { path: '../planted.txt', text: 'x' }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(
      api.invoke('files:writeText', { path: 'escape.txt', text: 'x' }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    expect(readFileSync(path.join(dir, 'secret.txt'), 'utf8')).toBe('outside the workspace');
    ws.close();
  });

  it('writes a file inside the workspace and reports a missing one as NOT_FOUND', async () => {
    const ws = await open();
    const api = createApi(bridgeOver(ws));
    await expect(
      api.invoke('files:writeText', { path: 'data/out.txt', text: 'héllo' }),
    ).resolves.toEqual({ path: 'data/out.txt', size: 6 });
    expect(readFileSync(path.join(workspace, 'data/out.txt'), 'utf8')).toBe('héllo');
    await expect(api.invoke('files:readText', { path: 'data/missing.csv' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    ws.close();
  });

  it('writes binary files (a PNG chart) inside the workspace only', async () => {
    const ws = await open();
    const api = createApi(bridgeOver(ws));
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
    await expect(
      api.invoke('files:writeBytes', { path: 'chart.png', base64: bytes.toString('base64') }),
    ).resolves.toEqual({ path: 'chart.png', size: 10 });
    expect(readFileSync(path.join(workspace, 'chart.png')).equals(bytes)).toBe(true);
    await expect(
      api.invoke('files:writeBytes', { path: '../chart.png', base64: 'AA==' }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(
      api.invoke('files:writeBytes', { path: 'x.png', base64: 'not base64!' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    ws.close();
  });

  it('pushes backend events to connected sockets', async () => {
    const ws = await open();
    const got = new Promise((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(d.toString()))),
    );
    host.backend.emit('menu:command', { command: 'edit:undo' });
    await expect(got).resolves.toEqual({
      type: 'event',
      event: 'menu:command',
      payload: { command: 'edit:undo' },
    });
    ws.close();
  });
});
