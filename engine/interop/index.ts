/**
 * Model export: a trained network and its preprocessing → the files of one export folder
 * (ONNX, TF.js Layers, a PyTorch script or a Keras 3 script), each with a README,
 * reference_predictions.json (raw rows and Layerlab's outputs) and a check the user can run.
 * Pure: text and bytes out; the caller writes them (electron/backend/export).
 */
import { ONNX_CHECK_MJS, TFJS_CHECK_MJS } from './check-js';
import type { ExportInput, ExportModel } from './model';
import { ONNX_ML_OPSET, ONNX_OPSET, onnxModel } from './onnx';
import { LAYERLAB_DATA_PY } from './python-data';
import { checkParityScript, kerasScript } from './python-keras';
import { torchScript } from './python-torch';
import { readmeFor } from './readme';
import { concatFloats, tfjsModel } from './tfjs';

export { buildExportModel } from './build';
export type { ExportInput, ExportModel, ReferenceRow } from './model';
export { preprocessingOf, type Preprocessing } from './preprocessing';
export { referencePredictions } from './reference';
export { referenceRecords, tableCsv } from './rows';

export const EXPORT_FORMATS = ['onnx', 'tfjs', 'pytorch', 'keras'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Largest difference from Layerlab's outputs that a check accepts. */
export const PARITY_TOLERANCE = 1e-5;

export interface ExportFile {
  path: string;
  data: string | Uint8Array;
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

function referenceFile(input: ExportInput, version: string): string {
  const t = input.model.preprocessing.target;
  return json({
    format: 'layerlab-reference',
    producer: `Layerlab ${version}`,
    tolerance: PARITY_TOLERANCE,
    compare:
      t.task === 'classification'
        ? 'probabilities (and the predicted class)'
        : 'value, in training scale: (value - mean) / std',
    testMetrics: input.testMetrics,
    rows: input.reference,
  });
}

/** Weights in Layerlab's layout for the Python scripts (kernel inputs × units). */
function pythonWeights(model: ExportModel): ExportFile[] {
  const parts: Float32Array[] = [];
  const layers: { kernel: number[]; bias: boolean }[] = [];
  for (const l of model.layers) {
    if (l.type !== 'dense') continue;
    parts.push(l.kernel);
    if (l.bias) parts.push(l.bias);
    layers.push({ kernel: [l.inputs, l.units], bias: l.bias !== null });
  }
  return [
    { path: 'weights.bin', data: concatFloats(parts) },
    { path: 'weights.json', data: json({ file: 'weights.bin', dtype: 'float32-le', layers }) },
  ];
}

/** Every file of the export folder for `format`. */
export function exportFiles(
  input: ExportInput,
  format: ExportFormat,
  version: string,
): ExportFile[] {
  const { model } = input;
  const common: ExportFile[] = [
    { path: 'README.md', data: readmeFor(format, model, { opset: ONNX_OPSET, ml: ONNX_ML_OPSET }) },
    { path: 'preprocessing.json', data: json(model.preprocessing) },
    { path: 'reference_predictions.json', data: referenceFile(input, version) },
  ];
  switch (format) {
    case 'onnx':
      return [
        ...common,
        { path: 'model.onnx', data: onnxModel(model, version) },
        { path: 'check.mjs', data: ONNX_CHECK_MJS },
      ];
    case 'tfjs': {
      const { modelJson, weights } = tfjsModel(model, version);
      return [
        ...common,
        { path: 'model.json', data: modelJson + '\n' },
        { path: 'group1-shard1of1.bin', data: weights },
        { path: 'check.mjs', data: TFJS_CHECK_MJS },
      ];
    }
    case 'pytorch':
    case 'keras': {
      const script = format === 'pytorch' ? 'train_torch' : 'train_keras';
      const data: ExportFile[] = input.data
        ? [
            { path: 'data.csv', data: input.data.csv },
            { path: 'splits.json', data: JSON.stringify(input.data.splits) + '\n' },
          ]
        : [];
      return [
        ...common,
        ...pythonWeights(model),
        ...data,
        { path: 'layerlab_data.py', data: LAYERLAB_DATA_PY },
        {
          path: `${script}.py`,
          data: format === 'pytorch' ? torchScript(model) : kerasScript(model),
        },
        { path: 'check_parity.py', data: checkParityScript(script) },
      ];
    }
  }
}
