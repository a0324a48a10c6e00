/**
 * Training over the contract: start a run on a loaded dataset with the canvas graph, control
 * it, and receive coalesced progress (at most ~20 messages a second, no epoch lost).
 * Part of the one contract: electron/contract.ts spreads these into its channels and events.
 */
import { z } from 'zod';
import { graphSchema } from '../../engine/graph/document';
import { diagnosticsChannels, layerDiagnosticsSchema } from './diagnostics';

const finite = z.number().finite();

export const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;

export const augmentSchema = z
  .object({
    noise: z.number().min(0, 'the noise σ cannot be negative').max(10).nullable(),
    mixup: z.number().gt(0, 'the mixup α must be above 0').max(10).nullable(),
    image: z
      .object({
        width: z.number().int().min(1).max(4096),
        height: z.number().int().min(1).max(4096),
        channels: z.number().int().min(1).max(4),
        flip: z.boolean(),
        shift: z.number().int().min(0).max(64),
        scale: z.number().min(0).lt(1),
        brightness: z.number().min(0).max(10),
      })
      .strict()
      .nullable(),
  })
  .strict();

export const trainSettingsSchema = z
  .object({
    epochs: z.number().int().min(1, 'epochs must be at least 1').max(100_000),
    batchSize: z
      .number()
      .int()
      .min(1, 'the batch size must be at least 1')
      .max(4096, 'the batch size must be at most 4096'),
    optimizer: z.enum(OPTIMIZERS),
    lr: z
      .number()
      .gt(0, 'the learning rate must be above 0')
      .max(10, 'the learning rate must be at most 10'),
    schedule: z.enum(SCHEDULES),
    l1: z.number().min(0, 'L1 λ cannot be negative').max(10),
    l2: z.number().min(0, 'L2 λ cannot be negative').max(10),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    /** Augmentation of training batches only (seeded with the run's seed). */
    augment: augmentSchema.nullable(),
    earlyStopping: z
      .object({
        patience: z.number().int().min(1).max(10_000),
        minDelta: z.number().min(0),
        restoreBest: z.boolean(),
      })
      .nullable(),
  })
  .strict();
export type TrainSettings = z.infer<typeof trainSettingsSchema>;

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  epochs: 50,
  batchSize: 16,
  optimizer: 'adam',
  lr: 0.01,
  schedule: 'constant',
  l1: 0,
  l2: 0,
  seed: 42,
  augment: null,
  earlyStopping: null,
};

export const metricsSchema = z.object({
  loss: finite.nullable(),
  acc: finite.optional(),
  mae: finite.optional(),
  r2: finite.nullable().optional(),
});
export type RunMetrics = z.infer<typeof metricsSchema>;

export const epochSchema = z.object({
  epoch: z.number().int(),
  epochs: z.number().int(),
  lr: finite,
  train: metricsSchema,
  val: metricsSchema.nullable(),
  /** L1/L2 penalty at the epoch's end, included in both losses; absent when 0 or not recorded. */
  penalty: finite.optional(),
  elapsedMs: finite,
  /** Per Dense layer: gradient / weight norms and dead / saturated share (./diagnostics.ts). */
  layers: z.array(layerDiagnosticsSchema).optional(),
});
export type RunEpoch = z.infer<typeof epochSchema>;

export const alertSchema = z.object({
  kind: z.enum([
    'overfitting',
    'underfitting',
    'divergence',
    'instability',
    'dead_units',
    'saturation',
    'vanishing_gradient',
    'exploding_gradient',
  ]),
  epoch: z.number().int(),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  remedies: z.array(z.record(z.string(), z.unknown())),
});
export type RunAlert = z.infer<typeof alertSchema>;

export const RUN_STATES = ['starting', 'running', 'paused', 'stopping', 'done'] as const;

/** Where a run trains: `auto` times both and picks the faster (the default). */
export const BACKEND_PREFERENCES = ['auto', 'cpu', 'gpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

/** The backend a run trains on, and why (measured when chosen automatically). */
export const runBackendSchema = z.object({
  backend: z.enum(['cpu', 'gpu']),
  /** The kernel that runs: the CPU backend's name or the gpu.js kernel class. */
  kernel: z.string(),
  /** The GL renderer for gpu.js; null on the CPU. */
  renderer: z.string().nullable(),
  reason: z.string(),
});
export type RunBackend = z.infer<typeof runBackendSchema>;

export const progressSchema = z.object({
  runId: z.string(),
  state: z.enum(RUN_STATES),
  /** Every epoch finished since the previous message, in order. */
  epochs: z.array(epochSchema),
  /** The latest batch, for the progress line; null when none since the last message. */
  batch: z
    .object({
      epoch: z.number().int(),
      batch: z.number().int(),
      batches: z.number().int(),
      loss: finite.nullable(),
      samplesPerSec: finite,
    })
    .nullable(),
  alerts: z.array(alertSchema),
  /** The backend, in the first message after the worker chose it. */
  backend: runBackendSchema.optional(),
});
export type RunProgress = z.infer<typeof progressSchema>;

export const evaluationSchema = z.object({
  split: z.enum(['test', 'validation']),
  rows: z.number().int(),
  metrics: metricsSchema,
  /** Classification: counts[actual][predicted]. */
  confusion: z.array(z.array(z.number().int())).nullable(),
  /** Regression: [actual, predicted] in the target's units, for at most 500 rows. */
  pairs: z
    .array(z.tuple([finite, finite]))
    .nullable()
    .optional(),
  /** Positions in the split of the rows in each cell (at most 500 per cell), for listing them. */
  cellRows: z.array(z.array(z.array(z.number().int()))).nullable(),
  classNames: z.array(z.string()).nullable(),
});
export type RunEvaluation = z.infer<typeof evaluationSchema>;

export const weightStatsSchema = z.object({
  name: z.string(),
  nodeId: z.string().nullable(),
  count: z.number().int(),
  min: finite,
  max: finite,
  mean: finite,
  std: finite,
  nearZeroShare: finite,
  l1Norm: finite,
  l2Norm: finite,
  histogram: z.object({ lo: finite, hi: finite, counts: z.array(z.number().int()) }),
});
export type RunWeightStats = z.infer<typeof weightStatsSchema>;

export const doneSchema = z.object({
  runId: z.string(),
  reason: z.enum(['completed', 'stopped', 'diverged', 'failed']),
  message: z.string().nullable(),
  epochs: z.number().int(),
  restoredEpoch: z.number().int().nullable(),
  evaluation: evaluationSchema.nullable(),
  /** Per Dense layer: weight histogram and share of near-zero weights (L1 sparsity vs L2 shrinkage). */
  weightStats: z.array(weightStatsSchema).nullable(),
});
export type RunDone = z.infer<typeof doneSchema>;

export const trainingChannels = {
  /** Start training the graph on a loaded dataset (its training and validation splits). */
  'training:start': {
    request: z
      .object({
        datasetId: z.string().min(1).max(64),
        graph: graphSchema,
        settings: trainSettingsSchema,
        /** cpu, gpu (gpu.js through a GL context) or auto (default): see RunProgress.backend. */
        backend: z.enum(BACKEND_PREFERENCES).optional(),
      })
      .strict(),
    response: z.object({
      runId: z.string(),
      /** The requested preference; the chosen backend arrives with the progress events. */
      backend: z.string(),
      /** Identifies the training data (sha-256 of the encoded training rows, 16 hex digits). */
      datasetHash: z.string(),
      features: z.number().int(),
      trainRows: z.number().int(),
      validationRows: z.number().int(),
      testRows: z.number().int(),
    }),
  },
  /** Change the learning rate of a running training; it applies from the next batch. */
  'training:setLearningRate': {
    request: z.object({ runId: z.string().min(1).max(64), lr: z.number().gt(0).max(10) }).strict(),
    response: z.object({ lr: finite }),
  },
  /** Put back the weights of the best epoch of a finished run, and evaluate them again. */
  'training:restoreBest': {
    request: z.object({ runId: z.string().min(1).max(64) }).strict(),
    response: z.object({ epoch: z.number().int(), evaluation: evaluationSchema.nullable() }),
  },
  /** A few training rows (encoded, as the network sees them) before and after augmentation. */
  'training:previewAugment': {
    request: z
      .object({
        datasetId: z.string().min(1).max(64),
        augment: augmentSchema,
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
      })
      .strict(),
    response: z.object({
      featureNames: z.array(z.string()),
      original: z.array(z.array(finite)),
      augmented: z.array(z.array(finite)),
      /** With "Rows are images": the full raw pixel grids of the same rows, for drawing. */
      images: z
        .object({
          width: z.number().int(),
          height: z.number().int(),
          channels: z.number().int(),
          original: z.array(z.array(finite)),
          augmented: z.array(z.array(finite)),
        })
        .nullable(),
    }),
  },
  /** Pause, resume, stop, or run one more epoch then pause. */
  'training:control': {
    request: z
      .object({
        runId: z.string().min(1).max(64),
        action: z.enum(['pause', 'resume', 'stop', 'step']),
      })
      .strict(),
    response: z.object({ state: z.enum(RUN_STATES) }),
  },
  /** The original rows (file line and cells) at positions of a run's evaluation split. */
  'training:rows': {
    request: z
      .object({
        runId: z.string().min(1).max(64),
        positions: z.array(z.number().int().nonnegative()).max(500),
      })
      .strict(),
    response: z.object({
      file: z.string(),
      header: z.array(z.string()),
      rows: z.array(z.object({ line: z.number().int(), values: z.array(z.string()) })),
    }),
  },
  /**
   * Predict one row typed by the user with the last trained model. Empty `values` give the
   * form's fields and the prediction for a row of typical (imputed) values.
   */
  'training:predict': {
    request: z.object({ values: z.record(z.string().max(200), z.string().max(1000)) }).strict(),
    response: z.object({
      fields: z.array(
        z.object({
          name: z.string(),
          kind: z.string(),
          categories: z.array(z.string()).nullable(),
          typical: z.string(),
        }),
      ),
      classNames: z.array(z.string()).nullable(),
      probabilities: z.array(finite).nullable(),
      predicted: z.string().nullable(),
      /** Regression: the prediction in the target's own units. */
      value: finite.nullable(),
      notes: z.array(z.string()),
    }),
  },
  ...diagnosticsChannels,
} as const;

export const trainingEvents = {
  'training:progress': progressSchema,
  'training:done': doneSchema,
} as const;
