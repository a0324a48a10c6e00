/**
 * A project file, opened the way the app opens it (ProjectService: the defensive parser, the
 * app's settings schema, the dataset through the dataset store with its saved import options,
 * the weights checked against the graph), held for an export instead of a window.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelSpec } from '../../../engine/train/spec';
import { AppError, datasetOptionsPatchSchema } from '../../contract';
import type { OpenedProject } from '../../contract/projects';
import { DatasetStore, type Entry } from '../datasets/store';
import { GrantedAccess } from '../files/access';
import { ProjectService } from '../projects/service';
import type { ProjectSources } from '../projects/sources';
import { APP_VERSION } from '../version';

export interface LoadedProject {
  /** The project's file name, as shown in messages. */
  file: string;
  opened: OpenedProject;
  store: DatasetStore;
  datasetId: string;
  dataset: Entry;
  spec: ModelSpec;
  weights: Float32Array[];
}

export async function loadProject(projectPath: string): Promise<LoadedProject> {
  const abs = path.resolve(projectPath);
  const file = path.basename(abs);
  const store = new DatasetStore();
  let datasetId: string | null = null;
  let trained: { spec: ModelSpec; weights: Float32Array[] } | null = null;
  const sources: ProjectSources = {
    datasetContent: () => null,
    latestWeights: () => null,
    async openDataset(input) {
      const options = datasetOptionsPatchSchema.safeParse(input.options);
      if (!options.success) {
        const issue = options.error.issues[0];
        throw new AppError(
          'BAD_REQUEST',
          `the dataset settings are invalid: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
        );
      }
      const summary = await store.load({
        name: input.name,
        size: input.bytes.byteLength,
        bytes: input.bytes,
        options: options.data,
      });
      datasetId = summary.id;
      return { id: summary.id, summary };
    },
    restoreWeights(input) {
      trained = { spec: input.spec, weights: input.weights };
    },
  };
  const access = new GrantedAccess();
  access.grant(abs);
  const service = new ProjectService(
    access,
    {
      mode: 'desktop',
      version: APP_VERSION,
      workspace: null,
      recoveryDir: path.join(tmpdir(), 'layerlab-export-recovery'),
      // The user named this project to export: its linked dataset may be read.
      confirmLinkedDataset: async () => true,
    },
    sources,
  );
  const opened = await service.open(abs);
  const status = opened.dataset;
  if (!status)
    throw refuse(file, 'no_dataset', `"${file}" has no dataset, so it has nothing to export.`);
  if (status.status !== 'loaded' || datasetId === null)
    throw refuse(
      file,
      'dataset_' + status.status,
      `"${file}": ${'message' in status ? status.message : 'its dataset could not be loaded'}`,
    );
  if (!trained)
    throw refuse(
      file,
      'no_weights',
      `"${file}" holds no trained weights: train the network and save the project, then export.`,
    );
  const t = trained as { spec: ModelSpec; weights: Float32Array[] };
  return {
    file,
    opened,
    store,
    datasetId,
    dataset: store.get(datasetId),
    spec: t.spec,
    weights: t.weights,
  };
}

export function refuse(file: string, problem: string, message: string): AppError {
  return new AppError('BAD_REQUEST', message, { file, problem });
}
