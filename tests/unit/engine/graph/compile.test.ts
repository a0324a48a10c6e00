import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../engine/graph/compile';
import { parseLayerSpec } from '../../../../engine/graph/spec-string';
import { chain, classifier, node } from './helpers';

describe('compileGraph', () => {
  it('fuses Dense + Activation and folds the final Softmax into the cce loss', () => {
    const r = compileGraph(classifier(), { features: 4, classes: 3, l2: 0.1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.loss).toBe('cce');
    expect(r.spec.inputs).toBe(4);
    expect(r.spec.l2).toBe(0.1);
    expect(r.spec.layers.map((l) => [l.type, l.type === 'dense' ? l.activation : null])).toEqual([
      ['dense', 'relu'],
      ['dense', 'linear'],
    ]);
    expect(r.spec.layers[0]!.nodeIds).toEqual(['d1', 'a1']);
  });

  it('folds the final sigmoid into the bce loss', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('s', 'activation', { fn: 'sigmoid' }),
      node('out', 'output'),
    );
    const r = compileGraph(g, { features: 2 });
    expect(r.ok && r.spec.loss).toBe('bce');
    expect(r.ok && r.spec.layers).toMatchObject([{ type: 'dense', activation: 'linear' }]);
  });

  it('keeps an activation after dropout as its own layer and drops identity activations', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 4 }),
      node('dr', 'dropout', { rate: 0.3 }),
      node('t', 'activation', { fn: 'tanh' }),
      node('n', 'activation', { fn: 'none' }),
      node('d2', 'dense', { units: 2 }),
      node('out', 'output', { loss: 'mse' }),
    );
    const r = compileGraph(g, { features: 3 });
    expect(r.ok && r.spec.layers.map((l) => l.type)).toEqual([
      'dense',
      'dropout',
      'activation',
      'dense',
    ]);
  });

  it('returns the problems instead of a model when the graph is invalid', () => {
    const g = classifier();
    g.edges.pop();
    const r = compileGraph(g, { features: 4 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.nodeId)).toContain('sm');
  });
});

describe('parseLayerSpec', () => {
  it('builds an Input → … → Output chain from the CLI spec', () => {
    const r = parseLayerSpec('dense:16,relu,dropout:0.2,dense:3,softmax');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.graph.nodes.map((n) => n.id)).toEqual([
      'input',
      '1:dense:16',
      '2:relu',
      '3:dropout:0.2',
      '4:dense:3',
      '5:softmax',
      'output',
    ]);
    expect(compileGraph(r.graph, { features: 4, classes: 3 }).ok).toBe(true);
  });

  it('rejects an unknown item, naming its position', () => {
    const r = parseLayerSpec('dense:16,relu,conv:3');
    expect(r).toEqual({
      ok: false,
      message: expect.stringContaining('item 3 "conv:3": unknown node'),
    });
  });

  it('rejects dense without a unit count', () => {
    expect(parseLayerSpec('dense')).toMatchObject({
      ok: false,
      message: expect.stringContaining('dense:16'),
    });
  });

  it('rejects an empty item', () => {
    expect(parseLayerSpec('dense:4,,relu').ok).toBe(false);
  });
});
