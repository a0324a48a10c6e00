/**
 * A browser-mode host for integration tests: a temp workspace (iris.csv in it when asked), the
 * training worker built with esbuild as the app ships it, and a real WebSocket client whose
 * pushed events are collected in order.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import WebSocket from 'ws';
import { startHost } from '../../electron/host';

const root = path.resolve(__dirname, '../..');

export interface HostEvent {
  at: number;
  event: string;
  payload: unknown;
}

export interface HostSession {
  /** A request through the socket; rejects with `{ error }` when the host answers an error. */
  call<T>(channel: string, payload: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startHostSession(opts: {
  prefix: string;
  /** Pushed events land here (the caller's array, so its tests can read it directly). */
  events: HostEvent[];
  /** Copy the bundled iris sample into the workspace as iris.csv. */
  iris?: boolean;
}): Promise<HostSession> {
  const dir = mkdtempSync(path.join(tmpdir(), opts.prefix));
  mkdirSync(path.join(dir, 'ws'));
  mkdirSync(path.join(dir, 'static'));
  writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html>');
  if (opts.iris)
    copyFileSync(path.join(root, 'assets/datasets/iris.csv'), path.join(dir, 'ws', 'iris.csv'));
  const workerPath = path.join(dir, 'training-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/backend/training-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerPath,
    logLevel: 'warning',
  });
  const host = await startHost({
    workspace: path.join(dir, 'ws'),
    staticDir: path.join(dir, 'static'),
    workerPath,
  });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  type Result = { ok: boolean; value?: unknown; error?: unknown };
  const waiting = new Map<number, (r: Result) => void>();
  let next = 1;
  ws.on('message', (d) => {
    const msg = JSON.parse(d.toString());
    if (msg.type === 'result') waiting.get(msg.id)?.(msg.result);
    else opts.events.push({ at: Date.now(), event: msg.event, payload: msg.payload });
  });
  await new Promise((r) => ws.once('open', r));
  return {
    async call<T>(channel: string, payload: unknown): Promise<T> {
      const id = next++;
      const result = await new Promise<Result>((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      });
      if (!result.ok)
        throw Object.assign(new Error(JSON.stringify(result.error)), { error: result.error });
      return result.value as T;
    },
    async close() {
      ws.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `pred` every 10 ms until it gives a value; rejects after `ms`. */
export function waitFor<T>(pred: () => T | undefined, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const v = pred();
      if (v !== undefined) return resolve(v);
      if (Date.now() - started > ms) return reject(new Error('timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
