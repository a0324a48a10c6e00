/**
 * Training sessions through the browser-mode host: a real WebSocket client, the real dataset
 * store and a real worker thread (built with esbuild first, as the app ships it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sleep,
  startHostSession,
  waitFor,
  type HostEvent,
  type HostSession,
} from '../support/host-session';
import {
  DEFAULT_TRAIN_SETTINGS,
  type RunDone,
  type RunProgress,
  type TrainSettings,
} from '../../electron/contract/training';
import type { Graph } from '../../engine/graph/document';

const events: HostEvent[] = [];
let host: HostSession;

beforeAll(async () => {
  host = await startHostSession({ prefix: 'layerlab-train-', events, iris: true });
}, 60_000);

afterAll(() => host?.close());

const call = <T>(channel: string, payload: unknown): Promise<T> => host.call<T>(channel, payload);

function graph(hidden: number): Graph {
  const n = (id: string, kind: string, params: object, y: number) => ({
    id,
    kind,
    params,
    position: { x: 0, y },
  });
  return {
    nodes: [
      n('in', 'input', {}, 0),
      n(
        'd1',
        'dense',
        { units: hidden, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
        1,
      ),
      n('a1', 'activation', { fn: 'relu', alpha: 0.01 }, 2),
      n(
        'd2',
        'dense',
        { units: 3, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
        3,
      ),
      n('sm', 'softmax', {}, 4),
      n('out', 'output', { loss: 'auto' }, 5),
    ],
    edges: ['in>d1', 'd1>a1', 'a1>d2', 'd2>sm', 'sm>out'].map((e, i) => ({
      id: `e${i}`,
      source: e.split('>')[0]!,
      target: e.split('>')[1]!,
    })),
  } as Graph;
}

const settings = (over: Partial<TrainSettings>): TrainSettings => ({
  ...DEFAULT_TRAIN_SETTINGS,
  epochs: 30,
  seed: 7,
  ...over,
});

const progressOf = (runId: string) =>
  events.filter(
    (e) => e.event === 'training:progress' && (e.payload as RunProgress).runId === runId,
  );
const doneOf = (runId: string) =>
  events.find((e) => e.event === 'training:done' && (e.payload as RunDone).runId === runId)
    ?.payload as RunDone | undefined;
const epochsOf = (runId: string) =>
  progressOf(runId).flatMap((e) => (e.payload as RunProgress).epochs.map((x) => x.epoch));

let datasetId = '';

describe('training through the host', () => {
  it('streams every epoch in order and ends with an evaluation on the test split', async () => {
    const summary = await call<{ id: string; ready: boolean }>('datasets:open', {
      path: 'iris.csv',
    });
    expect(summary.ready).toBe(true);
    datasetId = summary.id;
    const { runId, trainRows } = await call<{ runId: string; trainRows: number }>(
      'training:start',
      { datasetId, graph: graph(16), settings: settings({}) },
    );
    expect(trainRows).toBeGreaterThan(90);
    const done = await waitFor(() => doneOf(runId));
    expect(done.reason).toBe('completed');
    expect(epochsOf(runId)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(done.evaluation?.split).toBe('test');
    expect(done.evaluation?.metrics.acc).toBeGreaterThanOrEqual(0.8);
    const confusion = done.evaluation!.confusion!;
    expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(done.evaluation!.rows);
  });

  it('refuses a second run while one is going, and a graph that cannot train, with reasons', async () => {
    const broken = graph(16);
    broken.edges.pop();
    await expect(
      call('training:start', { datasetId, graph: broken, settings: settings({}) }),
    ).rejects.toMatchObject({
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('cannot train yet') },
    });
    await expect(
      call('training:start', { datasetId: 'ds999', graph: graph(4), settings: settings({}) }),
    ).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  it('pause really pauses, resume goes on, stop ends with the last weights', async () => {
    const { runId } = await call<{ runId: string }>('training:start', {
      datasetId,
      graph: graph(4),
      settings: settings({ epochs: 100_000, batchSize: 1 }),
    });
    await waitFor(() => (epochsOf(runId).length >= 3 ? true : undefined));
    await expect(
      call('training:start', { datasetId, graph: graph(4), settings: settings({}) }),
    ).rejects.toMatchObject({ error: { code: 'NOT_ALLOWED' } });
    await call('training:control', { runId, action: 'pause' });
    await sleep(250); // an epoch already under way may still finish
    const paused = epochsOf(runId).length;
    await sleep(700);
    expect(epochsOf(runId).length).toBe(paused);
    await call('training:control', { runId, action: 'resume' });
    await waitFor(() => (epochsOf(runId).length > paused + 2 ? true : undefined));
    await call('training:control', { runId, action: 'stop' });
    const done = await waitFor(() => doneOf(runId));
    expect(done.reason).toBe('stopped');
    expect(done.epochs).toBeGreaterThan(paused);
    expect(done.evaluation?.metrics.loss).toEqual(expect.any(Number));
    const seen = epochsOf(runId);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
  });

  it('sends at most 25 messages a second however many batches a tiny network trains', async () => {
    const { runId } = await call<{ runId: string }>('training:start', {
      datasetId,
      graph: graph(4),
      settings: settings({ epochs: 2000, batchSize: 1 }),
    });
    const started = Date.now();
    await sleep(2500);
    const window = progressOf(runId).filter((e) => e.at >= started + 500 && e.at < started + 2500);
    // How fast the batches go depends on the machine (bench/ measures it); the cap does not.
    expect(window.length / 2, 'messages per second').toBeLessThanOrEqual(25);
    await call('training:control', { runId, action: 'stop' });
    await waitFor(() => doneOf(runId));
    // No epoch was lost on the way, however many were coalesced into one message.
    const seen = epochsOf(runId);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
  });

  it('changes the learning rate of a running training from the next batch on', async () => {
    const { runId } = await call<{ runId: string }>('training:start', {
      datasetId,
      graph: graph(4),
      settings: settings({ epochs: 100_000, batchSize: 8, lr: 0.01 }),
    });
    await waitFor(() => (epochsOf(runId).length >= 2 ? true : undefined));
    await expect(call('training:setLearningRate', { runId, lr: 0.0005 })).resolves.toEqual({
      lr: 0.0005,
    });
    const lrs = () =>
      progressOf(runId).flatMap((e) => (e.payload as RunProgress).epochs.map((x) => x.lr));
    await waitFor(() => (lrs().includes(0.0005) ? true : undefined));
    expect(lrs()[0]).toBe(0.01);
    await call('training:control', { runId, action: 'stop' });
    await waitFor(() => doneOf(runId));
    await expect(call('training:setLearningRate', { runId, lr: 0.1 })).rejects.toMatchObject({
      error: { code: 'NOT_ALLOWED' },
    });
  });

  it('restores the best epoch of the finished run and evaluates it again', async () => {
    const { runId } = await call<{ runId: string }>('training:start', {
      datasetId,
      graph: graph(16),
      settings: settings({ epochs: 40 }),
    });
    const done = await waitFor(() => doneOf(runId));
    const best = epochsOf(runId).length
      ? progressOf(runId).flatMap((e) => (e.payload as RunProgress).epochs)
      : [];
    const bestEpoch = best.reduce((b, e) => (e.val!.loss! < b.val!.loss! ? e : b)).epoch;
    const restored = await call<{ epoch: number; evaluation: { metrics: { loss: number } } }>(
      'training:restoreBest',
      { runId },
    );
    expect(restored.epoch).toBe(bestEpoch);
    expect(done.evaluation).not.toBeNull();
  });
});
