/**
 * One data path: the same project trained through the browser-mode host (real WebSocket, real
 * dataset store, real training worker) and through the built `layerlab` binary gives identical
 * epoch losses and test metrics for the same seed, and `layerlab predict` gives the same values
 * as the app's Predict form (training:predict) for the same rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host';
import type { RunDone, RunEpoch, RunProgress } from '../../electron/contract/training';
import type { OpenedProject } from '../../electron/contract/projects';

const root = path.resolve(__dirname, '../..');
const dist = process.env.LAYERLAB_DIST
  ? path.resolve(process.env.LAYERLAB_DIST)
  : path.join(root, 'dist');
const cli = path.join(dist, 'electron/cli.cjs');
let dir: string;
let ws: string;
let host: RunningHost;
let socket: WebSocket;
let next = 1;
const waiting = new Map<number, (r: { ok: boolean; value?: unknown; error?: unknown }) => void>();
const events: { event: string; payload: unknown }[] = [];

function layerlab(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const id = next++;
  const result = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, channel, payload }));
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function doneOf(runId: string): Promise<RunDone> {
  for (let i = 0; i < 6000; i++) {
    const e = events.find(
      (x) => x.event === 'training:done' && (x.payload as RunDone).runId === runId,
    );
    if (e) return e.payload as RunDone;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the host run did not finish');
}

const withoutTime = (epochs: RunEpoch[]) => epochs.map(({ elapsedMs: _t, ...e }) => e);

/** A table with a text feature and a numeric target, written to the workspace. */
function pricesCsv(): string {
  const colors = ['red', 'green', 'blue'];
  const rows = Array.from({ length: 180 }, (_, i) => {
    const size = 1 + ((i * 37) % 90) / 10;
    const noise = (((i * 7919) % 101) - 50) / 50;
    return `${size},${colors[i % 3]},${(3 * size + [10, 0, -5][i % 3]! + 100 + noise).toFixed(2)}`;
  });
  return ['size,color,price', ...rows].join('\n') + '\n';
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-host-'));
  ws = path.join(dir, 'ws');
  mkdirSync(ws);
  mkdirSync(path.join(dir, 'static'));
  writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html>');
  writeFileSync(path.join(ws, 'prices.csv'), pricesCsv());
  writeFileSync(
    path.join(ws, 'iris.csv'),
    readFileSync(path.join(root, 'assets/datasets/iris.csv')),
  );
  const workerPath = path.join(dir, 'training-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/backend/training-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerPath,
    logLevel: 'warning',
  });
  host = await startHost({ workspace: ws, staticDir: path.join(dir, 'static'), workerPath });
  socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
    origin: `http://127.0.0.1:${host.port}`,
  });
  socket.on('message', (d) => {
    const msg = JSON.parse(d.toString());
    if (msg.type === 'result') waiting.get(msg.id)?.(msg.result);
    else events.push({ event: msg.event, payload: msg.payload });
  });
  await new Promise((r) => socket.once('open', r));
}, 120_000);

afterAll(async () => {
  socket?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cases = [
  {
    name: 'a regression target with a text feature',
    csv: 'prices.csv',
    target: 'price',
    layers: 'dense:16,relu,dense:1',
    predictRows: 'size,color,price\n2.5,red,0\n7,blue,0\n4.2,green,1\n',
  },
  {
    name: 'a classification target',
    csv: 'iris.csv',
    target: 'label',
    layers: 'dense:8,tanh,dense:3,softmax',
    predictRows: null,
  },
];

describe.each(cases)('the app and the CLI on $name', (c) => {
  const project = () => path.join(ws, `${c.target}.layerlab`);

  it('train the same project to identical epoch losses and test metrics', async () => {
    layerlab(
      'train',
      '--data',
      path.join(ws, c.csv),
      '--target',
      c.target,
      '--layers',
      c.layers,
      '--epochs',
      '12',
      '--seed',
      '7',
      '--backend',
      'cpu',
      '--out',
      project(),
    );
    const opened = await call<OpenedProject>('projects:open', { path: path.basename(project()) });
    expect(opened.dataset?.status).toBe('loaded');
    const datasetId = (opened.dataset as { id: string }).id;
    const start = await call<{ runId: string }>('training:start', {
      datasetId,
      graph: opened.graph,
      settings: opened.training,
      backend: 'cpu',
    });
    const done = await doneOf(start.runId);
    const hostEpochs = events
      .filter((e) => e.event === 'training:progress')
      .map((e) => e.payload as RunProgress)
      .filter((p) => p.runId === start.runId)
      .flatMap((p) => p.epochs);

    const again = path.join(dir, `${c.target}-again.layerlab`);
    layerlab('train', '--project', project(), '--backend', 'cpu', '--out', again);
    const run = JSON.parse(readFileSync(again, 'utf8')).runs[0];
    expect(hostEpochs).toHaveLength(12);
    expect(withoutTime(run.epochs)).toEqual(withoutTime(hostEpochs));
    expect(run.done.evaluation).toEqual(done.evaluation);
    expect(run.done.evaluation.split).toBe('test');
  }, 120_000);

  it('evaluate gives the metrics the app reported, predict the values of its Predict form', async () => {
    const doc = JSON.parse(readFileSync(project(), 'utf8'));
    const [e] = layerlab('evaluate', '--project', project(), '--json')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const saved = doc.runs[0].done.evaluation.metrics;
    if (saved.acc !== undefined) expect(e.acc).toBe(saved.acc);
    else expect(e.r2).toBe(saved.r2);

    // The host holds the weights of the project it opened last: open this one again.
    await call('projects:open', { path: path.basename(project()) });
    const rowsFile = path.join(dir, `${c.target}-rows.csv`);
    const source = c.predictRows ?? readFileSync(path.join(ws, c.csv), 'utf8');
    writeFileSync(rowsFile, source);
    const out = path.join(dir, `${c.target}-pred.csv`);
    layerlab('predict', '--project', project(), '--data', rowsFile, '--out', out);
    const [header, ...lines] = source.trim().split('\n');
    const names = header!.split(',');
    const predicted = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(predicted).toHaveLength(lines.length);
    for (const [i, line] of lines.slice(0, 40).entries()) {
      const values = Object.fromEntries(line.split(',').map((v, j) => [names[j]!, v]));
      const app = await call<{
        probabilities: number[] | null;
        value: number | null;
        predicted: string | null;
      }>('training:predict', { values });
      const cells = predicted[i]!.split(',');
      expect(cells[0]).toBe(String(i + 2));
      if (app.probabilities) {
        expect(cells.slice(1, -1).map(Number)).toEqual(app.probabilities);
        expect(cells.at(-1)).toBe(app.predicted);
      } else {
        expect(Number(cells[1])).toBe(app.value);
      }
    }
  }, 120_000);
});
