/**
 * The decision boundary through the browser-mode host: a generated dataset, a real WebSocket
 * client and a real training worker (built with esbuild first, as the app ships it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sleep,
  startHostSession,
  waitFor,
  type HostEvent,
  type HostSession,
} from '../support/host-session';
import { DEFAULT_TRAIN_SETTINGS, type RunDone } from '../../electron/contract/training';
import type { BoundaryFrame } from '../../electron/contract/boundary';
import type { ResponseOf } from '../../electron/contract';
import type { Graph } from '../../engine/graph/document';
import { denseParams, graphNode } from '../support/graph';

const events: HostEvent[] = [];
let host: HostSession;

beforeAll(async () => {
  host = await startHostSession({ prefix: 'layerlab-boundary-', events });
}, 60_000);

afterAll(() => host?.close());

const call = <T>(channel: string, payload: unknown): Promise<T> => host.call<T>(channel, payload);

const n = graphNode;
const dense = denseParams;
/** 2-8-2 tanh with a 2-class softmax. */
const graph = {
  nodes: [
    n('in', 'input', {}, 0),
    n('d1', 'dense', dense(8), 1),
    n('a1', 'activation', { fn: 'tanh', alpha: 0.01 }, 2),
    n('d2', 'dense', dense(2), 3),
    n('sm', 'softmax', {}, 4),
    n('out', 'output', { loss: 'auto' }, 5),
  ],
  edges: ['in>d1', 'd1>a1', 'a1>d2', 'd2>sm', 'sm>out'].map((e, i) => ({
    id: `e${i}`,
    source: e.split('>')[0]!,
    target: e.split('>')[1]!,
  })),
} as Graph;

const framesOf = (runId: string) =>
  events.filter(
    (e) => e.event === 'training:boundary' && (e.payload as BoundaryFrame).runId === runId,
  );
const doneOf = (runId: string) =>
  events.find((e) => e.event === 'training:done' && (e.payload as RunDone).runId === runId)
    ?.payload as RunDone | undefined;

describe('decision boundary through the host', () => {
  let datasetId = '';
  let lastRun = '';

  it('sends frames while a watched run trains, at most 5 a second, and one of the final epoch', async () => {
    const summary = await call<{ id: string; ready: boolean }>('datasets:generate', {
      kind: 'circles',
      size: 300,
      noise: 0.05,
      seed: 1,
    });
    expect(summary.ready).toBe(true);
    datasetId = summary.id;
    await call('training:boundary', { plane: { kind: 'features', x: 0, y: 1 }, nodeId: 'a1' });
    const { runId } = await call<{ runId: string }>('training:start', {
      datasetId,
      graph,
      settings: { ...DEFAULT_TRAIN_SETTINGS, epochs: 60, batchSize: 1, seed: 3 },
    });
    lastRun = runId;
    const started = Date.now();
    await waitFor(() => doneOf(runId), 60_000);
    await sleep(100);
    const ms = Date.now() - started;
    const frames = framesOf(runId);
    // Live: frames before the end, paced at ≥ 200 ms apart (plus the final one).
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(ms / 200) + 2);
    const last = frames.at(-1)!.payload as BoundaryFrame;
    expect(last.epoch).toBe(60);
    expect(last.axes.map((a) => a.label)).toEqual(['x1', 'x2']);
    expect(Buffer.from(last.cls!, 'base64')).toHaveLength(64 * 64);
    expect(last.neurons?.shown).toBe(8);
    expect(last.neurons?.fn).toBe('tanh');
  }, 90_000);

  it('answers a new watch at once from the kept model, and sends nothing once unwatched', async () => {
    const before = framesOf(lastRun).length;
    await call('training:boundary', { plane: { kind: 'pca' }, nodeId: null });
    const frame = await waitFor(() =>
      framesOf(lastRun).length > before
        ? (framesOf(lastRun).at(-1)!.payload as BoundaryFrame)
        : undefined,
    );
    expect(frame.plane).toEqual({ kind: 'pca' });
    expect(frame.axes[0]!.label).toBe('principal component 1');
    expect(frame.neurons).toBeNull();

    await call('training:boundary', { plane: null, nodeId: null });
    const { runId } = await call<{ runId: string }>('training:start', {
      datasetId,
      graph,
      settings: { ...DEFAULT_TRAIN_SETTINGS, epochs: 5, seed: 3 },
    });
    await waitFor(() => doneOf(runId));
    await sleep(100);
    expect(framesOf(runId)).toHaveLength(0);
    lastRun = runId;
  });

  it("gives the latest network's kernels, and each seed's boundary after a seeds analysis", async () => {
    const weights = await call<ResponseOf<'training:weights'>>('training:weights', { max: 4 });
    expect(weights.runId).toBe(lastRun);
    expect(weights.layers.map((l) => [l.nodeId, l.inputs, l.units, l.w?.length ?? null])).toEqual([
      ['d1', 2, 8, null],
      ['d2', 8, 2, null],
    ]);
    const wide = await call<ResponseOf<'training:weights'>>('training:weights', { max: 8 });
    expect(wide.layers[0]!.w).toHaveLength(16);

    await call('training:seeds', { count: 2 });
    const before = framesOf(lastRun).length;
    await call('training:boundary', {
      plane: { kind: 'features', x: 0, y: 1 },
      nodeId: null,
      seed: 1,
    });
    const frame = await waitFor(() =>
      framesOf(lastRun).length > before
        ? (framesOf(lastRun).at(-1)!.payload as BoundaryFrame)
        : undefined,
    );
    expect(frame.seeds?.shown).toBe(1);
    expect(frame.seeds?.list.map((s) => [s.seed, s.epochs])).toEqual([
      [3, 5],
      [4, 5],
    ]);
    await call('training:boundary', { plane: null, nodeId: null });
  }, 60_000);
});
