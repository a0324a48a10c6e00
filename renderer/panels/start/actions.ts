/**
 * What the start screen does, outside React: a new project from a sample (or the user's CSV)
 * and a template, a recent project, a lesson. Each asks before discarding unsaved work, as
 * File ▸ New and Open do.
 */
import type { RendererPlatform } from '../../src/platform';
import type { ProjectActions } from '../../src/projectFiles';
import { laidOutTemplate, TEMPLATES } from '../../canvas/templates';
import { isDirty } from '../../store/project';
import { useDataStore } from '../../store/data';
import { useGraphStore } from '../../store/graph';
import { isTraining, useTrainingStore } from '../../store/training';
import { useUiStore } from '../../store/ui';
import { openPath, openSample } from '../data/actions';

/** The data a new project starts with: a bundled sample, a CSV the user picks, or none. */
export type DataChoice = { kind: 'sample'; name: string } | { kind: 'csv' } | { kind: 'none' };

/** The network it starts with: a template's id, or an empty canvas. */
export type NetworkChoice = string | 'empty';

const CSV_FILTERS = [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }];

/**
 * A new document with the chosen data and network. The data comes first: a template's output
 * layer depends on the number of classes. Returns false when the user kept their unsaved work.
 */
export async function createProject(
  platform: RendererPlatform,
  files: ProjectActions,
  data: DataChoice,
  network: NetworkChoice,
  fit: () => void,
): Promise<boolean> {
  await files.newProject();
  // New asked and the user kept their work, or a training runs (New said so): stop here.
  if (isDirty() || isTraining(useTrainingStore.getState())) return false;
  const { api } = platform;
  if (data.kind !== 'none') useUiStore.getState().showTab('data');
  if (data.kind === 'sample') await openSample(api, data.name);
  if (data.kind === 'csv') {
    const path = await platform.pickFile({ title: 'Open a CSV file', filters: CSV_FILTERS });
    if (path) await openPath(api, path);
  }
  const template = TEMPLATES.find((t) => t.id === network);
  if (template) {
    const classes = useDataStore.getState().shape?.classes ?? null;
    useGraphStore.getState().replaceGraph(laidOutTemplate(template, classes));
    // The starting network of a new project is not an edit to undo.
    useGraphStore.temporal.getState().clear();
    requestAnimationFrame(fit);
  }
  return true;
}
