import { describe, expect, it } from 'vitest';
import { ROW, insertionLayout } from '../../../../renderer/canvas/placement';
import { defaultParams, type Graph, type LayerKind } from '../../../../engine/graph/document';

const node = (id: string, kind: LayerKind, y: number) =>
  ({ id, kind, position: { x: 100, y }, params: defaultParams(kind) }) as Graph['nodes'][number];

// Input → Dense → ReLU → Output, one row apart, as autoLayout leaves them.
const chain: Graph = {
  nodes: [
    node('in', 'input', 0),
    node('d', 'dense', ROW),
    node('a', 'activation', 2 * ROW),
    node('out', 'output', 3 * ROW),
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'd' },
    { id: 'e2', source: 'd', target: 'a' },
    { id: 'e3', source: 'a', target: 'out' },
  ],
};

describe('room for an inserted node', () => {
  it('puts the new node in the row under the one it follows', () => {
    expect(insertionLayout(chain, 'd', 'a').position).toEqual({ x: 100, y: 2 * ROW });
  });

  it('moves the next node and everything after it down one row', () => {
    const { moves } = insertionLayout(chain, 'd', 'a');
    expect(moves).toEqual([
      { id: 'a', x: 100, y: 3 * ROW },
      { id: 'out', x: 100, y: 4 * ROW },
    ]);
  });

  it('moves nothing when there is room already', () => {
    const spaced: Graph = {
      ...chain,
      nodes: chain.nodes.map((n) =>
        n.id === 'a' || n.id === 'out'
          ? { ...n, position: { ...n.position, y: n.position.y + 5 * ROW } }
          : n,
      ),
    };
    expect(insertionLayout(spaced, 'd', 'a').moves).toEqual([]);
  });

  it('moves nothing at the end of the chain', () => {
    expect(insertionLayout(chain, 'out', undefined)).toEqual({
      position: { x: 100, y: 4 * ROW },
      moves: [],
    });
  });
});
