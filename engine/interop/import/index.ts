/**
 * Importing a model made elsewhere: a TF.js Layers model.json (with its weight shards), a Keras
 * config (.json, or config.json in a .keras archive) or an ONNX feed-forward model becomes a
 * canvas graph and project weights. Everything here is pure: the caller reads the file and, for
 * model.json, the shards `sidecarFiles` names (relative to its folder), within MAX_MODEL_BYTES.
 */
import { parseJsonSafely } from '../../graph/project/json';
import { ImportError, MAX_KERAS_CONFIG_BYTES, MAX_MODEL_BYTES } from './errors';
import { kerasModel } from './keras';
import { buildImport, type ImportedModel } from './layers';
import { onnxImport } from './onnx';
import { parseModelJson, shardPaths, tfjsModel } from './tfjs';
import { readZipEntry, type InflateRaw } from './zip';

export * from './errors';
export type { ImportedModel, ImportFormat, ImportSummary } from './layers';
export type { InflateRaw } from './zip';

export const IMPORT_EXTENSIONS = ['json', 'keras', 'onnx'] as const;

export interface ImportFile {
  /** The file's name as shown in messages. */
  name: string;
  bytes: Uint8Array;
  /** model.json's weight shards by the names it lists. */
  sidecars?: ReadonlyMap<string, Uint8Array>;
  /** Raw deflate with an output cap, for .keras archives. */
  inflateRaw?: InflateRaw;
}

const extOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

function jsonOf(file: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'BAD_FILE',
      `${file}: the file is not UTF-8 text, so it is no JSON model.`,
    );
  }
  const r = parseJsonSafely(text);
  if (!r.ok) throw new ImportError('BAD_FILE', `${file}: ${r.problem.message}`);
  return r.value;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The weight files a model.json lists (empty for other files), to read before importing. */
export function sidecarFiles(name: string, bytes: Uint8Array): string[] {
  if (extOf(name) !== 'json' || bytes.length > MAX_MODEL_BYTES) return [];
  const value = jsonOf(name, bytes);
  if (!isObject(value) || !('modelTopology' in value)) return [];
  return shardPaths(parseModelJson(name, value));
}

export function importModel(f: ImportFile): ImportedModel {
  const file = f.name;
  if (f.bytes.length > MAX_MODEL_BYTES)
    throw new ImportError(
      'TOO_LARGE',
      `${file}: the file is ${f.bytes.length} bytes; the limit is ${MAX_MODEL_BYTES}.`,
      {
        size: f.bytes.length,
        limit: MAX_MODEL_BYTES,
      },
    );
  const ext = extOf(file);
  if (ext === 'onnx') {
    const m = onnxImport(file, f.bytes);
    return buildImport(file, m.layers, { format: 'onnx', ...m });
  }
  if (ext === 'keras') {
    const config = readZipEntry(
      file,
      f.bytes,
      'config.json',
      MAX_KERAS_CONFIG_BYTES,
      f.inflateRaw ?? null,
    );
    const m = kerasModel(`${file} (config.json)`, jsonOf(`${file} (config.json)`, config), null);
    return buildImport(file, m.layers, {
      format: 'keras',
      ...m,
      notes: [
        ...m.notes,
        'The .keras weights (model.weights.h5) are not read: train the network in Layerlab.',
      ],
    });
  }
  if (ext === 'json') {
    const value = jsonOf(file, f.bytes);
    if (isObject(value) && 'modelTopology' in value) {
      const json = parseModelJson(file, value);
      const m = tfjsModel(file, json, f.sidecars ?? new Map());
      return buildImport(file, m.layers, { format: 'tfjs', ...m });
    }
    const m = kerasModel(file, value, null);
    return buildImport(file, m.layers, { format: 'keras', ...m });
  }
  throw new ImportError(
    'UNSUPPORTED',
    `${file}: Layerlab imports TF.js model.json files, Keras .json or .keras configs and .onnx models; this file has neither extension.`,
  );
}
