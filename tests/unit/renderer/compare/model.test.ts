import { describe, expect, it } from 'vitest';
import { basisText } from '../../../../renderer/panels/compare/lossBasis';
import {
  finalRows,
  groupSide,
  layerRows,
  runSide,
  seedsSide,
  sideOf,
  sideOptions,
} from '../../../../renderer/panels/compare/model';
import { settingsTable } from '../../../../renderer/panels/training/runStats';
import { DEFAULT_TRAIN_SETTINGS, type RunEpoch } from '../../../../electron/contract/training';
import type { RunGraph } from '../../../../engine/graph/run-graph';
import type { SavedSweep } from '../../../../engine/graph/project/sweeps';
import type { RunView } from '../../../../renderer/store/training';

const net = (units: number, dropout: boolean): RunGraph =>
  ({
    nodes: [
      { id: 'input_1', kind: 'input', params: {} },
      {
        id: 'dense_1',
        kind: 'dense',
        params: { units, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
      },
      { id: 'activation_1', kind: 'activation', params: { fn: 'relu', alpha: 0.01 } },
      ...(dropout ? [{ id: 'dropout_1', kind: 'dropout', params: { rate: 0.5 } }] : []),
      {
        id: 'dense_2',
        kind: 'dense',
        params: { units: 3, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
      },
      { id: 'output_1', kind: 'output', params: { loss: 'auto' } },
    ],
    edges: [],
  }) as unknown as RunGraph;

/** Chain the nodes in order, as the canvas wires them. */
function chained(g: RunGraph): RunGraph {
  const edges = g.nodes
    .slice(1)
    .map((n, i) => ({ id: `e${i}`, source: g.nodes[i]!.id, target: n.id }));
  return { ...g, edges };
}

const epoch = (n: number, train: number, val: number): RunEpoch => ({
  epoch: n,
  epochs: 4,
  lr: 0.01,
  train: { loss: train, acc: 0.9 },
  val: { loss: val, acc: 0.8 },
  elapsedMs: n * 250,
});

function run(id: string, l2: number, vals: number[]): RunView {
  return {
    runId: id,
    state: 'done',
    settings: { ...DEFAULT_TRAIN_SETTINGS, l2 },
    dataset: 'iris.csv',
    datasetHash: 'abcdef0123456789',
    graph: chained(net(8, false)),
    backend: 'cpu',
    startedAt: 0,
    epochs: vals.map((v, i) => epoch(i + 1, v - 0.1, v)),
    batch: null,
    alerts: [],
    done: {
      runId: id,
      reason: 'completed',
      message: null,
      epochs: vals.length,
      restoredEpoch: null,
      evaluation: {
        split: 'test',
        rows: 30,
        metrics: { loss: 0.3, acc: l2 ? 0.95 : 0.9 },
        confusion: null,
        cellRows: null,
        classNames: null,
      },
      weightStats: [
        {
          name: 'W1',
          nodeId: 'dense_1',
          count: 4 * 8,
          min: -1,
          max: 1,
          mean: 0,
          std: 0.5,
          nearZeroShare: 0.1,
          l1Norm: 3,
          l2Norm: 1,
          histogram: { lo: -1, hi: 1, counts: [1, 2, 3] },
        },
      ],
    },
  };
}

const sweep: SavedSweep = {
  sweepId: 'sweep1',
  savedAt: 0,
  params: [{ key: 'l2', values: [0, 0.01], log: true }],
  seeds: 2,
  settings: { ...DEFAULT_TRAIN_SETTINGS },
  variants: [
    [1, 'l2=0', 0, 42, 0.5],
    [2, 'l2=0', 0, 43, 0.7],
    [3, 'l2=0.01', 0.01, 42, 0.4],
    [4, 'l2=0.01', 0.01, 43, null],
  ].map(([n, group, l2, seed, best]) => ({
    id: `v${n}`,
    group: group as string,
    values: { l2: l2 as number },
    seed: seed as number,
    status: best === null ? ('diverged' as const) : ('completed' as const),
    bestEpoch: best === null ? null : 2,
    bestVal: best as number | null,
    trainAtBest: best === null ? null : (best as number) - 0.2,
    gap: best === null ? null : 0.2,
    test: best === null ? null : 0.9,
    elapsedMs: 1000,
    curve: [
      { train: 1, val: 1.2 },
      { train: 0.5, val: best as number | null },
    ],
  })),
};

describe('comparing two runs', () => {
  it('marks the one setting that differs, and lists every setting', () => {
    const rows = settingsTable(run('run1', 0, [1]).settings, run('run2', 0.01, [1]).settings);
    expect(rows.map((r) => r.label)).toContain('learning rate');
    expect(rows.filter((r) => r.differs)).toEqual([
      { label: 'L2 λ', a: '0', b: '0.01', differs: true },
    ]);
  });

  it('lists both networks layer by layer, a changed or added layer marked where it stands', () => {
    const rows = layerRows(chained(net(8, false)), chained(net(16, true)));
    expect(rows.map((r) => r.id)).toEqual([
      'input_1',
      'dense_1',
      'activation_1',
      'dropout_1',
      'dense_2',
      'output_1',
    ]);
    expect(rows.filter((r) => r.differs).map((r) => r.id)).toEqual(['dense_1', 'dropout_1']);
    expect(rows[1]).toMatchObject({
      a: '8 units, bias, glorot_uniform',
      b: '16 units, bias, glorot_uniform',
    });
    expect(rows[3]).toMatchObject({ a: null, b: 'rate 0.5' });
  });

  it('keeps a removed layer in its place', () => {
    const rows = layerRows(chained(net(8, true)), chained(net(8, false)));
    expect(rows.map((r) => r.id)[3]).toBe('dropout_1');
    expect(rows[3]).toMatchObject({ a: 'rate 0.5', b: null, differs: true });
  });

  it('takes a run’s best epoch by validation loss, its gap, test accuracy and parameters', () => {
    const side = runSide(run('run1', 0, [1, 0.6, 0.5, 0.7]));
    expect(side.finals).toMatchObject({ bestEpoch: 3, bestVal: 0.5, test: 0.9, timeMs: 1000 });
    expect(side.finals.gap).toBeCloseTo(0.1);
    // 4 inputs (from the first layer's 32 weights / 8 units): 4·8+8 + 8·3+3.
    expect(side.finals.params).toBe(67);
    expect(side.bestVals).toEqual([0.5]);
    expect(side.metric).toBe('acc');
  });

  it('marks the better side of each final number: lower loss, higher accuracy', () => {
    const rows = finalRows(runSide(run('run1', 0, [1, 0.5])), runSide(run('run2', 0.01, [1, 0.4])));
    // Labels name the loss basis in parentheses.
    const by = Object.fromEntries(rows.map((r) => [r.label.replace(/ \(.*\)$/, ''), r]));
    expect(by['Best validation loss']!.better).toBe('b');
    expect(by['Test accuracy']).toMatchObject({ a: '0.9000', b: '0.9500', better: 'b' });
    expect(by['Parameters']!.better).toBeNull();
  });
});

describe('comparing groups of seeds', () => {
  it('averages a sweep group over its finished seeds and keeps each seed’s best loss', () => {
    const g = groupSide(sweep, 'l2=0')!;
    expect(g.label).toBe('sweep1 · l2=0 (2 seeds)');
    expect(g.seeds).toEqual([42, 43]);
    expect(g.bestVals).toEqual([0.5, 0.7]);
    expect(g.finals.bestVal).toBeCloseTo(0.6);
    expect(g.curve[1]).toMatchObject({ epoch: 2, trainLoss: 0.5, valLoss: 0.6 });
    expect(g.settings!.l2).toBe(0);
  });

  it('leaves out a diverged seed, so one finished seed is one sample', () => {
    const g = groupSide(sweep, 'l2=0.01')!;
    expect(g.bestVals).toEqual([0.4]);
    expect(g.label).toBe('sweep1 · l2=0.01 (1 seed)');
    expect(g.settings!.l2).toBe(0.01);
  });

  it('offers finished runs and every group of every saved sweep, and finds each again', () => {
    const runs = [run('run2', 0.01, [1]), { ...run('run3', 0, [1]), state: 'running' as const }];
    const options = sideOptions(runs, [sweep]);
    expect(options.map((o) => o.key)).toEqual([
      'run:run2',
      'group:sweep1:l2=0',
      'group:sweep1:l2=0.01',
    ]);
    expect(sideOf('group:sweep1:l2=0.01', runs, [sweep])!.kind).toBe('group');
    expect(sideOf('run:run2', runs, [sweep])!.label).toBe('run2');
    expect(sideOf('run:gone', runs, [sweep])).toBeNull();
  });
});

describe('a run retrained with several seeds', () => {
  const group = {
    runId: 'run2',
    seeds: [42, 43, 44],
    trainLoss: [
      [1, 0.5, 0.3],
      [1, 0.6, 0.4],
      [1, 0.4, 0.2],
    ],
    valLoss: [
      [1.1, 0.6, 0.7],
      [1.2, 0.8, 0.7],
      [1.0, 0.5, null],
    ],
  };

  it('is one side with the run’s settings and network, each seed’s best loss a sample', () => {
    const base = run('run2', 0.01, [1, 0.5]);
    const side = seedsSide(group, base);
    expect(side.label).toBe('run2 × 3 seeds');
    expect(side.kind).toBe('group');
    expect(side.settings!.l2).toBe(0.01);
    expect(side.graph).toBe(base.graph);
    expect(side.bestVals).toEqual([0.6, 0.7, 0.5]);
    expect(side.finals.bestVal).toBeCloseTo(0.6);
    expect(side.curve[2]).toMatchObject({ epoch: 3, valLoss: 0.7 });
    expect(side.curve[1]!.trainLoss).toBeCloseTo(0.5);
  });

  it('is offered and found beside the runs', () => {
    const runs = [run('run2', 0.01, [1])];
    expect(sideOptions(runs, [], [group]).map((o) => o.key)).toEqual(['run:run2', 'seeds:run2']);
    expect(sideOf('seeds:run2', runs, [], [group])!.seeds).toEqual([42, 43, 44]);
  });
});

/** A run trained with L2 λ whose epochs recorded their penalty (its losses include it). */
function penalisedRun(id: string, dataVals: number[], penalty: number): RunView {
  const r = run(id, 0.01, dataVals);
  return {
    ...r,
    epochs: r.epochs.map((e) => ({
      ...e,
      train: { ...e.train, loss: e.train.loss! + penalty },
      val: { ...e.val!, loss: e.val!.loss! + penalty },
      penalty,
    })),
  };
}

describe('the loss Compare puts side by side', () => {
  it('takes the recorded penalty out of a regularised run’s curves and best loss', () => {
    const side = runSide(penalisedRun('run1', [1, 0.6, 0.5, 0.7], 0.25));
    expect(side.lossBasis).toBe('data');
    expect(side.finals.bestEpoch).toBe(3);
    expect(side.finals.bestVal).toBeCloseTo(0.5, 12);
    expect(side.bestVals[0]).toBeCloseTo(0.5, 12);
    expect(side.curve[0]!.valLoss).toBeCloseTo(1, 12);
    expect(side.curve[0]!.trainLoss).toBeCloseTo(0.9, 12);
    expect(side.finals.gap).toBeCloseTo(0.1, 12);
  });

  it('gives a run and a sweep group of the same losses the same best loss, labelled', () => {
    const r = runSide(penalisedRun('run1', [1.2, 0.5], 0.3));
    const g = groupSide(sweep, 'l2=0')!;
    expect(g.lossBasis).toBe('data');
    const best = finalRows(r, g).find((x) => x.label.startsWith('Best validation loss'))!;
    expect(best.label).toBe('Best validation loss (without L1/L2 penalty)');
    expect(best.a).toBe('0.5000');
    expect(basisText(r, g)).toMatchObject({ comparable: true });
    expect(basisText(r, g).text).toMatch(/data loss, without the L1\/L2 penalty/);
  });

  it('keeps an unregularised run recorded without penalties on the data loss', () => {
    expect(runSide(run('run1', 0, [1, 0.5])).lossBasis).toBe('data');
  });

  it('will not test an older regularised run, recorded with its penalty inside, against a group', () => {
    const old = runSide(run('run1', 0.01, [1, 0.5]));
    expect(old.lossBasis).toBe('penalised');
    const b = basisText(old, groupSide(sweep, 'l2=0')!);
    expect(b.comparable).toBe(false);
    expect(b.text).toMatch(/^run1 was recorded with its L1\/L2 penalty/);
    const best = finalRows(old, groupSide(sweep, 'l2=0')!)[1]!;
    expect(best.label).toBe('Best validation loss (A with, B without penalty)');
  });

  it('takes each seed’s penalty out of a run retrained with several seeds', () => {
    const base = run('run2', 0.01, [1, 0.5]);
    const side = seedsSide(
      {
        runId: 'run2',
        seeds: [42, 43],
        trainLoss: [
          [1.1, 0.6],
          [1.2, 0.7],
        ],
        valLoss: [
          [1.3, 0.8],
          [1.4, 0.9],
        ],
        penalty: [
          [0.1, 0.2],
          [0.1, 0.3],
        ],
      },
      base,
    );
    expect(side.lossBasis).toBe('data');
    expect(side.bestVals[0]).toBeCloseTo(0.6, 12);
    expect(side.bestVals[1]).toBeCloseTo(0.6, 12);
    expect(side.curve[0]!.valLoss).toBeCloseTo(1.25, 12);
  });
});

describe('a saved sweep’s group network', () => {
  const withNet: SavedSweep = {
    ...sweep,
    params: [{ key: 'dense_1.units', values: [8, 16], log: false }],
    variants: sweep.variants.map((v, i) => ({
      ...v,
      group: i < 2 ? 'dense_1.units=8' : 'dense_1.units=16',
      values: { 'dense_1.units': i < 2 ? 8 : 16 },
    })),
    graph: chained(net(8, false)),
    dataset: { name: 'iris.csv', hash: 'abcdef0123456789' },
  };

  it('is the saved base network with the group’s layer values set, its data recorded', () => {
    const g = groupSide(withNet, 'dense_1.units=16')!;
    const dense = g.graph!.nodes.find((n) => n.id === 'dense_1')!;
    expect(dense.kind === 'dense' && dense.params.units).toBe(16);
    // The saved sweep itself is left as it was.
    const saved = withNet.graph!.nodes.find((n) => n.id === 'dense_1')!;
    expect(saved.kind === 'dense' && saved.params.units).toBe(8);
    expect([g.dataset, g.datasetHash]).toEqual(['iris.csv', 'abcdef0123456789']);
  });

  it('differs from a run only in the layer the sweep changed', () => {
    const r = runSide(run('run1', 0, [1, 0.5]));
    const g = groupSide(withNet, 'dense_1.units=16')!;
    expect(
      layerRows(r.graph, g.graph)
        .filter((x) => x.differs)
        .map((x) => x.id),
    ).toEqual(['dense_1']);
    expect(
      layerRows(r.graph, groupSide(withNet, 'dense_1.units=8')!.graph).some((x) => x.differs),
    ).toBe(false);
  });

  it('is not recorded for a sweep saved before networks were kept', () => {
    expect(groupSide(sweep, 'l2=0')!.graph).toBeNull();
  });
});
