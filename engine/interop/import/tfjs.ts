/**
 * TF.js Layers models: `model.json` (a Keras topology and a weights manifest) and its binary
 * shards. The shard names come from the untrusted file, so only plain relative names are
 * accepted (the caller reads them next to model.json); every weight's shape and dtype is checked
 * and the shard bytes must be exactly what the manifest lists.
 */
import { z } from 'zod';
import { ImportError, MAX_IMPORT_VALUES, shapeSize } from './errors';
import { kerasModel, type KerasModel } from './keras';
import { checkFinite } from './layers';

const shardPath = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (p) =>
      /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(p) &&
      !p.split('/').some((s) => s === '..' || s === '.'),
    'must be a plain file name next to model.json',
  );

const manifestSchema = z
  .array(
    z.object({
      paths: z.array(shardPath).min(1).max(1000),
      weights: z
        .array(
          z
            .object({
              name: z.string().min(1).max(500),
              shape: z.array(z.number()).max(8),
              dtype: z.string().max(20),
              quantization: z.unknown().optional(),
            })
            .passthrough(),
        )
        .max(10_000),
    }),
  )
  .max(100);

export const modelJsonSchema = z
  .object({
    format: z.string().max(100).optional(),
    modelTopology: z.unknown(),
    weightsManifest: manifestSchema.optional(),
  })
  .passthrough();

export type ModelJson = z.infer<typeof modelJsonSchema>;

/** Checks the parsed model.json; the error names its first wrong field. */
export function parseModelJson(file: string, value: unknown): ModelJson {
  const r = modelJsonSchema.safeParse(value);
  if (!r.success || r.data.modelTopology === undefined) {
    const issue = r.success ? null : r.error.issues[0];
    throw new ImportError(
      'BAD_FILE',
      `${file}: this is not a TF.js Layers model.json (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'it has no modelTopology'}).`,
    );
  }
  if (r.data.format !== undefined && r.data.format !== 'layers-model')
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the model.json is a "${r.data.format}" model; Layerlab imports TF.js Layers models ("layers-model").`,
      { format: r.data.format },
    );
  return r.data;
}

/** The shard files model.json lists, in order (names relative to its folder). */
export function shardPaths(json: ModelJson): string[] {
  return (json.weightsManifest ?? []).flatMap((g) => g.paths);
}

/** The model, with weights from `shards` (file name → bytes) when the manifest lists any. */
export function tfjsModel(
  file: string,
  json: ModelJson,
  shards: ReadonlyMap<string, Uint8Array>,
): KerasModel {
  const groups = json.weightsManifest ?? [];
  const weights = new Map<string, Float32Array>();
  let total = 0;
  for (const g of groups) {
    const parts = g.paths.map((p) => {
      const b = shards.get(p);
      if (!b)
        throw new ImportError('BAD_FILE', `${file}: the weight file "${p}" it lists is missing.`, {
          path: p,
        });
      return b;
    });
    const size = parts.reduce((s, p) => s + p.length, 0);
    let need = 0;
    const sizes = g.weights.map((w) => {
      if (w.dtype !== 'float32' || w.quantization !== undefined)
        throw new ImportError(
          'UNSUPPORTED',
          `${file}: weight "${w.name}" is ${w.quantization !== undefined ? 'quantized' : w.dtype}; Layerlab imports float32 weights.`,
          { weight: w.name },
        );
      const n = shapeSize(w.shape, `weight "${w.name}"`, file);
      total += n;
      if (total > MAX_IMPORT_VALUES)
        throw new ImportError(
          'TOO_LARGE',
          `${file}: the weights hold more than ${MAX_IMPORT_VALUES} values; that is the import limit.`,
        );
      need += n * 4;
      return n;
    });
    if (need !== size)
      throw new ImportError(
        'BAD_FILE',
        `${file}: the manifest lists ${need} bytes of weights in ${g.paths.join(', ')}, the files hold ${size} bytes.`,
        { expected: need, found: size },
      );
    const bytes = concat(parts, size);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let o = 0;
    g.weights.forEach((w, i) => {
      const n = sizes[i]!;
      const a = new Float32Array(n);
      for (let k = 0; k < n; k++, o += 4) a[k] = view.getFloat32(o, true);
      if (weights.has(w.name))
        throw new ImportError('BAD_FILE', `${file}: the weight "${w.name}" is listed twice.`, {
          weight: w.name,
        });
      weights.set(w.name, checkFinite(file, `weight "${w.name}"`, a));
    });
  }
  const used = new Set<string>();
  const weightOf =
    groups.length === 0
      ? null
      : (layer: string, kind: 'kernel' | 'bias') => {
          const key = `${layer}/${kind}`;
          const w = weights.get(key);
          if (w) used.add(key);
          return w ?? null;
        };
  const model = kerasModel(file, json.modelTopology, weightOf);
  const unused = [...weights.keys()].filter((k) => !used.has(k));
  if (unused.length > 0)
    model.notes.push(
      `The weights ${unused.slice(0, 5).join(', ')}${unused.length > 5 ? ', …' : ''} belong to no layer and were ignored.`,
    );
  return model;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
