/**
 * The one run setup shared by the app's training (service + worker) and the `layerlab` CLI, so
 * both produce the same numbers for the same project and seed:
 *
 *   prepareRun  encoded splits + graph + settings → compiled spec and the worker's start message
 *               (classes for classification, one scaled target for regression);
 *   openTrainer the backend choice and the Trainer built on it;
 *   fitRun      the FitSettings of the app's settings (schedule, early stopping, augmentation);
 *   modelState  evaluation (test split, else validation), weight statistics and weights;
 *   inUnits / cleanMetrics  regression metrics back in the target's own units.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../contract';
import type { RunBackend, RunEvaluation, TrainSettings } from '../../contract/training';
import { compileGraph } from '../../../engine/graph/compile';
import type { Graph } from '../../../engine/graph/document';
import { column, oneHot } from '../../../engine/data/dataset';
import type { Encoded } from '../../../engine/data/encode';
import type { ImageShape, PixelGrid } from '../../../engine/data/image';
import type { BackendPreference } from '../../../engine/train/backend-choice';
import type { ScheduleConfig } from '../../../engine/optimizers/schedules';
import {
  Trainer,
  type FitOptions,
  type FitResult,
  type FitSettings,
} from '../../../engine/train/trainer';
import type { ModelSpec } from '../../../engine/train/spec';
import { weightStats } from '../../../engine/train/weight-stats';
import { augmentConfig } from './augment-config';
import { evaluateSplit } from './evaluate';
import { chooseTrainingBackend } from './gpu';
import type { Matrix, ModelState, StartMessage } from './protocol';
import type { TrainingData } from './service';

/** The encoded splits of a ready dataset and what training needs to know about it. */
export interface RunData {
  train: Encoded;
  validation: Encoded;
  test: Encoded;
  task: 'classification' | 'regression';
  classNames: string[] | null;
  features: number;
  /** The pixel grid of a shape over the file's number columns (absent: the inputs are pixels). */
  pixelGrid?(shape: ImageShape): PixelGrid;
}

/** What a run needs of a loaded dataset: its three encoded splits and its task. */
export function runDataOf(
  data: Pick<TrainingData, 'describe' | 'encodeSplit'> & Partial<Pick<TrainingData, 'pixelGrid'>>,
  id: string,
): RunData {
  const grid = data.pixelGrid;
  return {
    ...data.describe(id),
    ...(grid ? { pixelGrid: (shape: ImageShape) => grid(id, shape) } : {}),
    train: data.encodeSplit(id, 'train'),
    validation: data.encodeSplit(id, 'validation'),
    test: data.encodeSplit(id, 'test'),
  };
}

export interface PreparedRun {
  spec: ModelSpec;
  start: StartMessage;
  /** Regression: y = (target − mean) / std; 1 and 0 for classification. */
  targetStd: number;
  targetMean: number;
  /** Identifies the training data (rows and targets as encoded). */
  datasetHash: string;
}

/** Refuses (AppError BAD_REQUEST) what cannot train: image shape, graph problems, no rows. */
export function prepareRun(
  data: RunData,
  graph: Graph,
  settings: TrainSettings,
  backend: BackendPreference,
): PreparedRun {
  const image = settings.augment?.image;
  const pixels = image && data.pixelGrid ? data.pixelGrid(image) : null;
  if (image && !pixels && image.width * image.height * image.channels !== data.features) {
    throw new AppError(
      'BAD_REQUEST',
      `Rows as images: ${image.width} × ${image.height} × ${image.channels} = ${image.width * image.height * image.channels} values, but the data has ${data.features} features.`,
    );
  }
  const classes = data.classNames?.length ?? null;
  const compiled = compileGraph(graph, {
    features: data.features,
    ...(data.task === 'classification' && classes ? { classes } : { targets: 1 }),
    l1: settings.l1,
    l2: settings.l2,
  });
  if (!compiled.ok) {
    const first = compiled.problems[0];
    throw new AppError(
      'BAD_REQUEST',
      `The network cannot train yet: ${first?.message ?? 'it has problems'}`,
      { problems: compiled.problems },
    );
  }
  const { train, validation, test } = data;
  if (train.rows === 0) throw new AppError('BAD_REQUEST', 'The training split has no rows.');
  const loss = compiled.spec.loss;
  const toSet = (e: Encoded) => {
    const x: Matrix = { rows: e.rows, cols: e.width, data: e.x };
    // Class targets are one-hot for CCE, and for MSE too (one output unit per class).
    const y =
      loss === 'cce' || (loss === 'mse' && data.task === 'classification' && classes)
        ? oneHot(e.y, classes ?? 2)
        : column(Float32Array.from(e.y as ArrayLike<number>));
    return { x, y };
  };
  return {
    spec: compiled.spec,
    start: {
      type: 'start',
      spec: compiled.spec,
      settings,
      backend,
      train: toSet(train),
      validation: validation.rows ? toSet(validation) : null,
      test: test.rows ? toSet(test) : null,
      classNames: data.classNames,
      pixels,
    },
    targetStd: train.targetScale?.std ?? 1,
    targetMean: train.targetScale?.mean ?? 0,
    datasetHash: createHash('sha256')
      .update(new Uint8Array(train.x.buffer, train.x.byteOffset, train.x.byteLength))
      .update(new Uint8Array(train.y.buffer, train.y.byteOffset, train.y.byteLength))
      .digest('hex')
      .slice(0, 16),
  };
}

/** Chooses the backend (measured for auto) and builds the run's trainer on it. */
export async function openTrainer(
  msg: StartMessage,
): Promise<{ trainer: Trainer; backend: RunBackend }> {
  const s = msg.settings;
  const choice = await chooseTrainingBackend({
    preference: msg.backend,
    spec: msg.spec,
    train: msg.train,
    batchSize: s.batchSize,
    optimizer: { name: s.optimizer, lr: s.lr },
  });
  const { kind, kernel, renderer, reason } = choice;
  const trainer = new Trainer(msg.spec, {
    backend: choice.backend,
    seed: s.seed,
    maxBatch: s.batchSize,
  });
  return { trainer, backend: { backend: kind, kernel, renderer, reason } };
}

/** Trains on the start message's data with the app's settings; hooks are the host's. */
export function fitRun(
  trainer: Trainer,
  msg: StartMessage,
  hooks: Pick<
    FitOptions,
    'onEvent' | 'control' | 'yieldToHost' | 'yieldEveryMs' | 'batchEvery' | 'diagnostics'
  >,
): Promise<FitResult> {
  return trainer.fit(msg.train, {
    ...fitSettings(msg.settings, msg.pixels),
    ...(msg.validation ? { validation: msg.validation } : {}),
    ...hooks,
  });
}

export function fitSettings(s: TrainSettings, pixels: PixelGrid | null = null): FitSettings {
  const augment = augmentConfig(s.augment, s.seed, pixels);
  return {
    epochs: s.epochs,
    batchSize: s.batchSize,
    optimizer: { name: s.optimizer, lr: s.lr },
    ...(s.schedule !== 'constant' ? { schedule: scheduleFor(s) } : {}),
    shuffle: true,
    ...(s.earlyStopping
      ? {
          earlyStopping: {
            patience: s.earlyStopping.patience,
            minDelta: s.earlyStopping.minDelta,
            restoreBest: s.earlyStopping.restoreBest,
          },
        }
      : {}),
    ...(augment ? { augment } : {}),
  };
}

function scheduleFor(s: TrainSettings): ScheduleConfig {
  switch (s.schedule) {
    case 'step':
      return { kind: 'step', every: Math.max(1, Math.round(s.epochs / 3)), gamma: 0.5 };
    case 'exponential':
      return { kind: 'exponential', gamma: 0.97 };
    case 'cosine':
      return { kind: 'cosine', epochs: s.epochs, minLr: 0 };
    default:
      return { kind: 'constant' };
  }
}

/** The model as it is now: evaluation (scaled units), weight statistics and the weights. */
export function modelState(trainer: Trainer, msg: StartMessage): ModelState {
  const evaluation = msg.test
    ? evaluateSplit(trainer, msg.test, 'test', msg.classNames)
    : msg.validation
      ? evaluateSplit(trainer, msg.validation, 'validation', msg.classNames)
      : null;
  const stats = weightStats(trainer.network).map(({ layer: _layer, ...s }) => s);
  const finite = stats.every((s) => [s.min, s.max, s.mean, s.std].every(Number.isFinite));
  return { evaluation, weightStats: finite ? stats : null, weights: trainer.network.getWeights() };
}

/** An evaluation's MAE and predicted/actual pairs in the target's own units. */
export function inUnits(e: RunEvaluation | null, std: number, mean: number): RunEvaluation | null {
  if (!e || e.metrics.mae === undefined) return e;
  return {
    ...e,
    metrics: { ...e.metrics, mae: e.metrics.mae * std },
    pairs: e.pairs?.map(([a, p]) => [a * std + mean, p * std + mean] as [number, number]) ?? null,
  };
}

/** NaN/∞ metrics (a diverged epoch) travel as null: JSON has no NaN. */
export function cleanMetrics(
  m: { loss: number; acc?: number; mae?: number; r2?: number },
  targetStd = 1,
) {
  const f = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    loss: f(m.loss),
    ...(m.acc !== undefined && Number.isFinite(m.acc) ? { acc: m.acc } : {}),
    // Trained on the standardized target: MAE goes back to the target's units (R² needs nothing).
    ...(m.mae !== undefined && Number.isFinite(m.mae) ? { mae: m.mae * targetStd } : {}),
    ...(m.r2 !== undefined ? { r2: f(m.r2) } : {}),
  };
}
