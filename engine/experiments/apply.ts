/**
 * A variant's values applied to the network and the training settings, giving exactly the
 * graph and settings of a single run with those values (the sweep trains that run, unchanged).
 */
import type { Graph, GraphNode } from '../graph/document';
import { fieldOf, SweepSpecError, type SweepValue } from './spec';

/** The training settings a sweep can vary (a structural subset of the app's settings). */
export interface SweepableSettings {
  l1: number;
  l2: number;
  lr: number;
  batchSize: number;
  optimizer: string;
  epochs: number;
  seed: number;
  augment: { noise: number | null; mixup: number | null; image: unknown } | null;
}

export interface AppliedVariant<S extends SweepableSettings> {
  graph: Graph;
  settings: S;
  /** The share of the training rows this variant trains on (1: all). */
  fraction: number;
}

const NODE_FIELD: Record<string, GraphNode['kind']> = {
  units: 'dense',
  rate: 'dropout',
  fn: 'activation',
};

/** Refuses a layer parameter whose node is missing or of another kind, naming the node. */
export function checkLayerKeys(graph: Graph, keys: readonly string[]): void {
  for (const key of keys) {
    if (!key.includes('.')) continue;
    const id = key.slice(0, key.lastIndexOf('.'));
    const field = fieldOf(key);
    const want = NODE_FIELD[field]!;
    const node = graph.nodes.find((n) => n.id === id);
    const candidates = graph.nodes.filter((n) => n.kind === want).map((n) => n.id);
    const hint = candidates.length
      ? `the network's ${want} nodes are ${candidates.join(', ')}`
      : `the network has no ${want} node`;
    if (!node) throw new SweepSpecError(`${key}: the network has no node "${id}"; ${hint}`);
    if (node.kind !== want)
      throw new SweepSpecError(`${key}: node "${id}" is a ${node.kind} node, not ${want}; ${hint}`);
  }
}

export function applyVariant<S extends SweepableSettings>(
  graph: Graph,
  settings: S,
  values: Record<string, SweepValue>,
  seed: number,
): AppliedVariant<S> {
  checkLayerKeys(graph, Object.keys(values));
  const g = structuredClone(graph);
  const s = { ...settings, seed };
  let fraction = 1;
  for (const [key, value] of Object.entries(values)) {
    if (key.includes('.')) {
      const id = key.slice(0, key.lastIndexOf('.'));
      const node = g.nodes.find((n) => n.id === id)!;
      (node.params as Record<string, unknown>)[fieldOf(key)] = value;
      continue;
    }
    const n = value as number;
    switch (key) {
      case 'l1':
      case 'l2':
      case 'lr':
      case 'epochs':
        s[key] = n;
        break;
      case 'batch':
        s.batchSize = n;
        break;
      case 'optimizer':
        s.optimizer = value as string;
        break;
      case 'noise':
      case 'mixup': {
        const a = s.augment ?? { noise: null, mixup: null, image: null };
        // σ = 0 means no noise: the same run as without augmentation.
        s.augment = { ...a, [key]: key === 'noise' && n === 0 ? null : n };
        break;
      }
      case 'fraction':
        fraction = n;
        break;
    }
  }
  return { graph: g, settings: s, fraction };
}

/** How many training rows a fraction keeps (at least one). */
export const rowsOfFraction = (rows: number, fraction: number) =>
  Math.max(1, Math.min(rows, Math.round(rows * fraction)));
