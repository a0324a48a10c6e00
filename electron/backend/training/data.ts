/** Adapts the dataset store to what training needs (encoded splits and the task). */
import { AppError } from '../../contract';
import type { DatasetStore } from '../datasets/store';
import type { TrainingData } from './service';

export function trainingDataFrom(store: DatasetStore): TrainingData {
  return {
    encodeSplit: (id, split) => store.encodeSplit(id, split),
    describe(id) {
      const summary = store.get(id).prepared.summary;
      if (!summary.ready || !summary.target) {
        throw new AppError(
          'BAD_REQUEST',
          `"${summary.file.name}" has problems to fix in the Data panel before training.`,
        );
      }
      return {
        task: summary.target.task,
        classNames: summary.target.task === 'classification' ? summary.target.classes : null,
        features: summary.encoding.features,
      };
    },
  };
}
