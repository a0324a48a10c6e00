/**
 * The network a sweep group trained: the sweep's saved base network with the group's layer
 * values set ("dense_1.units" = 16 sets node dense_1's units), as the sweep applied them.
 */
import type { RunGraph, RunNode } from '../../../engine/graph/run-graph';

/** A copy of `base` with every "node.field" value of `values` set; settings keys are skipped. */
export function withLayerValues(
  base: RunGraph,
  values: Readonly<Record<string, number | string>>,
): RunGraph {
  const nodes = base.nodes.map((n) => ({ ...n, params: { ...n.params } }) as RunNode);
  for (const [key, v] of Object.entries(values)) {
    const dot = key.lastIndexOf('.');
    if (dot < 0) continue;
    const node = nodes.find((n) => n.id === key.slice(0, dot));
    // A saved sweep names only nodes of its own network; a missing one is left as it was.
    if (node) (node.params as Record<string, unknown>)[key.slice(dot + 1)] = v;
  }
  return { nodes, edges: base.edges.map((e) => ({ ...e })) };
}
