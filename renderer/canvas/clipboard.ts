/**
 * Copy/paste of nodes through the system clipboard, as JSON text, so nodes can be pasted into
 * another Layerlab window or project. Pasted text is untrusted: it is parsed with the document
 * schema and anything malformed is refused, never half-pasted.
 */
import { z } from 'zod';
import {
  graphEdgeSchema,
  graphNodeSchema,
  type Graph,
  type GraphEdge,
  type GraphNode,
} from '../../engine/graph/document';

const MARK = 'layerlab/nodes';
const clipSchema = z.object({
  format: z.literal(MARK),
  version: z.literal(1),
  nodes: z.array(graphNodeSchema).min(1).max(1000),
  edges: z.array(graphEdgeSchema).max(2000),
});
export type Clip = { nodes: GraphNode[]; edges: GraphEdge[] };

/** The selected nodes and the edges between them, as clipboard text; null when nothing is selected. */
export function copySelection(graph: Graph, selected: readonly string[]): string | null {
  const ids = new Set(selected);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (!nodes.length) return null;
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return JSON.stringify({ format: MARK, version: 1, nodes, edges });
}

/** Layerlab nodes in clipboard text, or null when the text is something else. */
export function readClip(text: string): Clip | null {
  if (!text.includes(MARK)) return null;
  try {
    const parsed = clipSchema.safeParse(JSON.parse(text));
    return parsed.success ? { nodes: parsed.data.nodes, edges: parsed.data.edges } : null;
  } catch {
    return null;
  }
}
