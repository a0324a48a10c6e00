/**
 * TF.js Layers export: `model.json` (a Keras Sequential config, the format tf.loadLayersModel
 * reads) and one weight shard. Dense keeps its fused activation (relu, sigmoid, tanh; a leaky
 * ReLU becomes a LeakyReLU layer), L1/L2 become kernel regularisers, Dropout stays a layer (an
 * identity at inference), and the head is an Activation layer (softmax or sigmoid), so the
 * model outputs what Layerlab shows: probabilities, or the scaled regression value that
 * preprocessing.json's target mean and std turn back into the target's units.
 */
import type { ExportLayer, ExportModel } from './model';

export const WEIGHTS_FILE = 'group1-shard1of1.bin';

export interface KerasLayer {
  class_name: string;
  config: Record<string, unknown>;
}

const INITIALIZER_CLASS: Record<string, [string, Record<string, unknown>]> = {
  glorot_uniform: ['GlorotUniform', {}],
  glorot_normal: ['GlorotNormal', {}],
  he_normal: ['HeNormal', {}],
  he_uniform: ['HeUniform', {}],
  lecun_normal: ['LeCunNormal', {}],
  lecun_uniform: ['LeCunUniform', {}],
  zeros: ['Zeros', {}],
};

/** The Keras layer list (Sequential config) of the model; names dense_1, dropout_1, … */
export function kerasLayers(model: ExportModel): KerasLayer[] {
  const count: Record<string, number> = {};
  const named = (kind: string) => `${kind}_${(count[kind] = (count[kind] ?? 0) + 1)}`;
  const out: KerasLayer[] = [];
  const act = (fn: string, alpha: number): KerasLayer =>
    fn === 'leaky_relu'
      ? { class_name: 'LeakyReLU', config: { name: named('leaky_re_lu'), alpha } }
      : { class_name: 'Activation', config: { name: named('activation'), activation: fn } };
  for (const l of model.layers) out.push(...layerOf(l, named, act));
  if (model.head !== 'none') out.push(act(model.head, 0));
  // The first layer declares the input width (Keras: batch_input_shape).
  const head = out[0];
  if (head)
    head.config = {
      name: head.config.name,
      batch_input_shape: [null, model.inputs],
      ...head.config,
    };
  return out;
}

function layerOf(
  l: ExportLayer,
  named: (k: string) => string,
  act: (fn: string, alpha: number) => KerasLayer,
): KerasLayer[] {
  if (l.type === 'dropout')
    return [{ class_name: 'Dropout', config: { name: named('dropout'), rate: l.rate } }];
  if (l.type === 'activation') return l.fn === 'linear' ? [] : [act(l.fn, l.alpha)];
  const [cls, cfg] = INITIALIZER_CLASS[l.initializer] ?? ['GlorotUniform', {}];
  const fused = l.activation === 'leaky_relu' ? 'linear' : l.activation;
  const dense: KerasLayer = {
    class_name: 'Dense',
    config: {
      name: named('dense'),
      units: l.units,
      activation: fused,
      use_bias: l.useBias,
      kernel_initializer: { class_name: cls, config: cfg },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer:
        l.l1 > 0 || l.l2 > 0 ? { class_name: 'L1L2', config: { l1: l.l1, l2: l.l2 } } : null,
      trainable: true,
      dtype: 'float32',
    },
  };
  return l.activation === 'leaky_relu' ? [dense, act('leaky_relu', l.alpha)] : [dense];
}

export interface TfjsArtifacts {
  modelJson: string;
  weights: Uint8Array;
}

/** model.json and its weight shard. */
export function tfjsModel(model: ExportModel, producerVersion: string): TfjsArtifacts {
  const layers = kerasLayers(model);
  const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const parts: Float32Array[] = [];
  const denseNames = layers.filter((l) => l.class_name === 'Dense').map((l) => l.config.name);
  let d = 0;
  for (const l of model.layers) {
    if (l.type !== 'dense') continue;
    const name = denseNames[d++] as string;
    specs.push({ name: `${name}/kernel`, shape: [l.inputs, l.units], dtype: 'float32' });
    parts.push(l.kernel);
    if (l.bias) {
      specs.push({ name: `${name}/bias`, shape: [l.units], dtype: 'float32' });
      parts.push(l.bias);
    }
  }
  const weights = concatFloats(parts);
  const json = {
    format: 'layers-model',
    generatedBy: `Layerlab ${producerVersion}`,
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: safeName(model.name), layers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
  };
  return { modelJson: JSON.stringify(json, null, 2), weights };
}

/** float32 arrays back to back, little-endian. */
export function concatFloats(parts: readonly Float32Array[]): Uint8Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total * 4);
  const view = new DataView(out.buffer);
  let o = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++, o += 4) view.setFloat32(o, p[i]!, true);
  return out;
}

/** A Keras-safe model name. */
export function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(s) ? s : `model_${s}`;
}
