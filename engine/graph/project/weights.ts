/**
 * Trained weights in a project: which tensors a graph needs (from the compiled ModelSpec, without
 * building a network), packing Float32Arrays into the saved form, and checking and unpacking them
 * when a file is opened (names, shapes, byte sizes, finite values).
 *
 * Order and names follow the runtime Network's `params`: for the n-th Dense layer (1-based),
 * `denseN.W` (inputs × units, row-major) then `denseN.b` (units) when the layer uses a bias.
 */
import type { ModelSpec } from '../../train/spec';
import { compileGraph } from '../compile';
import type { Graph } from '../document';
import { base64Size, bytesToFloat32, decodeBase64, encodeBase64, float32ToBytes } from './bytes';
import { MAX_WEIGHT_VALUES, type ProjectWeights } from './schema';

export interface ExpectedTensor {
  name: string;
  node: string;
  shape: number[];
  size: number;
}

export type ExpectedWeights =
  | { ok: true; spec: ModelSpec; tensors: ExpectedTensor[]; total: number }
  | { ok: false; message: string };

/** The tensors a network compiled from `graph` for `features` inputs has, in params order. */
export function expectedWeights(graph: Graph, features: number): ExpectedWeights {
  const compiled = compileGraph(graph, { features });
  if (!compiled.ok) {
    const first = compiled.problems[0];
    return {
      ok: false,
      message: `the graph does not compile${first ? ` (${first.message})` : ''}, so it cannot hold trained weights`,
    };
  }
  const tensors: ExpectedTensor[] = [];
  let width = features;
  let n = 0;
  let total = 0;
  for (const layer of compiled.spec.layers) {
    if (layer.type !== 'dense') continue;
    n++;
    const node = layer.nodeIds?.[0] ?? `dense${n}`;
    tensors.push({
      name: `dense${n}.W`,
      node,
      shape: [width, layer.units],
      size: width * layer.units,
    });
    total += width * layer.units;
    if (layer.useBias) {
      tensors.push({ name: `dense${n}.b`, node, shape: [layer.units], size: layer.units });
      total += layer.units;
    }
    width = layer.units;
  }
  return { ok: true, spec: compiled.spec, tensors, total };
}

export type WeightsCheck =
  | { ok: true; spec: ModelSpec; arrays: Float32Array[] }
  | { ok: false; message: string; path: string };

/**
 * Checks saved weights against the graph and decodes them. Sizes are compared before anything is
 * decoded, so a file claiming huge tensors costs nothing.
 */
export function checkWeights(graph: Graph, weights: ProjectWeights): WeightsCheck {
  const expected = expectedWeights(graph, weights.features);
  if (!expected.ok) return { ok: false, message: `weights: ${expected.message}.`, path: 'weights' };
  if (expected.total > MAX_WEIGHT_VALUES) {
    return {
      ok: false,
      path: 'weights',
      message: `weights: the network would have ${expected.total} weights; the limit is ${MAX_WEIGHT_VALUES}.`,
    };
  }
  if (weights.tensors.length !== expected.tensors.length) {
    return {
      ok: false,
      path: 'weights.tensors',
      message: `weights.tensors: the graph has ${expected.tensors.length} weight arrays, the file has ${weights.tensors.length}.`,
    };
  }
  const arrays: Float32Array[] = [];
  for (let i = 0; i < expected.tensors.length; i++) {
    const want = expected.tensors[i]!;
    const got = weights.tensors[i]!;
    const at = `weights.tensors[${i}]`;
    if (got.name !== want.name || got.node !== want.node) {
      return {
        ok: false,
        path: at,
        message: `${at}: expected "${want.name}" of node "${want.node}", found "${got.name}" of node "${got.node}".`,
      };
    }
    if (got.shape.length !== want.shape.length || got.shape.some((d, k) => d !== want.shape[k])) {
      return {
        ok: false,
        path: `${at}.shape`,
        message: `${at}.shape: ${want.name} must be ${want.shape.join('×')} for this graph, the file says ${got.shape.join('×')}.`,
      };
    }
    if (base64Size(got.data) !== want.size * 4) {
      return {
        ok: false,
        path: `${at}.data`,
        message: `${at}.data: ${want.name} needs ${want.size} float32 values (${want.size * 4} bytes), the data has ${base64Size(got.data)} bytes.`,
      };
    }
    let values: Float32Array;
    try {
      values = bytesToFloat32(decodeBase64(got.data));
    } catch (err) {
      return { ok: false, path: `${at}.data`, message: `${at}.data: ${(err as Error).message}.` };
    }
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k]!)) {
        return {
          ok: false,
          path: `${at}.data`,
          message: `${at}.data: ${want.name} holds ${values[k]} at index ${k}; weights must be finite numbers.`,
        };
      }
    }
    arrays.push(values);
  }
  return { ok: true, spec: expected.spec, arrays };
}

/**
 * Packs weight arrays (in params order) for saving; null with a reason when they do not fit the
 * graph (e.g. the graph was edited after training).
 */
export function packWeights(
  graph: Graph,
  features: number,
  arrays: readonly Float32Array[],
  runId: string | null,
): { ok: true; weights: ProjectWeights } | { ok: false; message: string } {
  const expected = expectedWeights(graph, features);
  if (!expected.ok)
    return { ok: false, message: `The weights were not saved: ${expected.message}.` };
  if (arrays.length !== expected.tensors.length) {
    return {
      ok: false,
      message: `The weights were not saved: the graph has ${expected.tensors.length} weight arrays, the trained network ${arrays.length} (was the graph changed after training?).`,
    };
  }
  const tensors: ProjectWeights['tensors'] = [];
  for (let i = 0; i < arrays.length; i++) {
    const want = expected.tensors[i]!;
    const a = arrays[i]!;
    if (a.length !== want.size) {
      return {
        ok: false,
        message: `The weights were not saved: ${want.name} has ${a.length} values, the graph needs ${want.size} (was the graph changed after training?).`,
      };
    }
    for (let k = 0; k < a.length; k++) {
      if (!Number.isFinite(a[k]!))
        return { ok: false, message: `The weights were not saved: ${want.name} holds ${a[k]}.` };
    }
    tensors.push({
      name: want.name,
      node: want.node,
      shape: want.shape,
      data: encodeBase64(float32ToBytes(a)),
    });
  }
  return { ok: true, weights: { runId, features, dtype: 'float32-le', tensors } };
}
