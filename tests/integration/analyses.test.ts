/**
 * Per-layer diagnostics and the analyses of the latest model (Monte-Carlo dropout, loss
 * landscape, several seeds) through the browser-mode host, its real worker thread included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../electron/host';
import {
  DEFAULT_TRAIN_SETTINGS,
  type RunDone,
  type RunProgress,
} from '../../electron/contract/training';
import type { ResponseOf } from '../../electron/contract';
import type { Graph } from '../../engine/graph/document';

const root = path.resolve(__dirname, '../..');
let dir: string;
let host: RunningHost;
let ws: WebSocket;
let next = 1;
const waiting = new Map<number, (r: { ok: boolean; value?: unknown; error?: unknown }) => void>();
const events: { at: number; event: string; payload: unknown }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-analyses-'));
  mkdirSync(path.join(dir, 'ws'));
  mkdirSync(path.join(dir, 'static'));
  writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html>');
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
  host = await startHost({
    workspace: path.join(dir, 'ws'),
    staticDir: path.join(dir, 'static'),
    workerPath,
  });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  ws.on('message', (d) => {
    const msg = JSON.parse(d.toString());
    if (msg.type === 'result') waiting.get(msg.id)?.(msg.result);
    else events.push({ at: Date.now(), event: msg.event, payload: msg.payload });
  });
  await new Promise((r) => ws.once('open', r));
}, 60_000);

afterAll(async () => {
  ws?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const id = next++;
  const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
    waiting.set(id, resolve);
    ws.send(JSON.stringify({ id, channel, payload }));
  });
  if (!result.ok)
    throw Object.assign(new Error(JSON.stringify(result.error)), { error: result.error });
  return result.value as T;
}

function waitFor<T>(pred: () => T | undefined, ms = 30_000): Promise<T> {
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

function graph(hidden: number, dropout: number): Graph {
  const n = (id: string, kind: string, params: object, y: number) => ({
    id,
    kind,
    params,
    position: { x: 0, y },
  });
  const dense = (units: number) => ({
    units,
    useBias: true,
    initializer: 'glorot_uniform',
    l1: null,
    l2: null,
  });
  return {
    nodes: [
      n('in', 'input', {}, 0),
      n('dense_1', 'dense', dense(hidden), 1),
      n('relu_1', 'activation', { fn: 'relu', alpha: 0.01 }, 2),
      n('drop_1', 'dropout', { rate: dropout }, 3),
      n('dense_2', 'dense', dense(3), 4),
      n('sm', 'softmax', {}, 5),
      n('out', 'output', { loss: 'auto' }, 6),
    ],
    edges: [
      'in>dense_1',
      'dense_1>relu_1',
      'relu_1>drop_1',
      'drop_1>dense_2',
      'dense_2>sm',
      'sm>out',
    ].map((e, i) => ({ id: `e${i}`, source: e.split('>')[0]!, target: e.split('>')[1]! })),
  } as Graph;
}

const doneOf = (runId: string) =>
  events.find((e) => e.event === 'training:done' && (e.payload as RunDone).runId === runId)
    ?.payload as RunDone | undefined;
const epochsOf = (runId: string) =>
  events
    .filter((e) => e.event === 'training:progress' && (e.payload as RunProgress).runId === runId)
    .flatMap((e) => (e.payload as RunProgress).epochs);

let datasetId = '';

async function train(hidden: number, dropout: number, epochs = 10): Promise<string> {
  const { runId } = await call<{ runId: string }>('training:start', {
    datasetId,
    graph: graph(hidden, dropout),
    settings: { ...DEFAULT_TRAIN_SETTINGS, epochs, seed: 7 },
  });
  await waitFor(() => doneOf(runId));
  return runId;
}

describe('diagnostics and analyses through the host', () => {
  it('refuses an analysis before anything was trained', async () => {
    datasetId = (await call<{ id: string }>('datasets:open', { path: 'iris.csv' })).id;
    await expect(call('training:mcDropout', { passes: 5, seed: 1 })).rejects.toMatchObject({
      error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/Train the network first/) },
    });
  });

  it('streams per-layer diagnostics named by the canvas nodes with every epoch', async () => {
    const runId = await train(16, 0.3);
    const epochs = epochsOf(runId);
    expect(epochs).toHaveLength(10);
    for (const e of epochs) {
      expect(e.layers!.map((l) => [l.nodeId, l.activationNodeId, l.fn])).toEqual([
        ['dense_1', 'relu_1', 'relu'],
        ['dense_2', 'dense_2', 'linear'],
      ]);
      expect(e.layers![0]!.gradNorm).toBeGreaterThan(0);
      expect(e.layers![0]!.deadShare).toBeGreaterThanOrEqual(0);
    }
  });

  it('MC dropout: the same seed gives the same spread, above 0 with dropout', async () => {
    type Mc = ResponseOf<'training:mcDropout'>;
    const a = await call<Mc>('training:mcDropout', { passes: 20, seed: 3 });
    const b = await call<Mc>('training:mcDropout', { passes: 20, seed: 3 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ split: 'test', hasDropout: true, classification: true, passes: 20 });
    expect(a.meanSd!).toBeGreaterThan(0);
    expect(a.normalMetric!).toBeGreaterThan(0.5);
  });

  it('landscape: the centre is the trained loss, higher away from it', async () => {
    type L = ResponseOf<'training:landscape'>;
    const l = await call<L>('training:landscape', { dims: 1, steps: 11, seed: 2 });
    expect(l.losses).toHaveLength(11);
    expect(l.center).toBe(l.losses[5]);
    expect(l.losses[0]!).toBeGreaterThan(l.center!);
    const g = await call<L>('training:landscape', { dims: 2, steps: 5, seed: 2 });
    expect(g.losses).toHaveLength(25);
  });

  it('seeds: the run again with three seeds, final metrics as mean ± sd', async () => {
    type S = ResponseOf<'training:seeds'>;
    const s = await call<S>('training:seeds', { count: 3 });
    expect(s.seeds).toEqual([7, 8, 9]);
    expect(s.trainLoss.map((c) => c.length)).toEqual([10, 10, 10]);
    expect(s.final.valLoss.n).toBe(3);
    expect(s.final.valLoss.sd!).toBeGreaterThan(0);
    expect(s.final.valAcc!.mean!).toBeGreaterThan(0.3);
  });

  it('refuses the landscape of a network above 20,000 parameters, naming the count', async () => {
    await train(3000, 0, 1);
    await expect(call('training:landscape', { dims: 1, seed: 1 })).rejects.toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/at most 20000 parameters; this one has 24003/),
      },
    });
  });
});
