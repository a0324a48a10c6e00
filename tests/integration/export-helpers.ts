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
  size: { rows: number; epochs: number } = { rows: 1500, epochs: 25 },
): Promise<{ file: string; trained: Trained }> {
  const trained = await trainProject(task, size);
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
    weights: packed.weights,
  };
  const file = path.join(dir, `${task}.layerlab`);
  writeFileSync(file, serializeProject(project));
  return { file, trained };
}
