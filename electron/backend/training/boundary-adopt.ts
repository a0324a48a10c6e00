/**
 * The decision boundary of a network nobody trained in this session — a reopened project's saved
 * weights, or an imported model: its dataset's encoded splits as the worker's boundary data, so
 * the Boundary tab and the neuron thumbnails show what it learned before any training.
 */
import { AppError } from '../../contract';
import { column, oneHot } from '../../../engine/data/dataset';
import type { Encoded } from '../../../engine/data/encode';
import { outputSize, type ModelSpec } from '../../../engine/train/spec';
import type { BoundaryData } from './boundary-eval';
import type { Matrix } from './protocol';
import type { RunData } from './setup';

export interface AdoptedBoundary {
  data: BoundaryData;
  targetStd: number;
  targetMean: number;
}

/** Refuses (AppError) a network whose inputs the dataset's encoding no longer has. */
export function adoptedBoundary(run: RunData, spec: ModelSpec): AdoptedBoundary {
  if (spec.inputs !== run.features)
    throw new AppError(
      'BAD_REQUEST',
      `The saved network takes ${spec.inputs} inputs but the dataset now encodes ${run.features}; train again to see its boundary.`,
    );
  const classes = run.classNames?.length ?? 0;
  const outputs = outputSize(spec);
  const toSet = (e: Encoded) => {
    const x: Matrix = { rows: e.rows, cols: e.width, data: e.x };
    // Targets as training shaped them: one-hot for several outputs, else one column.
    const y =
      run.task === 'classification' && outputs > 1
        ? oneHot(e.y, Math.max(classes, outputs))
        : column(Float32Array.from(e.y as ArrayLike<number>));
    return { x, y };
  };
  return {
    data: {
      train: toSet(run.train),
      validation: run.validation.rows ? toSet(run.validation) : null,
      classNames: run.classNames,
    },
    targetStd: run.train.targetScale?.std ?? 1,
    targetMean: run.train.targetScale?.mean ?? 0,
  };
}
