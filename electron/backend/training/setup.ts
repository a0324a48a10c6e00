/**
 * The one run setup shared by the app's training (service + worker), sweeps and the `layerlab`
 * CLI, so all produce the same numbers for the same project and seed:
 *
 *   prepareRun  encoded splits + graph + settings → compiled spec and the worker's start message
 *               (classes for classification, one scaled target for regression);
 *   inUnits     regression metrics back in the target's own units;
 *   openTrainer, fitRun, modelState, cleanMetrics: the worker's side, in run.ts.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../contract';
import type { RunEvaluation, TrainSettings } from '../../contract/training';
import { compileGraph } from '../../../engine/graph/compile';
import type { Graph } from '../../../engine/graph/document';
import { column, oneHot } from '../../../engine/data/dataset';
import type { Encoded } from '../../../engine/data/encode';
import type { ImageShape, PixelGrid } from '../../../engine/data/image';
import type { BackendPreference } from '../../../engine/train/backend-choice';
import type { ModelSpec } from '../../../engine/train/spec';
import type { Matrix, StartMessage } from './protocol';
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

/** An evaluation's MAE and predicted/actual pairs in the target's own units. */
export function inUnits(e: RunEvaluation | null, std: number, mean: number): RunEvaluation | null {
  if (!e || e.metrics.mae === undefined) return e;
  return {
    ...e,
    metrics: { ...e.metrics, mae: e.metrics.mae * std },
    pairs: e.pairs?.map(([a, p]) => [a * std + mean, p * std + mean] as [number, number]) ?? null,
  };
}
