/**
 * Per-layer diagnostics and the analyses of the latest model (Monte-Carlo dropout, loss
 * landscape, several seeds) through the browser-mode host, its real worker thread included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHostSession,
  waitFor,
  type HostEvent,
  type HostSession,
} from '../support/host-session';
import {
  DEFAULT_TRAIN_SETTINGS,
  type RunDone,
  type RunProgress,
} from '../../electron/contract/training';
import type { ResponseOf } from '../../electron/contract';
import type { Graph } from '../../engine/graph/document';

const events: HostEvent[] = [];
let host: HostSession;

beforeAll(async () => {
  host = await startHostSession({ prefix: 'layerlab-analyses-', events, iris: true });
}, 60_000);

afterAll(() => host?.close());

const call = <T>(channel: string, payload: unknown): Promise<T> => host.call<T>(channel, payload);

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
