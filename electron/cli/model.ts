/** A saved project's trained model, on the data it was trained with (same encoder, same split). */
import type { DatasetSummary } from '../../engine/data/types';
import { Trainer } from '../../engine/train/trainer';
import type { TrainedModel } from '../backend/training/service';
import type { OpenedProject } from '../contract/projects';
import { Session } from './data';
import { dataError } from './errors';

export interface SavedModel {
  session: Session;
  opened: OpenedProject;
  summary: DatasetSummary;
  model: TrainedModel;
  /** A CPU trainer holding the saved weights. */
  trainer: Trainer;
}

export async function openModel(project: string): Promise<SavedModel> {
  const session = new Session();
  const { opened, summary } = await session.openProject(project);
  const model = session.model;
  if (!opened.weights || !model)
    throw dataError(
      `${project} has no trained weights: train it first (layerlab train --project ${project} --save)`,
    );
  if (model.spec.inputs !== summary.encoding.features)
    throw dataError(
      `${project}: the weights take ${model.spec.inputs} inputs, but its dataset now encodes to ${summary.encoding.features}; train again`,
    );
  // The app's own batch size: evaluation then sums in the same chunks as the app's.
  const trainer = new Trainer(model.spec, { seed: 0, maxBatch: opened.training.batchSize });
  trainer.network.setWeights(model.weights);
  return { session, opened, summary, model, trainer };
}
