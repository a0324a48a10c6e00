/**
 * Sweeps over the contract: start a sweep of the canvas graph on a loaded dataset (one or two
 * parameters × seeds, variants in parallel on the main side), cancel one variant or all, and
 * receive progress per variant and, at the end, the results with their U-curve. Part of the one
 * contract: electron/contract.ts spreads these into its channels and events.
 */
import { z } from 'zod';
import { graphSchema } from '../../engine/graph/document';
import { savedSweepSchema } from '../../engine/graph/project/sweeps';
import { trainSettingsSchema } from './training';

const id = z.string().min(1).max(64);
const value = z.union([z.number(), z.string().max(40)]);
const spread = z.object({ mean: z.number(), sd: z.number(), n: z.number().int() }).nullable();

export const sweepVariantSchema = z.object({
  id: z.string(),
  group: z.string(),
  values: z.record(z.string(), value),
  seed: z.number().int(),
});

export const variantResultSchema = z.object({
  id: z.string(),
  group: z.string(),
  values: z.record(z.string(), value),
  seed: z.number().int(),
  status: z.enum(['completed', 'stopped', 'diverged', 'failed', 'cancelled']),
  bestEpoch: z.number().int().nullable(),
  bestVal: z.number().nullable(),
  trainAtBest: z.number().nullable(),
  gap: z.number().nullable(),
  test: z.number().nullable(),
  elapsedMs: z.number(),
  /** Validation and training data loss per epoch (small multiples). */
  curve: z.array(z.object({ train: z.number().nullable(), val: z.number().nullable() })),
});
export type VariantResult = z.infer<typeof variantResultSchema>;

const comparisonSchema = z.object({
  value,
  verdict: z.enum(['significant', 'not significant', 'needs seeds']),
  p: z.number().nullable(),
  message: z.string(),
});

export const sweepResultSchema = z.object({
  sweepId: z.string(),
  params: z.array(z.object({ key: z.string(), values: z.array(value), log: z.boolean() })),
  variants: z.array(variantResultSchema),
  uCurve: z.object({
    key: z.string(),
    log: z.boolean(),
    points: z.array(z.object({ value, train: spread, val: spread, gap: spread, test: spread })),
    bestValue: value.nullable(),
    atEnd: z.boolean(),
    versusNeighbours: z.array(comparisonSchema),
  }),
  heatMap: z
    .object({
      rowKey: z.string(),
      colKey: z.string(),
      rowValues: z.array(value),
      colValues: z.array(value),
      cells: z.array(z.array(z.number().nullable())),
      best: z.object({ row: z.number().int(), col: z.number().int() }).nullable(),
    })
    .nullable(),
  learningCurve: z.object({ verdict: z.string(), message: z.string() }).nullable(),
  /** The test metric's name: accuracy (classification) or MAE (regression). */
  testMetric: z.enum(['acc', 'mae']).nullable(),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;

export const sweepChannels = {
  /** Start a sweep: parameters as KEY and VALUES text, as on the command line. */
  'sweep:start': {
    request: z
      .object({
        datasetId: id,
        graph: graphSchema,
        settings: trainSettingsSchema,
        params: z
          .array(z.object({ key: z.string().min(1).max(100), values: z.string().min(1).max(500) }))
          .min(1)
          .max(2),
        seeds: z.number().int().min(1).max(20),
      })
      .strict(),
    response: z.object({
      sweepId: z.string(),
      workers: z.number().int(),
      variants: z.array(sweepVariantSchema),
      /** The training rows' hash (as training:start's), of the variants that train on all rows. */
      datasetHash: z.string(),
    }),
  },
  /** Cancel one variant (queued: never starts; running: stops) or, without variantId, all. */
  'sweep:cancel': {
    request: z.object({ sweepId: id, variantId: id.optional() }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  /**
   * A sweep saved in the project, shown again: its U-curve, heat-map and table computed from
   * the saved variants (nothing is trained).
   */
  'sweep:reopen': {
    request: z
      .object({
        sweep: savedSweepSchema,
        /** The dataset's task, naming the test metric (accuracy or MAE). */
        task: z.enum(['classification', 'regression']),
      })
      .strict(),
    response: sweepResultSchema,
  },
  /**
   * Is the difference between two groups of seed results larger than the seed noise? Welch's
   * t-test at α = 0.05; "needs seeds" (no p) when either side has fewer than two values.
   */
  'sweep:compareSeeds': {
    request: z
      .object({
        a: z.array(z.number().finite()).max(1000),
        b: z.array(z.number().finite()).max(1000),
      })
      .strict(),
    response: comparisonSchema.omit({ value: true }).extend({ difference: z.number().nullable() }),
  },
} as const;

export const sweepEvents = {
  'sweep:progress': z.object({
    sweepId: z.string(),
    variantId: z.string(),
    state: z.enum(['running', 'done']),
    epoch: z.number().int(),
    epochs: z.number().int(),
    valLoss: z.number().nullable(),
    status: variantResultSchema.shape.status.nullable(),
  }),
  'sweep:done': sweepResultSchema,
} as const;
