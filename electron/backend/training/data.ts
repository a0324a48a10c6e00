/** Adapts the dataset store to what training needs (encoded splits and the task). */
import { pixelGrid } from '../../../engine/data/image';
import { AppError } from '../../contract';
import type { DatasetStore } from '../datasets/store';
import type { TrainingData } from './service';

export function trainingDataFrom(store: DatasetStore): TrainingData {
  return {
    encodeSplit: (id, split) => store.encodeSplit(id, split),
    encoder(id) {
      const enc = store.get(id).prepared.encoder;
      if (!enc)
        throw new AppError('BAD_REQUEST', 'The dataset has problems to fix before it can be used.');
      return enc;
    },
    pixelGrid(id, shape) {
      const { loaded, prepared } = store.get(id);
      if (!prepared.encoder)
        throw new AppError('BAD_REQUEST', 'The dataset has problems to fix before it can be used.');
      try {
        return pixelGrid(prepared.summary.columns, loaded.table.columns, prepared.encoder, shape);
      } catch (err) {
        const what = err instanceof Error ? err.message : String(err);
        throw new AppError('BAD_REQUEST', `${loaded.source.name}: ${what}.`);
      }
    },
    rows(id, split, positions) {
      const { loaded, prepared } = store.get(id);
      const order = prepared.splits?.[split];
      if (!order) throw new AppError('BAD_REQUEST', 'The dataset has no splits yet.');
      const table = loaded.table;
      return {
        file: loaded.source.name,
        header: table.header,
        rows: positions
          .filter((p) => p < order.length)
          .map((p) => {
            const r = order[p]!;
            return { line: table.lines[r] ?? r + 1, values: table.columns.map((c) => c.text(r)) };
          }),
      };
    },
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
