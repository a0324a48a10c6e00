/**
 * What the project service needs from the dataset store and the training service: the bytes
 * and options of a loaded dataset, the latest trained weights, and the way back (loading a
 * project's dataset and weights). Kept here so neither side imports the other.
 */
import { AppError, datasetOptionsPatchSchema } from '../contract';
import type { ProjectSources } from './projects';
import type { DatasetStore } from './datasets/store';
import type { TrainingService } from './training/service';

/** Where a loaded dataset came from: a file (read again when saved) or text the renderer sent. */
export interface DatasetOrigin {
  name: string;
  path: string | null;
  bytes: Uint8Array | null;
}

export interface ProjectSourcesWithOrigins extends ProjectSources {
  /** Remember where a dataset came from, when it is opened. */
  remember(id: string, origin: DatasetOrigin): void;
}

export function projectSources(
  store: DatasetStore,
  training: Pick<TrainingService, 'latestModel' | 'adoptModel'>,
): ProjectSourcesWithOrigins {
  const origins = new Map<string, DatasetOrigin>();
  let lastOpened: string | null = null;
  return {
    remember(id, origin) {
      origins.set(id, origin);
    },
    datasetContent(id) {
      const origin = origins.get(id);
      if (!origin) return null;
      const entry = store.get(id);
      return { ...origin, options: entry.options as unknown as Record<string, unknown> };
    },
    latestWeights() {
      const m = training.latestModel();
      return m ? { runId: m.runId, features: m.spec.inputs, weights: m.weights } : null;
    },
    async openDataset(input) {
      const options = datasetOptionsPatchSchema.safeParse(input.options);
      if (!options.success) {
        const issue = options.error.issues[0];
        throw new AppError(
          'BAD_REQUEST',
          `The project's dataset settings are invalid: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}.`,
        );
      }
      const summary = await store.load({
        name: input.name,
        size: input.bytes.byteLength,
        bytes: input.bytes,
        options: options.data,
      });
      origins.set(summary.id, {
        name: input.name,
        path: input.path,
        bytes: input.path ? null : input.bytes,
      });
      lastOpened = summary.id;
      return { id: summary.id, summary };
    },
    restoreWeights(input) {
      if (!lastOpened) return;
      training.adoptModel({
        runId: input.runId ?? 'saved',
        datasetId: lastOpened,
        spec: input.spec,
        weights: input.weights,
      });
    },
  };
}
