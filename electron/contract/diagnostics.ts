/**
 * Looking inside training: per-layer diagnostics in each epoch, and three analyses of the latest
 * trained model that run in the training worker — Monte-Carlo dropout on the evaluation split,
 * a loss-landscape slice on the training split, and the same settings trained with several
 * seeds (mean ± sd bands). Spread into the training channels (./training.ts).
 */
import { z } from 'zod';

const num = z.number().finite().nullable();
const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/** One Dense layer in one epoch (NaN/∞ travel as null). */
export const layerDiagnosticsSchema = z.object({
  layer: z.number().int(),
  nodeId: z.string().nullable(),
  activationNodeId: z.string().nullable(),
  fn: z.string(),
  units: z.number().int(),
  params: z.number().int(),
  gradNorm: num,
  gradRms: num,
  weightNorm: num,
  deadShare: num,
  saturatedShare: num,
});
export type RunLayerDiagnostics = z.infer<typeof layerDiagnosticsSchema>;

const meanSd = z.object({ mean: num, sd: num, n: z.number().int() });

export const diagnosticsChannels = {
  /** N dropout-on passes of the latest model over its evaluation split, beside the normal one. */
  'training:mcDropout': {
    request: z
      .object({
        passes: z.number().int().min(2, 'use at least 2 passes').max(500, 'at most 500 passes'),
        seed,
      })
      .strict(),
    response: z.object({
      split: z.enum(['test', 'validation', 'train']),
      rows: z.number().int(),
      passes: z.number().int(),
      hasDropout: z.boolean(),
      classification: z.boolean(),
      /** Accuracy (classes) or MSE (regression) of the normal, dropout-off prediction … */
      normalMetric: num,
      /** … and of the mean of the N passes. */
      mcMetric: num,
      /** Mean over rows of the sd of the N predictions, and the sd per row (≤ 500 rows). */
      meanSd: num,
      rowSd: z.array(z.number().finite()),
      /** Share of rows whose predicted class changed between passes. */
      disagreement: num,
      note: z.string(),
    }),
  },
  /** The loss along one or two random filter-normalised directions around the latest weights. */
  'training:landscape': {
    request: z
      .object({
        dims: z.union([z.literal(1), z.literal(2)]),
        steps: z.number().int().min(3).max(41).optional(),
        span: z.number().gt(0).max(10).optional(),
        seed,
      })
      .strict(),
    response: z.object({
      alphas: z.array(z.number().finite()),
      betas: z.array(z.number().finite()).nullable(),
      losses: z.array(num),
      center: num,
      parameters: z.number().int(),
    }),
  },
  /** The latest run's settings trained again with `count` seeds in turn, from its seed on. */
  'training:seeds': {
    request: z.object({ count: z.number().int().min(2).max(10) }).strict(),
    response: z.object({
      seeds: z.array(z.number().int()),
      /** Per seed: the curves by epoch (null where a loss was NaN/∞). */
      trainLoss: z.array(z.array(num)),
      valLoss: z.array(z.array(num)),
      /** Per seed and epoch: the L1/L2 penalty both losses include (0 without regularisation). */
      penalty: z.array(z.array(z.number().finite())).optional(),
      /** Final metrics over the seeds. */
      final: z.object({
        trainLoss: meanSd,
        valLoss: meanSd,
        trainAcc: meanSd.nullable(),
        valAcc: meanSd.nullable(),
      }),
    }),
  },
} as const;
