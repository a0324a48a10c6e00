import { describe, expect, it } from 'vitest';
import { connectionProblem, reaches } from '../../../../engine/graph/wiring';
import {
  defaultParams,
  type Graph,
  type GraphNode,
  type LayerKind,
} from '../../../../engine/graph/document';

const node = (id: string, kind: LayerKind): GraphNode =>
  ({ id, kind, position: { x: 0, y: 0 }, params: defaultParams(kind) }) as GraphNode;
const graph: Graph = {
  nodes: [
    node('in', 'input'),
    node('d1', 'dense'),
    node('a1', 'activation'),
    node('d2', 'dense'),
    node('out', 'output'),
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'd1' },
    { id: 'e2', source: 'd1', target: 'a1' },
  ],
};

describe('drawing a connection', () => {
  it('allows a connection that extends the chain', () => {
    expect(connectionProblem(graph, 'a1', 'd2')).toBeNull();
  });

  it('refuses anything into Input', () => {
    expect(connectionProblem(graph, 'd2', 'in')).toBe(
      'Nothing can go into Input: it starts the network.',
    );
  });

  it('refuses anything out of Output', () => {
    expect(connectionProblem(graph, 'out', 'd2')).toBe(
      'Nothing can come out of Output: it ends the network.',
    );
  });

  it('refuses a second input into a single-input layer, naming it', () => {
    expect(connectionProblem(graph, 'd2', 'a1')).toBe(
      'Activation (a1) already has an input; a layer takes one input.',
    );
  });

  it('refuses a loop', () => {
    const g: Graph = { ...graph, edges: [{ id: 'e2', source: 'd1', target: 'a1' }] };
    expect(connectionProblem(g, 'a1', 'd1')).toBe(
      'That connection would make a loop; the network must flow one way.',
    );
    expect(reaches(g, 'd1', 'a1')).toBe(true);
    expect(reaches(g, 'a1', 'd1')).toBe(false);
  });

  it('refuses a node feeding itself, a duplicate edge and unknown nodes', () => {
    expect(connectionProblem(graph, 'd2', 'd2')).toMatch(/cannot feed itself/);
    expect(connectionProblem(graph, 'in', 'd1')).toMatch(/already connected/);
    expect(connectionProblem(graph, 'ghost', 'd1')).toMatch(/Both ends/);
  });
});
