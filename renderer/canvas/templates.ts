/**
 * Starting networks. Each is a complete graph for a typical dataset; widths that depend on the
 * data (features, classes) come from the Input and the loaded dataset, so only hidden sizes and
 * the output layer are fixed here.
 */
import {
  defaultParams,
  type Graph,
  type GraphNode,
  type LayerKind,
  type ParamsOf,
} from '../../engine/graph/document';
import { autoLayout } from './layout';

export interface Template {
  id: string;
  name: string;
  description: string;
  build(classes: number | null): Graph;
}

type Step = { kind: LayerKind; params?: Partial<ParamsOf<LayerKind>> };

function chain(steps: Step[]): Graph {
  const counts = new Map<LayerKind, number>();
  const nodes = steps.map((s, i) => {
    const n = (counts.get(s.kind) ?? 0) + 1;
    counts.set(s.kind, n);
    return {
      id: `${s.kind}_${n}`,
      kind: s.kind,
      position: { x: 0, y: i * 110 },
      params: { ...defaultParams(s.kind), ...(s.params ?? {}) },
    } as GraphNode;
  });
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `edge_${i + 1}`, source: nodes[i]!.id, target: n.id }));
  return { nodes, edges };
}

const dense = (units: number, extra: Record<string, unknown> = {}): Step => ({
  kind: 'dense',
  params: { units, ...extra },
});
const act = (fn: 'relu' | 'sigmoid' | 'tanh' | 'none'): Step => ({
  kind: 'activation',
  params: { fn },
});
const head = (classes: number | null): Step[] =>
  classes !== null && classes > 2
    ? [dense(classes), { kind: 'softmax' }, { kind: 'output', params: { loss: 'cce' } }]
    : [dense(1), act('sigmoid'), { kind: 'output', params: { loss: 'bce' } }];

export const TEMPLATES: Template[] = [
  {
    id: 'logistic',
    name: 'Logistic regression',
    description: 'No hidden layer: one Dense layer straight to the classes.',
    build: (classes) => chain([{ kind: 'input' }, ...head(classes)]),
  },
  {
    id: 'mlp',
    name: 'MLP classifier',
    description: 'Two hidden ReLU layers with a little dropout.',
    build: (classes) =>
      chain([
        { kind: 'input' },
        dense(32),
        act('relu'),
        { kind: 'dropout', params: { rate: 0.2 } },
        dense(16),
        act('relu'),
        ...head(classes),
      ]),
  },
  {
    id: 'regression',
    name: 'Regression MLP',
    description: 'Two hidden ReLU layers and one linear output with mean squared error.',
    build: () =>
      chain([
        { kind: 'input' },
        dense(32),
        act('relu'),
        dense(16),
        act('relu'),
        dense(1),
        { kind: 'output', params: { loss: 'mse' } },
      ]),
  },
  {
    id: 'overfit',
    name: 'Overfits on purpose',
    description: 'Far too wide, no dropout, no regularization: watch the validation loss rise.',
    build: (classes) =>
      chain([
        { kind: 'input' },
        dense(512),
        act('relu'),
        dense(512),
        act('relu'),
        ...head(classes),
      ]),
  },
];

/** A template's network for `classes`, laid out top to bottom: what the canvas shows first. */
export function laidOutTemplate(template: Template, classes: number | null): Graph {
  const graph = template.build(classes);
  const at = new Map(autoLayout(graph).map((m) => [m.id, m]));
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({
      ...n,
      position: { x: at.get(n.id)!.x, y: at.get(n.id)!.y },
    })),
  };
}
