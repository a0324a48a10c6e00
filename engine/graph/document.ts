/**
 * The network graph as the canvas edits it and the project file saves it.
 *
 * This is a saved format: it is versioned by the project document that embeds it, and kept apart
 * from runtime classes. Each node carries its kind, its position on the canvas and its parameters;
 * edges connect an output of `source` to the input of `target`. What each kind means (schema,
 * defaults, words, shapes, lowering) lives in ./kinds; this file keeps the saved union and
 * re-exports the names the rest of the product imports from here.
 */
import { z } from 'zod';
import {
  activationParamsSchema,
  denseParamsSchema,
  dropoutParamsSchema,
  inputParamsSchema,
  KINDS,
  outputParamsSchema,
  softmaxParamsSchema,
  type LayerKind,
} from './kinds';

export {
  ACTIVATIONS,
  INITIALIZERS,
  LAYER_KINDS,
  LAYER_LABELS,
  LOSSES,
  activationParamsSchema,
  denseParamsSchema,
  dropoutParamsSchema,
  inputParamsSchema,
  outputParamsSchema,
  softmaxParamsSchema,
  type ActivationFn,
  type Initializer,
  type LayerKind,
  type LossName,
} from './kinds';

const position = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();
const id = z.string().min(1).max(64);

/**
 * One node schema per kind, in the registry's order; `extra` holds the fields every node of that
 * form has besides id, kind and params (the canvas position for the saved graph, nothing for the
 * network a run keeps).
 */
export function nodeUnion<E extends z.ZodRawShape>(extra: E) {
  const nodeOf = <K extends LayerKind, P extends z.ZodType>(kind: K, params: P) =>
    z.object({ id, kind: z.literal(kind), ...extra, params }).strict();
  return z.discriminatedUnion('kind', [
    nodeOf('input', inputParamsSchema),
    nodeOf('dense', denseParamsSchema),
    nodeOf('activation', activationParamsSchema),
    nodeOf('dropout', dropoutParamsSchema),
    nodeOf('softmax', softmaxParamsSchema),
    nodeOf('output', outputParamsSchema),
  ]);
}

// The saved union.
export const graphNodeSchema = nodeUnion({ position });
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type NodeOfKind<K extends LayerKind> = Extract<GraphNode, { kind: K }>;
export type ParamsOf<K extends LayerKind> = NodeOfKind<K>['params'];

export const graphEdgeSchema = z.object({ id, source: id, target: id }).strict();
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSchema = z
  .object({
    nodes: z.array(graphNodeSchema).max(10_000),
    edges: z.array(graphEdgeSchema).max(20_000),
  })
  .strict();
export type Graph = z.infer<typeof graphSchema>;

/** The parameters a freshly dropped node starts with (Keras-like defaults). */
export function defaultParams<K extends LayerKind>(kind: K): ParamsOf<K> {
  return { ...KINDS[kind].defaults() } as ParamsOf<K>;
}

/** Which ends a node kind has: Input has no input port, Output no output port. */
export function portsOf(kind: LayerKind): { in: boolean; out: boolean } {
  return { ...KINDS[kind].ports };
}

export const emptyGraph = (): Graph => ({ nodes: [], edges: [] });
