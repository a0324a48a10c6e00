/**
 * File ▸ Import model…: the file picker, then models:import; the graph replaces the canvas in one
 * undoable step (replaceGraph) and the main side adopts weights that fit the open dataset. A
 * refused file is one notice and leaves the document as it was.
 */
import { plural } from '../../src/plural';
import { MODEL_IMPORT_EXTENSIONS, type ImportSummary } from '../../../electron/contract/models';
import { describeError } from '../../src/errors';
import type { RendererPlatform } from '../../src/platform';
import { useDataStore } from '../../store/data';
import { useGraphStore } from '../../store/graph';
import { isTraining, useTrainingStore } from '../../store/training';
import { useUiStore } from '../../store/ui';

export const MODEL_FILTERS = [
  { name: 'Models (TF.js, Keras, ONNX)', extensions: [...MODEL_IMPORT_EXTENSIONS] },
];

function describe(s: ImportSummary, adopted: boolean | null): string {
  const what = { tfjs: 'TF.js', keras: 'Keras', onnx: 'ONNX' }[s.format];
  const parts = [
    `Imported the ${what} model${s.name ? ` "${s.name}"` : ''}: ${plural(s.denseLayers, 'Dense layer')}`,
  ];
  if (s.features !== null) parts.push(plural(s.features, 'input'));
  parts.push(plural(s.outputs, 'output'));
  let text = parts.join(', ') + '.';
  if (adopted === true) text += ' Its weights are in use for Predict.';
  else if (adopted === false)
    text += ` Its weights take ${s.features === null ? 'another number of inputs' : plural(s.features, 'input')}; choose a dataset with that many encoded columns to use them, or train.`;
  else text += ' It has no weights: choose a dataset and train it.';
  return [text, ...s.notes].join(' ');
}

export async function importModelFile(platform: RendererPlatform): Promise<void> {
  const ui = useUiStore.getState();
  if (isTraining(useTrainingStore.getState())) {
    ui.notify('Stop the training first.', 'error');
    return;
  }
  try {
    const path = await platform.pickFile({ title: 'Import a model', filters: MODEL_FILTERS });
    if (!path) return;
    const datasetId = useDataStore.getState().summary?.id;
    const r = await platform.api.invoke('models:import', {
      path,
      ...(datasetId ? { datasetId } : {}),
    });
    useGraphStore.getState().replaceGraph(r.graph);
    ui.notify(describe(r.summary, r.weights ? r.weights.adopted : null));
  } catch (err) {
    ui.notify(describeError(err), 'error');
  }
}
