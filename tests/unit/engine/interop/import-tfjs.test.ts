/** A model built and saved with @tensorflow/tfjs itself (not by Layerlab) imports and predicts like tfjs. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { importModel } from '../../../../engine/interop/import';
import { Rng } from '../../../../engine/data/rng';
import { maxDiff, predictImported, shapeOf } from './import-helpers';

/** model.json and its shard, as tf.io would write them, through a custom save handler. */
async function save(model: tf.LayersModel): Promise<{ json: Uint8Array; bin: Uint8Array }> {
  let out: { json: Uint8Array; bin: Uint8Array } | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const json = {
        format: 'layers-model',
        generatedBy: 'tfjs test',
        modelTopology: a.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
      };
      out = {
        json: new TextEncoder().encode(JSON.stringify(json)),
        bin: new Uint8Array(a.weightData as ArrayBuffer),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

describe('a tf.sequential model saved by tfjs', () => {
  it('imports as its layers and predicts like tfjs does', async () => {
    tf.setBackend('cpu');
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [5], units: 7, activation: 'relu' }),
        tf.layers.dropout({ rate: 0.25 }),
        tf.layers.dense({ units: 6, activation: 'tanh', useBias: false }),
        tf.layers.leakyReLU({ alpha: 0.2 }),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const { json, bin } = await save(model);
    const m = importModel({
      name: 'model.json',
      bytes: json,
      sidecars: new Map([['weights.bin', bin]]),
    });
    expect(shapeOf(m.graph)).toEqual([
      'input',
      'dense:7',
      'relu',
      'dropout:0.25',
      'dense:6:nobias',
      'tanh',
      'leaky_relu:0.2',
      'dense:3',
      'softmax',
      'output',
    ]);
    const rng = new Rng(3);
    const rows = 16;
    const x = Float32Array.from({ length: rows * 5 }, () => rng.float() * 4 - 2);
    const want = (await (
      model.predict(tf.tensor2d(x, [rows, 5])) as tf.Tensor
    ).array()) as number[][];
    const diff = maxDiff(predictImported(m, x, rows), want);
    console.log(`tfjs-made model vs import: max abs diff ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-5);
  });
});
