/**
 * The engine's analysis of the current graph (problems, shapes, parameter counts) for the loaded
 * dataset. Moving nodes does not change it, so it is recomputed only when the structure or a
 * parameter changes: dragging 200 nodes must not re-validate the graph 60 times a second.
 */
import { validateGraph, type GraphAnalysis } from '../../engine/graph/validate';
import type { Graph } from '../../engine/graph/document';
import { useGraphStore } from './graph';
import { useDataStore, type DataShape } from './data';

interface Cached {
  edges: Graph['edges'];
  nodes: { id: string; kind: string; params: unknown }[];
  shape: DataShape | null;
  analysis: GraphAnalysis;
}

let cache: Cached | null = null;

function sameStructure(c: Cached, graph: Graph, shape: DataShape | null): boolean {
  if (c.edges !== graph.edges || c.shape !== shape || c.nodes.length !== graph.nodes.length)
    return false;
  return graph.nodes.every((n, i) => {
    const m = c.nodes[i]!;
    return m.id === n.id && m.kind === n.kind && m.params === n.params;
  });
}

export function analyse(graph: Graph, shape: DataShape | null): GraphAnalysis {
  if (cache && sameStructure(cache, graph, shape)) return cache.analysis;
  const analysis = validateGraph(graph, {
    ...(shape ? { features: shape.features } : {}),
    ...(shape?.classes ? { classes: shape.classes } : {}),
    // A numeric target: the checker then refuses class losses (BCE, CCE, Softmax) before training.
    ...(shape?.targets !== undefined ? { targets: shape.targets } : {}),
  });
  cache = {
    edges: graph.edges,
    nodes: graph.nodes.map((n) => ({ id: n.id, kind: n.kind, params: n.params })),
    shape,
    analysis,
  };
  return analysis;
}

/** Subscribes to the analysis itself: components re-render only when it changes, not on every drag frame. */
export function useGraphAnalysis(): GraphAnalysis {
  const shape = useDataStore((s) => s.shape);
  return useGraphStore((s) => analyse(s.graph, shape));
}
