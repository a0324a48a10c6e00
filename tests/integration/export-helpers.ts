/**
 * Saved, trained projects for the export tests: trained through the engine (helpers of the
 * unit tests), written as real .layerlab files with the dataset embedded and the weights packed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  packWeights,
  serializeProject,
  type Project,
} from '../../engine/graph/project';
import type { TrainSettings } from '../../electron/contract/training';
import { embedBytes } from '../../electron/backend/projects/io';
import {
  datasetOptions,
  trainProject,
  type Task,
  type Trained,
} from '../unit/engine/interop/helpers';

export const PYTHON = '/usr/bin/python3';

/** Whether /usr/bin/python3 can import these modules. */
export function pythonHas(...modules: string[]): boolean {
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], {
    encoding: 'utf8',
  });
  return r.status === 0;
}

export async function saveTrainedProject(
  dir: string,
  task: Task,
  size: { rows: number; epochs: number } = { rows: 3000, epochs: 25 },
): Promise<{ file: string; trained: Trained }> {
  // Settings beyond the defaults, so the scripts' schedules and early stopping are exercised
  // (patience 10: the app's default when early stopping is turned on).
  const settings: Partial<TrainSettings> =
    task === 'classification'
      ? { schedule: 'cosine', earlyStopping: { patience: 10, minDelta: 0, restoreBest: true } }
      : { schedule: 'step', optimizer: 'momentum' };
  const trained = await trainProject(task, { ...size, settings });
  const bytes = new TextEncoder().encode(trained.csv);
  const packed = packWeights(trained.graph, trained.spec.inputs, trained.weights, 'run1');
  if (!packed.ok) throw new Error(packed.message);
  const project: Project = {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    app: { name: 'Layerlab', version: 'test' },
    graph: trained.graph,
    dataset: {
      name: `${task}.csv`,
      source: await embedBytes(bytes),
      options: datasetOptions(task),
    },
    training: { ...trained.settings },
    runs: [],
    sweeps: [],
    weights: packed.weights,
  };
  const file = path.join(dir, `${task}.layerlab`);
  writeFileSync(file, serializeProject(project));
  return { file, trained };
}
