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
import type { Graph } from '../../engine/graph/document';

const events: HostEvent[] = [];
let host: HostSession;

beforeAll(async () => {
  host = await startHostSession({ prefix: 'layerlab-boundary-', events });
}, 60_000);

afterAll(() => host?.close());

const call = <T>(channel: string, payload: unknown): Promise<T> => host.call<T>(channel, payload);

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
  });
});
