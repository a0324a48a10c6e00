/**
 * The network graph as the canvas edits it and the project file saves it.
 *
 * This is a saved format (DEVELOPERS.md rule 7): it is versioned by the project document that
 * embeds it, and kept apart from runtime classes. Each node carries its kind, its position on the
 * canvas and its parameters; edges connect an output of `source` to the input of `target`.
 */
import { z } from 'zod';

export const LAYER_KINDS = [
  'input',
  'dense',
  'activation',
  'dropout',
  'softmax',
  'output',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu'] as const;
export type ActivationFn = (typeof ACTIVATIONS)[number];

export const INITIALIZERS = [
  'glorot_uniform',
  'glorot_normal',
  'he_normal',
  'he_uniform',
  'lecun_normal',
  'lecun_uniform',
  'zeros',
] as const;
export type Initializer = (typeof INITIALIZERS)[number];

export const LOSSES = ['auto', 'cce', 'bce', 'mse'] as const;
export type LossName = (typeof LOSSES)[number];

/** Human names for the palette and messages. */
export const LAYER_LABELS: Record<LayerKind, string> = {
  input: 'Input',
  dense: 'Dense',
  activation: 'Activation',
  dropout: 'Dropout',
  softmax: 'Softmax',
  output: 'Output',
};

const lambda = z.number().finite().min(0).nullable();

export const inputParamsSchema = z.object({}).strict();
export const denseParamsSchema = z
  .object({
    units: z
      .number()
      .int('units must be a whole number')
      .min(1, 'units must be at least 1')
      .max(65536),
    useBias: z.boolean(),
    initializer: z.enum(INITIALIZERS),
    /** Per-layer override of the project's L1 / L2 λ; null means "use the project's λ". */
    l1: lambda,
    l2: lambda,
  })
  .strict();
export const activationParamsSchema = z
  .object({
    fn: z.enum(ACTIVATIONS),
    /** Negative-side slope of leaky ReLU. */
    alpha: z.number().finite().min(0).max(1),
  })
  .strict();
export const dropoutParamsSchema = z
  .object({ rate: z.number().min(0, 'rate must be at least 0').lt(1, 'rate must be below 1') })
  .strict();
export const softmaxParamsSchema = z.object({}).strict();
export const outputParamsSchema = z.object({ loss: z.enum(LOSSES) }).strict();

const position = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();
const id = z.string().min(1).max(64);

const nodeOf = <K extends LayerKind, P extends z.ZodType>(kind: K, params: P) =>
  z.object({ id, kind: z.literal(kind), position, params }).strict();

export const graphNodeSchema = z.discriminatedUnion('kind', [
  nodeOf('input', inputParamsSchema),
  nodeOf('dense', denseParamsSchema),
  nodeOf('activation', activationParamsSchema),
  nodeOf('dropout', dropoutParamsSchema),
  nodeOf('softmax', softmaxParamsSchema),
  nodeOf('output', outputParamsSchema),
]);
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
  const defaults: { [P in LayerKind]: ParamsOf<P> } = {
    input: {},
    dense: { units: 16, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
    activation: { fn: 'relu', alpha: 0.01 },
    dropout: { rate: 0.5 },
    softmax: {},
    output: { loss: 'auto' },
  };
  return { ...defaults[kind] } as ParamsOf<K>;
}

/** Which ends a node kind has: Input has no input port, Output no output port. */
export function portsOf(kind: LayerKind): { in: boolean; out: boolean } {
  return { in: kind !== 'input', out: kind !== 'output' };
}

export const emptyGraph = (): Graph => ({ nodes: [], edges: [] });
