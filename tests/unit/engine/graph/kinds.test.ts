import { describe, expect, it } from 'vitest';
import {
  graphNodeSchema,
  LAYER_KINDS,
  LAYER_LABELS,
  defaultParams,
  portsOf,
  type LayerKind,
} from '../../../../engine/graph/document';
import { KINDS, isLayerKind, kindOf } from '../../../../engine/graph/kinds';
import { inferShapes, parameterCount } from '../../../../engine/graph/shapes';
import { formatLayerSpec, parseLayerSpec } from '../../../../engine/graph/spec-string';
import { compileGraph } from '../../../../engine/graph/compile';
import { chain, classifier, node } from './helpers';

describe('the layer-kind registry', () => {
  it.each(LAYER_KINDS.map((k) => [k]))(
    'the defaults of %s pass its schema and the saved node schema',
    (kind) => {
      const def = kindOf(kind);
      expect(def.kind).toBe(kind);
      expect(def.params.safeParse(def.defaults()).success).toBe(true);
      const saved = { id: 'n', kind, position: { x: 0, y: 0 }, params: defaultParams(kind) };
      expect(graphNodeSchema.safeParse(saved).success).toBe(true);
    },
  );

  it('hands out fresh defaults, so editing one node cannot change the next', () => {
    const a = defaultParams('dense');
    a.units = 99;
    expect(defaultParams('dense').units).toBe(16);
  });

  it('keeps the saved node format: a graph of every kind serialises as before', () => {
    const g = chain(...LAYER_KINDS.map((k) => node(k, k)));
    expect(JSON.stringify(g.nodes.map((n) => [n.kind, n.params]))).toBe(
      '[["input",{}],["dense",{"units":16,"useBias":true,"initializer":"glorot_uniform","l1":null,"l2":null}],' +
        '["activation",{"fn":"relu","alpha":0.01}],["dropout",{"rate":0.5}],["softmax",{}],["output",{"loss":"auto"}]]',
    );
  });

  it('counts units in the Dense summary: "1 unit", "16 units"', () => {
    const dense = defaultParams('dense');
    expect(kindOf('dense').summary({ ...dense, units: 1 })).toBe('1 unit');
    expect(kindOf('dense').summary({ ...dense, units: 16, useBias: false })).toBe(
      '16 units, no bias',
    );
  });

  it('gives every kind a label, ports, words and a summary', () => {
    expect(LAYER_LABELS).toEqual({
      input: 'Input',
      dense: 'Dense',
      activation: 'Activation',
      dropout: 'Dropout',
      softmax: 'Softmax',
      output: 'Output',
    });
    expect(portsOf('input')).toEqual({ in: false, out: true });
    expect(portsOf('output')).toEqual({ in: true, out: false });
    for (const k of LAYER_KINDS) {
      const def = KINDS[k] as { doc: { what: string; when: string } };
      expect(def.doc.what.length).toBeGreaterThan(10);
      expect(def.doc.when.length).toBeGreaterThan(10);
      expect(kindOf(k).summary(defaultParams(k))).not.toBe('');
    }
    expect(isLayerKind('dense')).toBe(true);
    expect(isLayerKind('toString')).toBe(false);
  });

  it('counts parameters as before: in·units weights plus units biases for Dense, none elsewhere', () => {
    expect(parameterCount(node('d', 'dense', { units: 16 }), 4)).toBe(80);
    expect(parameterCount(node('d', 'dense', { units: 16, useBias: false }), 4)).toBe(64);
    expect(parameterCount(node('d', 'dense'), null)).toBeNull();
    for (const k of LAYER_KINDS.filter((x) => x !== 'dense') as LayerKind[])
      expect(parameterCount(node('n', k), 4)).toBe(0);
  });

  it('infers shapes as before: Input takes the features, Dense its units, the rest pass through', () => {
    const s = inferShapes(classifier(), 4);
    expect(
      Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, [n.in, n.out, n.params]])),
    ).toEqual({
      in: [null, 4, 0],
      d1: [4, 16, 80],
      a1: [16, 16, 0],
      d2: [16, 3, 51],
      sm: [3, 3, 0],
      out: [3, 3, 0],
    });
    expect(s.totalParams).toBe(131);
    expect(inferShapes(classifier()).nodes.d1!.in).toBeNull();
  });

  it('lowers each kind to the same ModelSpec layers as before', () => {
    const g = chain(
      node('in', 'input'),
      node('d1', 'dense', { units: 8, useBias: false, initializer: 'he_normal', l2: 0.5 }),
      node('a1', 'activation', { fn: 'leaky_relu', alpha: 0.2 }),
      node('dr', 'dropout', { rate: 0.25 }),
      node('a2', 'activation', { fn: 'tanh' }),
      node('d0', 'dropout', { rate: 0 }),
      node('d2', 'dense', { units: 1 }),
      node('none', 'activation', { fn: 'none' }),
      node('out', 'output', { loss: 'mse' }),
    );
    const r = compileGraph(g, { features: 3, targets: 1 });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.spec.layers).toEqual([
      {
        type: 'dense',
        units: 8,
        useBias: false,
        initializer: 'he_normal',
        activation: 'leaky_relu',
        alpha: 0.2,
        l1: null,
        l2: 0.5,
        nodeIds: ['d1', 'a1'],
      },
      { type: 'dropout', rate: 0.25, nodeIds: ['dr'] },
      { type: 'activation', fn: 'tanh', alpha: 0.01, nodeIds: ['a2'] },
      {
        type: 'dense',
        units: 1,
        useBias: true,
        initializer: 'glorot_uniform',
        activation: 'linear',
        alpha: 0.01,
        l1: null,
        l2: null,
        nodeIds: ['d2'],
      },
    ]);
  });
});

describe('the command line layer chain', () => {
  it.each([
    'dense:16,relu,dense:3,softmax',
    'dense:8,tanh,dropout:0.2,dense:1,sigmoid',
    'dense:4,leaky_relu,dense:4,leaky_relu:0.3,none,dense:1',
  ])('parses and formats "%s" back to the same text', (spec) => {
    const r = parseLayerSpec(spec);
    if (!r.ok) throw new Error(r.message);
    expect(formatLayerSpec(r.graph)).toBe(spec);
  });

  it('builds the nodes each token names, with the loss on Output', () => {
    const r = parseLayerSpec('dense:16,leaky_relu:0.3,dropout:0.2', 'mse');
    if (!r.ok) throw new Error(r.message);
    expect(r.graph.nodes.map((n) => [n.id, n.kind, n.params])).toEqual([
      ['input', 'input', {}],
      [
        '1:dense:16',
        'dense',
        { units: 16, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
      ],
      ['2:leaky_relu:0.3', 'activation', { fn: 'leaky_relu', alpha: 0.3 }],
      ['3:dropout:0.2', 'dropout', { rate: 0.2 }],
      ['output', 'output', { loss: 'mse' }],
    ]);
  });

  it.each([
    ['dense', 'item 1 "dense": give the number of units, e.g. dense:16'],
    ['dense:4,relu:2', 'item 2 "relu:2": relu takes no parameter'],
    ['dropout:x', 'give the rate, e.g. dropout:0.2'],
    ['softmax:3', 'softmax takes no parameter'],
    ['dense:4:5', 'too many ":" parts'],
    ['dense:4,,relu', 'has an empty item'],
    [
      'conv:3',
      'unknown node: use dense:UNITS, none, sigmoid, tanh, relu, leaky_relu, dropout:P or softmax',
    ],
  ])('refuses "%s" saying what is wrong', (spec, message) => {
    const r = parseLayerSpec(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('formats nothing for a graph that is not a single chain', () => {
    const g = classifier();
    g.edges.push({ id: 'x', source: 'd1', target: 'out' });
    expect(formatLayerSpec(g)).toBeNull();
  });
});
