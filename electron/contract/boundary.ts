/**
 * What the network learned, over the contract: built-in 2-D datasets, and the decision boundary
 * (the model evaluated over a plane of the input space, in the training worker) with the units
 * of one chosen layer over the same plane. Part of the one contract (electron/contract.ts).
 */
import { z } from 'zod';

import { GENERATED_KINDS } from '../../engine/data/generate';

export { GENERATED_KINDS };

/** Cells per side of the boundary grid; neuron thumbnails use every second cell. */
export const BOUNDARY_SIZE = 64;
export const NEURON_SIZE = 32;
export const MAX_NEURONS = 64;

export const planeSchema = z.discriminatedUnion('kind', [
  /** The first two principal components of the encoded training rows. */
  z.object({ kind: z.literal('pca') }).strict(),
  /** Two encoded columns (y null: regression, one feature); the others held at typical values. */
  z
    .object({
      kind: z.literal('features'),
      x: z.number().int().min(0).max(100_000),
      y: z.number().int().min(0).max(100_000).nullable(),
    })
    .strict(),
]);
export type BoundaryPlane = z.infer<typeof planeSchema>;

const finite = z.number().finite();

/** One axis of the plane: its range in encoded units and how to show it in the file's units. */
export const axisSchema = z.object({
  label: z.string(),
  lo: finite,
  hi: finite,
  /** original = encoded · scale + center; null when the axis has no single original unit. */
  center: finite.nullable(),
  scale: finite.nullable(),
});
export type BoundaryAxis = z.infer<typeof axisSchema>;

export const neuronsSchema = z.object({
  nodeId: z.string(),
  /** The activation the units' outputs went through ('linear' for none). */
  fn: z.string(),
  /** Units shown (the first MAX_NEURONS) and the layer's total. */
  shown: z.number().int(),
  units: z.number().int(),
  /** Per unit: NEURON_SIZE² outputs over the plane as bytes (0 = lo, 255 = hi), base64. */
  values: z.array(z.string()),
  lo: z.array(finite),
  hi: z.array(finite),
  /** Per unit: its incoming weights (at most 64 of them). */
  weights: z.array(z.array(finite)),
  /** Per unit, over the training points: dead (ReLU never active) or saturated (most of the time). */
  dead: z.array(z.boolean()),
  saturated: z.array(z.boolean()),
  deadShare: finite,
  saturatedShare: finite,
});
export type BoundaryNeurons = z.infer<typeof neuronsSchema>;

/** One seed's trained network: its seed, epochs and final metrics (null where not measured). */
export const seedFinalSchema = z.object({
  seed: z.number().int(),
  epochs: z.number().int(),
  trainLoss: finite.nullable(),
  valLoss: finite.nullable(),
  trainAcc: finite.nullable(),
  valAcc: finite.nullable(),
});
export type BoundarySeedFinal = z.infer<typeof seedFinalSchema>;

export const boundaryFrameSchema = z.object({
  runId: z.string(),
  epoch: z.number().int(),
  task: z.enum(['classification', 'regression']),
  plane: planeSchema,
  axes: z.array(axisSchema),
  size: z.number().int(),
  classNames: z.array(z.string()).nullable(),
  /** Classification: the predicted class per cell (row-major, y from the top), base64 bytes. */
  cls: z.string().nullable(),
  /** Classification: that class's probability per cell, 0..255 as base64 bytes. */
  prob: z.string().nullable(),
  /** Regression: the prediction at each of `size` points along the axis, in the target's units. */
  values: z.array(finite).nullable(),
  /** Training then validation points in plane coordinates, with their class (or target). */
  points: z.object({
    x: z.array(finite),
    y: z.array(finite),
    target: z.array(finite),
    wrong: z.array(z.boolean()),
    validation: z.array(z.boolean()),
  }),
  neurons: neuronsSchema.nullable(),
  /** The network is one a project brought (saved weights), not trained in this session. */
  saved: z.boolean().optional(),
  /**
   * After "Train with N seeds": each seed's trained network and its final metrics, and which of
   * them this frame shows (null: the run's own network). Null before any seeds were trained.
   */
  seeds: z
    .object({
      shown: z.number().int().nullable(),
      list: z.array(seedFinalSchema),
    })
    .nullable()
    .optional(),
});
export type BoundaryFrame = z.infer<typeof boundaryFrameSchema>;

/** One Dense layer's kernel (inputs × units, row-major: w[i · units + u]) and its bias. */
export const weightMatrixSchema = z.object({
  /** The Dense node, and the node its input comes from (null: unknown). */
  nodeId: z.string().nullable(),
  inputs: z.number().int(),
  units: z.number().int(),
  /** Null when the layer is larger than the request's `max`. */
  w: z.array(finite).nullable(),
  b: z.array(finite).nullable(),
  /** The largest |w| of the layer. */
  maxAbs: finite,
});
export type WeightMatrix = z.infer<typeof weightMatrixSchema>;

/** Generate a built-in 2-D dataset (the channel, with its answer, is in electron/contract.ts). */
export const generateRequestSchema = z
  .object({
    kind: z.enum(GENERATED_KINDS),
    size: z
      .number()
      .int()
      .min(10, 'the size must be at least 10 rows')
      .max(20_000, 'the size must be at most 20000 rows'),
    noise: z.number().min(0, 'the noise cannot be negative').max(1, 'the noise is at most 1'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  })
  .strict();

export const boundaryChannels = {
  /**
   * Watch the decision boundary: frames come as `training:boundary` events (live while
   * training, at most 5 a second, and once now from the kept model). A null plane stops them.
   */
  'training:boundary': {
    request: z
      .object({
        plane: planeSchema.nullable(),
        /** A Dense or Activation node whose units to show over the plane. */
        nodeId: z.string().max(100).nullable(),
        /** Which seed's network to show (index into the last seeds analysis); null: the run's. */
        seed: z.number().int().min(0).max(100).nullable().optional(),
      })
      .strict(),
    response: z.object({ watching: z.boolean() }),
  },
  /**
   * The latest trained network's Dense weight matrices, for drawing edges by weight: the
   * trained run's, or the weights a reopened project brought. Layers wider than `max` units
   * (or with more than `max` inputs) come without their matrix.
   */
  'training:weights': {
    request: z.object({ max: z.number().int().min(1).max(64) }).strict(),
    response: z.object({
      /** Null when no network was trained or opened. */
      runId: z.string().nullable(),
      layers: z.array(weightMatrixSchema),
    }),
  },
} as const;

export const boundaryEvents = {
  'training:boundary': boundaryFrameSchema,
} as const;
