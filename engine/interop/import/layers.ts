/**
 * The common step of every importer: a flat list of layers (what Keras, TF.js and ONNX files
 * describe) becomes a canvas graph, one node per layer from Input down to Output, laid out in a
 * column, with its weights in the project's format. The graph compiler then checks the whole, so
 * an import that Layerlab could not train or predict with is refused here, naming the node.
 */
import type { ActivationFn, Graph, GraphNode, Initializer } from '../../graph/document';
import { compileGraph } from '../../graph/compile';
import { validateGraph } from '../../graph/validate';
import { packWeights } from '../../graph/project/weights';
import type { ProjectWeights } from '../../graph/project/schema';
import { ImportError, MAX_IMPORT_LAYERS, MAX_IMPORT_VALUES } from './errors';

export type ImportLayer =
  | {
      type: 'dense';
      /** The layer's or node's name in the file (for messages and the summary). */
      name: string;
      units: number;
      useBias: boolean;
      initializer: Initializer;
      l1: number | null;
      l2: number | null;
      /** inputs × units, row-major (Layerlab's layout); null when the file has no weights. */
      kernel: Float32Array | null;
      bias: Float32Array | null;
    }
  | { type: 'activation'; name: string; fn: ActivationFn; alpha: number }
  | { type: 'dropout'; name: string; rate: number }
  | { type: 'softmax'; name: string };

export type ImportFormat = 'tfjs' | 'keras' | 'onnx';

export interface ImportSummary {
  format: ImportFormat;
  /** The model's name in the file, when it has one. */
  name: string | null;
  /** Input width, when the file declares it or its weights imply it. */
  features: number | null;
  /** Feature column names, when the file names them (a Layerlab ONNX export). */
  featureNames: string[] | null;
  outputs: number;
  /** Canvas nodes created, Input and Output included. */
  nodes: number;
  denseLayers: number;
  parameters: number | null;
  hasWeights: boolean;
  /** Things the import dropped or assumed, in plain words. */
  notes: string[];
}

export interface ImportedModel {
  graph: Graph;
  /** The weights in the project format (runId null), or null when the file carries none. */
  weights: ProjectWeights | null;
  summary: ImportSummary;
}

/** Where the column of nodes starts on the canvas and how far apart the nodes are. */
const COLUMN = { x: 240, top: 60, step: 110 } as const;

/** Graph, weights and summary from the layers a file describes. */
export function buildImport(
  file: string,
  layers: readonly ImportLayer[],
  info: {
    format: ImportFormat;
    name: string | null;
    features: number | null;
    featureNames?: string[] | null;
    notes?: string[];
  },
): ImportedModel {
  if (layers.length > MAX_IMPORT_LAYERS)
    throw new ImportError(
      'TOO_LARGE',
      `${file}: the model has ${layers.length} layers; Layerlab imports at most ${MAX_IMPORT_LAYERS}.`,
      { layers: layers.length, limit: MAX_IMPORT_LAYERS },
    );
  const denses = layers.filter((l) => l.type === 'dense');
  if (denses.length === 0)
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the model has no Dense (fully connected) layer, so there is nothing Layerlab can train or predict with.`,
    );
  const withWeights = denses.filter((l) => l.kernel !== null).length;
  if (withWeights !== 0 && withWeights !== denses.length)
    throw new ImportError(
      'BAD_FILE',
      `${file}: only ${withWeights} of the ${denses.length} Dense layers have weights.`,
    );
  const first = denses[0]!;
  const features = info.features ?? (first.kernel ? first.kernel.length / first.units : null);
  if (features !== null) checkWidths(file, layers, features);

  const count: Record<string, number> = {};
  const nodes: GraphNode[] = [];
  const add = (n: Omit<GraphNode, 'id' | 'position'>): void => {
    const k = (count[n.kind] = (count[n.kind] ?? 0) + 1);
    const position = { x: COLUMN.x, y: COLUMN.top + nodes.length * COLUMN.step };
    nodes.push({ ...n, id: `${n.kind}_${k}`, position } as GraphNode);
  };
  add({ kind: 'input', params: {} });
  for (const l of layers) {
    if (l.type === 'dense')
      add({
        kind: 'dense',
        params: {
          units: l.units,
          useBias: l.useBias,
          initializer: l.initializer,
          l1: l.l1,
          l2: l.l2,
        },
      });
    else if (l.type === 'activation')
      add({ kind: 'activation', params: { fn: l.fn, alpha: l.alpha } });
    else if (l.type === 'dropout') add({ kind: 'dropout', params: { rate: l.rate } });
    else add({ kind: 'softmax', params: {} });
  }
  add({ kind: 'output', params: { loss: 'auto' } });
  const graph: Graph = {
    nodes,
    edges: nodes.slice(1).map((n, i) => ({
      id: `edge_${i + 1}`,
      source: nodes[i]!.id,
      target: n.id,
    })),
  };
  // The file's layer behind each node, for messages about the graph as a whole.
  const origin = (nodeId: string | null): string => {
    const i = nodes.findIndex((n) => n.id === nodeId);
    const l = i >= 1 ? layers[i - 1] : undefined;
    return l ? ` (from "${l.name}")` : '';
  };
  const problems =
    features === null
      ? validateGraph(graph, {}).problems
      : (() => {
          const c = compileGraph(graph, { features });
          return c.ok ? [] : c.problems;
        })();
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the imported network would not run in Layerlab: ${p.message}${origin(p.nodeId ?? null)}`,
      { node: p.nodeId, code: p.code },
    );
  }

  let weights: ProjectWeights | null = null;
  if (withWeights > 0 && features !== null) {
    const arrays: Float32Array[] = [];
    for (const l of denses) {
      arrays.push(l.kernel!);
      if (l.useBias) arrays.push(l.bias!);
    }
    const packed = packWeights(graph, features, arrays, null);
    if (!packed.ok) throw new ImportError('BAD_FILE', `${file}: ${packed.message}`);
    weights = packed.weights;
  }
  return {
    graph,
    weights,
    summary: {
      format: info.format,
      name: info.name,
      features,
      featureNames: info.featureNames ?? null,
      outputs: denses[denses.length - 1]!.units,
      nodes: nodes.length,
      denseLayers: denses.length,
      parameters:
        features === null
          ? null
          : denses.reduce(
              (s, l, i) =>
                s +
                (i === 0 ? features : denses[i - 1]!.units) * l.units +
                (l.useBias ? l.units : 0),
              0,
            ),
      hasWeights: weights !== null,
      notes: info.notes ?? [],
    },
  };
}

/**
 * Checks every Dense's weights against the width flowing into it (before anything is packed),
 * so a file whose kernels do not chain is refused naming the layer.
 */
function checkWidths(file: string, layers: readonly ImportLayer[], features: number): void {
  let width = features;
  let total = 0;
  for (const l of layers) {
    if (l.type !== 'dense') continue;
    total += width * l.units + (l.useBias ? l.units : 0);
    if (total > MAX_IMPORT_VALUES)
      throw new ImportError(
        'TOO_LARGE',
        `${file}: the network would have more than ${MAX_IMPORT_VALUES} weights (at Dense layer "${l.name}"); that is the import limit.`,
        { layer: l.name, limit: MAX_IMPORT_VALUES },
      );
    if (l.kernel && l.kernel.length !== width * l.units)
      throw new ImportError(
        'BAD_FILE',
        `${file}: Dense layer "${l.name}" gets ${width} inputs and has ${l.units} units, so its kernel needs ${width * l.units} values; the file has ${l.kernel.length}.`,
        { layer: l.name, expected: width * l.units, found: l.kernel.length },
      );
    if (l.useBias && l.kernel && l.bias?.length !== l.units)
      throw new ImportError(
        'BAD_FILE',
        `${file}: Dense layer "${l.name}" has ${l.units} units, so its bias needs ${l.units} values; the file has ${l.bias?.length ?? 0}.`,
        { layer: l.name, expected: l.units, found: l.bias?.length ?? 0 },
      );
    width = l.units;
  }
}

/** Refuses a weight array holding NaN or ±Infinity. */
export function checkFinite(file: string, what: string, values: Float32Array): Float32Array {
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i]!))
      throw new ImportError(
        'BAD_FILE',
        `${file}: ${what} holds ${values[i]} at index ${i}; weights must be finite numbers.`,
        { what, index: i },
      );
  return values;
}
