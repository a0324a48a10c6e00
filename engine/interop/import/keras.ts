/**
 * Keras model configs (the `modelTopology` of a TF.js model.json, a Keras `.json`, or the
 * config.json of a `.keras` archive) → import layers. Only a Sequential chain of layers Layerlab
 * has is taken; each layer is checked with zod, and anything else is refused naming the layer.
 * Weights, when the format has them, come from `weightOf` by the layer's name.
 */
import { z } from 'zod';
import type { ActivationFn, Initializer } from '../../graph/document';
import { INITIALIZERS } from '../../graph/document';
import {
  ImportError,
  MAX_IMPORT_LAYERS,
  MAX_UNITS,
  SUPPORTED_ACTIVATIONS,
  SUPPORTED_KERAS,
} from './errors';
import type { ImportLayer } from './layers';

const layerSchema = z.object({
  class_name: z.string().max(200),
  config: z.record(z.string(), z.unknown()),
});
type KerasLayerJson = z.infer<typeof layerSchema>;

const layerList = z.array(layerSchema).max(MAX_IMPORT_LAYERS);

export const topologySchema = z.object({
  class_name: z.string().max(200),
  config: z.union([
    layerList,
    z.object({ name: z.string().max(200).optional(), layers: layerList }).passthrough(),
  ]),
});

const shape = z.array(z.number().int().min(1).max(1_000_000).nullable()).max(8);
const denseConfig = z
  .object({
    units: z.number().int().min(1).max(MAX_UNITS),
    activation: z.string().max(100).nullable().optional(),
    use_bias: z.boolean().optional(),
    kernel_initializer: z.unknown().optional(),
    kernel_regularizer: z.unknown().optional(),
  })
  .passthrough();
const activationConfig = z.object({ activation: z.string().max(100) }).passthrough();
const leakyConfig = z
  .object({
    alpha: z.number().finite().min(0).max(1).optional(),
    negative_slope: z.number().finite().min(0).max(1).optional(),
  })
  .passthrough();
const reluConfig = z
  .object({
    max_value: z.number().nullable().optional(),
    negative_slope: z.number().finite().min(0).max(1).optional(),
    threshold: z.number().optional(),
  })
  .passthrough();
const dropoutConfig = z.object({ rate: z.number().min(0).lt(1) }).passthrough();
const softmaxConfig = z.object({ axis: z.union([z.number(), z.array(z.number())]).optional() });
const regularizer = z.object({
  class_name: z.string(),
  config: z.object({
    l1: z.number().finite().min(0).optional(),
    l2: z.number().finite().min(0).optional(),
  }),
});
const initializer = z.object({ class_name: z.string() });

export interface KerasModel {
  name: string | null;
  /** The input width from InputLayer or the first layer's input shape, when declared. */
  features: number | null;
  layers: ImportLayer[];
  notes: string[];
}

export type WeightOf = (layer: string, weight: 'kernel' | 'bias') => Float32Array | null;

/** The layers of a Keras topology (already JSON-parsed), with weights when `weightOf` gives them. */
export function kerasModel(file: string, topology: unknown, weightOf: WeightOf | null): KerasModel {
  const t = topologySchema.safeParse(topology);
  if (!t.success)
    throw new ImportError(
      'BAD_FILE',
      `${file}: this is not a Keras model config (${t.error.issues[0]?.path.join('.') || 'top level'}: ${t.error.issues[0]?.message}).`,
    );
  if (t.data.class_name !== 'Sequential')
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the model is a "${t.data.class_name}" model; ${SUPPORTED_KERAS}.`,
      { className: t.data.class_name },
    );
  const config = t.data.config;
  const list = Array.isArray(config) ? config : config.layers;
  const name = Array.isArray(config) ? null : (config.name ?? null);
  const out: ImportLayer[] = [];
  const notes: string[] = [];
  let features: number | null = null;
  list.forEach((layer, i) => {
    const lname = layerName(layer, i);
    if (i === 0 || layer.class_name === 'InputLayer') {
      const f = inputWidth(file, layer, lname);
      if (f !== null) features = f;
    }
    out.push(...convert(file, layer, lname, weightOf, notes));
  });
  return { name, features, layers: out, notes };
}

function layerName(layer: KerasLayerJson, i: number): string {
  const n = layer.config.name;
  return typeof n === 'string' && n.length > 0 ? n.slice(0, 200) : `layer ${i + 1}`;
}

/** [null, F] from batch_input_shape / batch_shape, or [F] from input_shape. */
function inputWidth(file: string, layer: KerasLayerJson, name: string): number | null {
  const c = layer.config;
  const raw = c.batch_input_shape ?? c.batch_shape ?? c.input_shape;
  if (raw === undefined || raw === null) return null;
  const s = shape.safeParse(raw);
  const dims = s.success ? (c.input_shape !== undefined ? [null, ...s.data] : s.data) : null;
  if (!dims || dims.length !== 2 || dims[1] === null)
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: layer "${name}" takes inputs of shape ${JSON.stringify(raw)}; Layerlab imports models whose input is a flat row of features, [null, features].`,
      { layer: name },
    );
  return dims[1]!;
}

function parseConfig<T>(
  file: string,
  schema: z.ZodType<T>,
  layer: KerasLayerJson,
  name: string,
): T {
  const r = schema.safeParse(layer.config);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ImportError(
      'BAD_FILE',
      `${file}: ${layer.class_name} layer "${name}": ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not valid'}.`,
      { layer: name },
    );
  }
  return r.data;
}

function convert(
  file: string,
  layer: KerasLayerJson,
  name: string,
  weightOf: WeightOf | null,
  notes: string[],
): ImportLayer[] {
  switch (layer.class_name) {
    case 'InputLayer':
      return [];
    case 'Dense': {
      const c = parseConfig(file, denseConfig, layer, name);
      const useBias = c.use_bias ?? true;
      const kernel = weightOf ? weightOf(name, 'kernel') : null;
      const bias = weightOf && useBias ? weightOf(name, 'bias') : null;
      if (weightOf && !kernel)
        throw new ImportError(
          'BAD_FILE',
          `${file}: the weights have no kernel for Dense layer "${name}".`,
          {
            layer: name,
          },
        );
      if (weightOf && useBias && !bias)
        throw new ImportError(
          'BAD_FILE',
          `${file}: the weights have no bias for Dense layer "${name}".`,
          {
            layer: name,
          },
        );
      const reg = regularizer.safeParse(c.kernel_regularizer);
      const dense: ImportLayer = {
        type: 'dense',
        name,
        units: c.units,
        useBias,
        initializer: initializerOf(c.kernel_initializer),
        l1: reg.success && reg.data.config.l1 ? reg.data.config.l1 : null,
        l2: reg.success && reg.data.config.l2 ? reg.data.config.l2 : null,
        kernel,
        bias,
      };
      return [dense, ...activationLayers(file, c.activation ?? 'linear', name)];
    }
    case 'Activation': {
      const c = parseConfig(file, activationConfig, layer, name);
      return activationLayers(file, c.activation, name);
    }
    case 'ReLU': {
      const c = parseConfig(file, reluConfig, layer, name);
      if ((c.max_value ?? null) !== null || (c.threshold ?? 0) !== 0)
        throw new ImportError(
          'UNSUPPORTED',
          `${file}: ReLU layer "${name}" has a max_value or threshold; Layerlab's ReLU has neither.`,
          { layer: name },
        );
      const slope = c.negative_slope ?? 0;
      return [
        slope > 0
          ? { type: 'activation', name, fn: 'leaky_relu', alpha: slope }
          : { type: 'activation', name, fn: 'relu', alpha: 0.01 },
      ];
    }
    case 'LeakyReLU': {
      const c = parseConfig(file, leakyConfig, layer, name);
      // Keras's own default slope is 0.3.
      return [
        { type: 'activation', name, fn: 'leaky_relu', alpha: c.alpha ?? c.negative_slope ?? 0.3 },
      ];
    }
    case 'Softmax': {
      const c = parseConfig(file, softmaxConfig, layer, name);
      if (
        c.axis !== undefined &&
        c.axis !== -1 &&
        !(Array.isArray(c.axis) && c.axis.length === 1 && c.axis[0] === -1)
      )
        throw new ImportError(
          'UNSUPPORTED',
          `${file}: Softmax layer "${name}" is not over the last axis.`,
          {
            layer: name,
          },
        );
      return [{ type: 'softmax', name }];
    }
    case 'Dropout': {
      const c = parseConfig(file, dropoutConfig, layer, name);
      if (c.rate === 0) notes.push(`Dropout layer "${name}" has rate 0 and was left out.`);
      return c.rate === 0 ? [] : [{ type: 'dropout', name, rate: c.rate }];
    }
    default:
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: layer "${name}" is a ${layer.class_name} layer; ${SUPPORTED_KERAS}.`,
        { layer: name, className: layer.class_name },
      );
  }
}

const FNS: Record<string, ActivationFn | 'softmax'> = {
  linear: 'none',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
};

function activationLayers(file: string, activation: string, name: string): ImportLayer[] {
  const fn = Object.prototype.hasOwnProperty.call(FNS, activation) ? FNS[activation]! : undefined;
  if (fn === undefined)
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: layer "${name}" uses the activation "${activation}"; Layerlab supports ${SUPPORTED_ACTIVATIONS}.`,
      { layer: name, activation },
    );
  if (fn === 'none') return [];
  if (fn === 'softmax') return [{ type: 'softmax', name }];
  return [{ type: 'activation', name, fn, alpha: 0.01 }];
}

const INITIALIZER_NAMES: Record<string, Initializer> = {
  GlorotUniform: 'glorot_uniform',
  GlorotNormal: 'glorot_normal',
  HeNormal: 'he_normal',
  HeUniform: 'he_uniform',
  LeCunNormal: 'lecun_normal',
  LecunNormal: 'lecun_normal',
  LeCunUniform: 'lecun_uniform',
  LecunUniform: 'lecun_uniform',
  Zeros: 'zeros',
};

/** Layerlab's initializer for a Keras one (glorot uniform, Keras's default, for the others). */
function initializerOf(raw: unknown): Initializer {
  if (typeof raw === 'string' && (INITIALIZERS as readonly string[]).includes(raw))
    return raw as Initializer;
  const r = initializer.safeParse(raw);
  const cls = r.success ? r.data.class_name : '';
  return Object.prototype.hasOwnProperty.call(INITIALIZER_NAMES, cls)
    ? INITIALIZER_NAMES[cls]!
    : 'glorot_uniform';
}
