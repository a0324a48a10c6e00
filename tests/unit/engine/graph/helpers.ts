import {
  defaultParams,
  type Graph,
  type GraphNode,
  type LayerKind,
  type ParamsOf,
} from '../../../../engine/graph/document';

export function node<K extends LayerKind>(
  id: string,
  kind: K,
  params: Partial<ParamsOf<K>> = {},
): GraphNode {
  return {
    id,
    kind,
    position: { x: 0, y: 0 },
    params: { ...defaultParams(kind), ...params },
  } as GraphNode;
}

/** A graph whose nodes are connected in the given order. */
export function chain(...nodes: GraphNode[]): Graph {
  return {
    nodes,
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id })),
  };
}

export const classifier = (): Graph =>
  chain(
    node('in', 'input'),
    node('d1', 'dense', { units: 16 }),
    node('a1', 'activation', { fn: 'relu' }),
    node('d2', 'dense', { units: 3 }),
    node('sm', 'softmax'),
    node('out', 'output'),
  );
