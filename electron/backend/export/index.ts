/**
 * exportProject: a saved, trained project → an export folder (ONNX, TF.js Layers, PyTorch or
 * Keras 3), written atomically. Electron-free, for the CLI and the app alike. The preprocessing
 * is the dataset's fitted encoder (training statistics) and the reference predictions are the
 * engine's own outputs for raw test rows, so the folder's check compares against Layerlab.
 */
import path from 'node:path';
import {
  EXPORT_FORMATS,
  buildExportModel,
  exportFiles,
  preprocessingOf,
  referencePredictions,
  referenceRecords,
  tableCsv,
  type ExportFormat,
  type ExportInput,
} from '../../../engine/interop';
import { column, oneHot, type Dataset } from '../../../engine/data/dataset';
import { matOf } from '../../../engine/backend/backend';
import { Trainer } from '../../../engine/train/trainer';
import { AppError } from '../../contract';
import { APP_VERSION } from '../version';
import { loadProject, refuse, type LoadedProject } from './load';
import { writeFolderAtomically } from './write';

export { EXPORT_FORMATS, type ExportFormat };

export interface ExportRequest {
  projectPath: string;
  format: ExportFormat;
  outDir: string;
}

export interface ExportResult {
  outDir: string;
  format: ExportFormat;
  files: string[];
  /** Layerlab's metrics on the test split (null without test rows). */
  testMetrics: Record<string, number> | null;
}

export async function exportProject(req: ExportRequest): Promise<ExportResult> {
  if (!EXPORT_FORMATS.includes(req.format))
    throw new AppError(
      'BAD_REQUEST',
      `"${String(req.format)}" is not an export format; use ${EXPORT_FORMATS.join(', ')}.`,
      { problem: 'bad_format' },
    );
  const project = await loadProject(req.projectPath);
  const input = exportInput(project);
  const files = exportFiles(input, req.format, APP_VERSION);
  await writeFolderAtomically(req.outDir, files);
  return {
    outDir: path.resolve(req.outDir),
    format: req.format,
    files: files.map((f) => f.path),
    testMetrics: input.testMetrics,
  };
}

/** Everything the engine's exporter needs, from a loaded project. */
export function exportInput(p: LoadedProject): ExportInput {
  const { prepared, loaded } = p.dataset;
  const enc = prepared.encoder;
  const splits = prepared.splits;
  if (!enc || !splits)
    throw refuse(
      p.file,
      'dataset_problems',
      `"${p.file}": the dataset has problems to fix in the Data panel before the model can be exported.`,
    );
  if (p.spec.inputs !== enc.width)
    throw refuse(
      p.file,
      'stale_weights',
      `"${p.file}": the weights take ${p.spec.inputs} inputs but the dataset now encodes ${enc.width} columns; train again before exporting.`,
    );
  const pre = preprocessingOf(enc, loaded.table.dialect.decimalComma);
  const s = p.opened.training;
  const model = buildExportModel({
    name: p.file.replace(/\.layerlab$/i, ''),
    spec: p.spec,
    weights: p.weights,
    preprocessing: pre,
    training: {
      epochs: s.epochs,
      batchSize: s.batchSize,
      optimizer: s.optimizer,
      lr: s.lr,
      schedule: s.schedule,
      seed: s.seed,
      earlyStopping: s.earlyStopping,
    },
  });
  // Reference rows come from the test split (else validation, else training) of the table.
  const rows = [splits.test, splits.validation, splits.train].find((r) => r.length > 0)!;
  const records = referenceRecords(loaded.table, pre, rows);
  return {
    model,
    reference: referencePredictions(p.spec, p.weights, pre, records),
    testMetrics: testMetrics(p),
    // A separate test file is not part of the table: then the scripts evaluate on no test rows.
    data: {
      csv: tableCsv(loaded.table),
      splits: {
        train: Array.from(splits.train),
        validation: Array.from(splits.validation),
        test: prepared.test ? [] : Array.from(splits.test),
      },
    },
  };
}

function testMetrics(p: LoadedProject): Record<string, number> | null {
  const e = p.store.encodeSplit(p.datasetId, 'test');
  if (e.rows === 0) return null;
  const t = p.dataset.prepared.encoder!.target;
  const classes = t.task === 'classification' ? t.classes.length : 0;
  // As the training service builds targets: one-hot rows for cce, a column otherwise.
  const y = classes && p.spec.loss === 'cce' ? oneHot(e.y, classes) : column(e.y);
  const data: Dataset = { x: matOf(e.rows, e.width, e.x), y };
  const trainer = new Trainer(p.spec, { seed: 0, maxBatch: 256 });
  trainer.network.setWeights(p.weights);
  const m = trainer.evaluate(data);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m))
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}
