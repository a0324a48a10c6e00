/**
 * The network a run trained, as the run keeps it: the graph's nodes (kind and parameters) and
 * edges, without canvas positions (moving a node does not change the network). Stored in each
 * run of a project file and compared with the canvas to tell whether results are still current.
 */
import { z } from 'zod';
import { graphEdgeSchema, nodeUnion, type Graph } from './document';

export const runNodeSchema = nodeUnion({});
export type RunNode = z.infer<typeof runNodeSchema>;

export const runGraphSchema = z
  .object({
    nodes: z.array(runNodeSchema).max(10_000),
    edges: z.array(graphEdgeSchema).max(20_000),
  })
  .strict();
/** The network a run trained (a Graph without positions). */
export type RunGraph = z.infer<typeof runGraphSchema>;

/**
 * The stored form of a graph for a run record: copies of its nodes without positions, and its
 * edges. Whoever starts a run (the app, the CLI) records `runGraphOf(graphItTrained)`.
 */
export function runGraphOf(graph: Graph | RunGraph): RunGraph {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, kind: n.kind, params: { ...n.params } }) as RunNode),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
