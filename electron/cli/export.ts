/**
 * `layerlab export --project P --format onnx|tfjs|keras|pytorch --out DIR [--json]`: a trained
 * project as a folder another tool runs (electron/backend/export): the model, its preprocessing,
 * reference predictions and a check the user can run. The folder is written whole or not at all;
 * an existing folder with files in it is refused.
 */
import { EXPORT_FORMATS, exportProject, type ExportFormat } from '../backend/export';
import { noPositionals, oneOf, parseFlags, str } from './args';
import { EXIT, usage } from './errors';
import type { Io } from './io';

export const EXPORT_USAGE = `usage: layerlab export --project FILE.layerlab --format ${EXPORT_FORMATS.join('|')} --out DIR [--json]
Writes the project's trained model with its preprocessing (feature order, imputation, one-hot
categories, scaling, target scaling, class names) into DIR: the model files, README.md,
reference_predictions.json (20 raw rows and Layerlab's outputs) and a parity check to run there
(node check.mjs for onnx/tfjs, python3 check_parity.py for pytorch/keras).`;

const FLAGS = {
  project: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function runExport(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(argv, FLAGS, 'export');
  if (v.help) {
    io.out(EXPORT_USAGE);
    return EXIT.ok;
  }
  noPositionals(positionals);
  const projectPath = str(v.project);
  if (projectPath === undefined) throw usage('--project FILE.layerlab is required');
  const format = oneOf('format', v.format, EXPORT_FORMATS) as ExportFormat | undefined;
  if (format === undefined) throw usage(`--format ${EXPORT_FORMATS.join('|')} is required`);
  const outDir = str(v.out);
  if (outDir === undefined) throw usage('--out DIR is required');
  const r = await exportProject({ projectPath, format, outDir });
  if (v.json === true) io.json({ event: 'exported', ...r });
  else {
    io.out(`exported ${projectPath} as ${format} to ${r.outDir}: ${r.files.join(', ')}`);
    if (r.testMetrics)
      io.out(
        `Layerlab's test metrics: ${Object.entries(r.testMetrics)
          .map(([k, x]) => `${k} ${Number(x.toPrecision(6))}`)
          .join('  ')}`,
      );
  }
  return EXIT.ok;
}
