/** Sweep specifications: parsing, expansion to variants × seeds, and applying a variant. */
import { describe, expect, it } from 'vitest';
import {
  applyVariant,
  expandSweep,
  parseSweepParam,
  rowsOfFraction,
} from '../../../../engine/experiments';
import type { Graph } from '../../../../engine/graph/document';

const graph: Graph = {
  nodes: [
    { id: 'input_1', kind: 'input', position: { x: 0, y: 0 }, params: {} },
    {
      id: 'dense_1',
      kind: 'dense',
      position: { x: 0, y: 1 },
      params: { units: 16, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
    },
    { id: 'dropout_1', kind: 'dropout', position: { x: 0, y: 2 }, params: { rate: 0.2 } },
  ] as Graph['nodes'],
  edges: [],
};
const settings = {
  l1: 0,
  l2: 0,
  lr: 0.01,
  batchSize: 16,
  optimizer: 'adam',
  epochs: 50,
  seed: 42,
  augment: null,
  earlyStopping: null,
};

describe('sweep parameters', () => {
  it('reads listed values and log ranges', () => {
    expect(parseSweepParam('l2=0,1e-4,1e-3,1e-2')).toEqual({
      key: 'l2',
      values: [0, 1e-4, 1e-3, 1e-2],
      log: true,
    });
    expect(parseSweepParam('lr=log:1e-4:1e-1:4').values).toEqual([1e-4, 1e-3, 1e-2, 1e-1]);
    expect(parseSweepParam('dense_1.units=log:8:512:4').values).toEqual([8, 32, 128, 512]);
    expect(parseSweepParam('optimizer=sgd,adam').values).toEqual(['sgd', 'adam']);
    expect(parseSweepParam('dropout_1.rate=0,0.2,0.5').log).toBe(false);
  });

  it('refuses bad keys and values, naming them', () => {
    expect(() => parseSweepParam('l3=1')).toThrow(/unknown sweep parameter "l3"/);
    expect(() => parseSweepParam('l2=0,-1')).toThrow(/l2 must be a number from 0 to 10, got "-1"/);
    expect(() => parseSweepParam('dropout_1.rate=1')).toThrow(/dropout_1.rate must be a rate/);
    expect(() => parseSweepParam('activation_1.fn=gelu')).toThrow(/one of none, sigmoid/);
    expect(() => parseSweepParam('lr=log:1:0.1:3')).toThrow(/log:FROM:TO:COUNT/);
    expect(() => parseSweepParam('l2=1,1')).toThrow(/listed twice/);
  });

  it('expands to every combination, each over the seeds from the base seed', () => {
    const v = expandSweep(
      { params: [parseSweepParam('l2=0,0.01'), parseSweepParam('dropout_1.rate=0,0.5')], seeds: 2 },
      42,
    );
    expect(v).toHaveLength(8);
    expect(v.map((x) => x.seed)).toEqual([42, 43, 42, 43, 42, 43, 42, 43]);
    expect(v[2]!.group).toBe('l2=0 dropout_1.rate=0.5');
    expect(new Set(v.map((x) => x.id)).size).toBe(8);
    expect(() => expandSweep({ params: [], seeds: 1 }, 1)).toThrow(/one or two parameters/);
  });
});

describe('applying a variant', () => {
  it('gives the graph and settings of the single run with those values', () => {
    const a = applyVariant(graph, settings, { l2: 0.001, 'dropout_1.rate': 0.5, batch: 8 }, 7);
    expect(a.settings).toEqual({ ...settings, l2: 0.001, batchSize: 8, seed: 7 });
    expect(a.graph.nodes[2]!.params).toEqual({ rate: 0.5 });
    expect(graph.nodes[2]!.params).toEqual({ rate: 0.2 });
    expect(a.fraction).toBe(1);
    expect(applyVariant(graph, settings, { noise: 0.1 }, 1).settings.augment).toEqual({
      noise: 0.1,
      mixup: null,
      image: null,
    });
    expect(applyVariant(graph, settings, { fraction: 0.25 }, 1).fraction).toBe(0.25);
    expect(rowsOfFraction(100, 0.25)).toBe(25);
    expect(rowsOfFraction(3, 0.01)).toBe(1);
  });

  it('refuses a layer parameter of a missing node or a node of another kind', () => {
    expect(() => applyVariant(graph, settings, { 'dense_9.units': 8 }, 1)).toThrow(
      /no node "dense_9"; the network's dense nodes are dense_1/,
    );
    expect(() => applyVariant(graph, settings, { 'dense_1.rate': 0.1 }, 1)).toThrow(
      /"dense_1" is a dense node, not dropout/,
    );
  });
});
