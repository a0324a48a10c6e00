import { describe, expect, it } from 'vitest';
import { edgeWeights, tooLarge, weightColour } from '../../../../renderer/canvas/weightEdges';
import type { WeightMatrix } from '../../../../electron/contract/boundary';
import type { Graph } from '../../../../engine/graph/document';
import { denseParams, graphNode } from '../../../support/graph';

const node = graphNode;
const dense = denseParams;
const graph = {
  nodes: [
    node('in', 'input', {}),
    node('d1', 'dense', dense(3)),
    node('a1', 'activation', { fn: 'tanh', alpha: 0.01 }),
    node('d2', 'dense', dense(1)),
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'd1' },
    { id: 'e2', source: 'd1', target: 'a1' },
    { id: 'e3', source: 'a1', target: 'd2' },
  ],
} as Graph;
const matrix = (nodeId: string, inputs: number, units: number, maxAbs: number): WeightMatrix => ({
  nodeId,
  inputs,
  units,
  w: Array.from({ length: inputs * units }, (_, k) => (k % 2 ? -0.5 : 0.5)),
  b: null,
  maxAbs,
});

describe('edges by weight', () => {
  const widths = { e1: 2, e2: 3, e3: 3 };

  it('puts each kernel on the edge into its Dense node, with one scale for the network', () => {
    const m = edgeWeights(graph, widths, [matrix('d1', 2, 3, 0.5), matrix('d2', 3, 1, 2)]);
    expect([...m.keys()]).toEqual(['e1', 'e3']);
    expect(m.get('e1')!.scale).toBe(2);
    expect(m.get('e3')!.matrix.nodeId).toBe('d2');
  });

  it('draws nothing for a layer whose shape changed since training', () => {
    const m = edgeWeights(graph, widths, [matrix('d1', 2, 4, 1), matrix('d2', 5, 1, 1)]);
    expect(m.size).toBe(0);
  });

  it('names the layers too large to draw', () => {
    const big = { ...matrix('d1', 2, 3, 1), w: null };
    expect(tooLarge([big, matrix('d2', 3, 1, 1)]).map((l) => l.nodeId)).toEqual(['d1']);
  });

  it('colours positive weights blue, negative orange, zero white, stronger for larger |w|', () => {
    const rgb = (s: string) => s.match(/\d+/g)!.map(Number) as [number, number, number];
    const [pr, , pb] = rgb(weightColour(1, 1));
    const [nr, , nb] = rgb(weightColour(-1, 1));
    expect(pb).toBeGreaterThan(pr);
    expect(nr).toBeGreaterThan(nb);
    expect(weightColour(0, 1)).toBe('rgb(255, 255, 255)');
    expect(rgb(weightColour(0.8, 1))[0]!).toBeLessThan(rgb(weightColour(0.2, 1))[0]!);
  });
});
