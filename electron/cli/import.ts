/**
 * `layerlab import FILE --out P.layerlab [--json]`: a TF.js model.json, a Keras .json / .keras
 * config or an ONNX model as a new project: the graph laid out for the canvas and its weights,
 * no dataset (the app asks for one when the project is opened). An existing --out is refused, and
 * nothing is written when the model is refused.
 */
import { stat } from 'node:fs/promises';
import { writeFileAtomic } from '../backend/files/atomic';
import { importedProjectText, importModelFile } from '../backend/models/import';
import { parseFlags, str } from './args';
import { dataError, EXIT, usage } from './errors';
import type { Io } from './io';

export const IMPORT_USAGE = `usage: layerlab import FILE --out PROJECT.layerlab [--json]
FILE is a TF.js Layers model.json (its weight files beside it), a Keras model config (.json, or a
.keras archive: the config only) or an ONNX feed-forward model (.onnx). Writes a new project with
the network and its weights and no dataset; open it in Layerlab and choose one.`;

const FLAGS = { out: { type: 'string' }, json: { type: 'boolean' } } as const;

export async function runImport(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(argv, FLAGS, 'import');
  if (v.help) {
    io.out(IMPORT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw usage('give one model FILE to import (layerlab import --help)');
  const file = positionals[0]!;
  const out = str(v.out);
  if (out === undefined) throw usage('--out PROJECT.layerlab is required');
  if (!/\.layerlab$/i.test(out)) throw usage('--out must end in .layerlab');
  if (await stat(out).catch(() => null))
    throw dataError(`"${out}" exists already; choose a new project file`);
  const m = await importModelFile(file, file);
  await writeFileAtomic(out, importedProjectText(m));
  const s = m.summary;
  if (v.json === true) io.json({ event: 'imported', file, out, ...s });
  else {
    io.out(
      `imported ${file} (${s.format}) to ${out}: ${s.nodes} nodes, ${s.denseLayers} Dense layers` +
        `${s.features === null ? '' : `, ${s.features} inputs`}, ${s.outputs} outputs, ` +
        `${s.hasWeights ? `${s.parameters} weights` : 'no weights (train it in Layerlab)'}`,
    );
    for (const n of s.notes) io.out(`note: ${n}`);
  }
  return EXIT.ok;
}
