import { describe, expect, it } from 'vitest';
import { graphDiff, sameNetwork } from '../../../../engine/graph/graph-diff';
import { runGraphOf, runGraphSchema } from '../../../../engine/graph/run-graph';
import { chain, node } from './helpers';

const base = () =>
  chain(
    node('input_1', 'input'),
    node('dense_1', 'dense', { units: 32 }),
    node('activation_1', 'activation', { fn: 'relu' }),
    node('dense_2', 'dense', { units: 3 }),
    node('softmax_1', 'softmax'),
    node('output_1', 'output'),
  );

describe('the architecture diff', () => {
  it('says nothing for the same network, whatever the positions and edge ids', () => {
    const moved = base();
    moved.nodes[1] = { ...moved.nodes[1]!, position: { x: 500, y: 90 } };
    moved.edges = moved.edges.map((e, i) => ({ ...e, id: `other-${i}` }));
    expect(graphDiff(base(), moved)).toEqual([]);
    expect(sameNetwork(base(), runGraphOf(moved))).toBe(true);
  });

  it('names a changed unit count', () => {
    const b = base();
    b.nodes[1] = node('dense_1', 'dense', { units: 4 });
    expect(graphDiff(base(), b)).toEqual(['dense_1 units 32 → 4']);
  });

  it('names an added layer and where it went', () => {
    const b = chain(
      ...base().nodes.slice(0, 2),
      node('dropout_1', 'dropout', { rate: 0.5 }),
      ...base().nodes.slice(2),
    );
    expect(graphDiff(base(), b)).toEqual(['added dropout_1 (rate 0.5) after dense_1']);
  });

  it('names a removed layer', () => {
    const a = chain(
      ...base().nodes.slice(0, 3),
      node('activation_2', 'activation'),
      ...base().nodes.slice(3),
    );
    expect(graphDiff(a, base())).toEqual(['removed activation_2']);
  });

  it('names a changed activation function', () => {
    const b = base();
    b.nodes[2] = node('activation_1', 'activation', { fn: 'tanh' });
    expect(graphDiff(base(), b)).toEqual(['activation_1 relu → tanh']);
  });

  it("names bias, initializer and λ overrides (null reads as the project's λ)", () => {
    const b = base();
    b.nodes[1] = node('dense_1', 'dense', {
      units: 32,
      useBias: false,
      initializer: 'he_normal',
      l1: 0.01,
    });
    b.nodes[3] = node('dense_2', 'dense', { units: 3, l2: 0.001 });
    expect(graphDiff(base(), b)).toEqual([
      'dense_1 bias on → off',
      'dense_1 initializer glorot_uniform → he_normal',
      "dense_1 L1 λ project's → 0.01",
      "dense_2 L2 λ project's → 0.001",
    ]);
  });

  it('names a changed loss', () => {
    const b = base();
    b.nodes[5] = node('output_1', 'output', { loss: 'cce' });
    expect(graphDiff(base(), b)).toEqual(['loss auto → cce']);
  });

  it('reads a swap of two layers as one move', () => {
    const [i, d1, a1, d2, sm, out] = base().nodes;
    expect(graphDiff(base(), chain(i!, a1!, d1!, d2!, sm!, out!))).toEqual([
      'moved dense_1 after activation_1',
    ]);
  });

  it('lists several changes in chain order', () => {
    const b = chain(
      node('input_1', 'input'),
      node('dense_1', 'dense', { units: 4 }),
      node('activation_1', 'activation', { fn: 'tanh' }),
      node('dropout_1', 'dropout', { rate: 0.2 }),
      node('dense_2', 'dense', { units: 3 }),
      node('softmax_1', 'softmax'),
      node('output_1', 'output'),
    );
    expect(graphDiff(base(), b)).toEqual([
      'dense_1 units 32 → 4',
      'activation_1 relu → tanh',
      'added dropout_1 (rate 0.2) after activation_1',
    ]);
  });

  it('compares networks as long as a project allows, including a reordered one', () => {
    const long = (order: number[]) =>
      chain(
        node('input_1', 'input'),
        ...order.map((i) => node(`dense_${i}`, 'dense', { units: 2 })),
        node('output_1', 'output'),
      );
    const ids = Array.from({ length: 9_990 }, (_, i) => i + 1);
    expect(graphDiff(long(ids), long(ids))).toEqual([]);
    const swapped = [...ids];
    [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
    expect(graphDiff(long(ids), long(swapped))).toEqual([
      'moved dense_12 after dense_10',
      'moved dense_11 after dense_12',
    ]);
  });
});

describe("a run's stored network", () => {
  it('drops positions, keeps ids, kinds, parameters and edges, and passes its schema', () => {
    const stored = runGraphOf(base());
    expect(stored.nodes[1]).toEqual({
      id: 'dense_1',
      kind: 'dense',
      params: { units: 32, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
    });
    expect(stored.edges).toEqual(base().edges);
    expect(runGraphSchema.safeParse(stored).success).toBe(true);
    expect(runGraphSchema.safeParse(base()).success).toBe(false);
  });

  it('is a copy: editing the canvas graph afterwards does not change it', () => {
    const g = base();
    const stored = runGraphOf(g);
    (g.nodes[1]!.params as { units: number }).units = 4;
    expect(stored.nodes[1]!.params).toMatchObject({ units: 32 });
  });
});
