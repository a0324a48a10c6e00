/**
 * Layerlab's own predictions for raw rows: the rows are encoded with the preprocessing (the
 * fitted encoder's values) and run through the engine's network, as the app's Predict panel
 * does (electron/backend/training/predict.ts). These are the numbers every export must match.
 */
import type { RawRecord } from '../data/predict';
import { predictRow } from '../train/evaluate';
import type { ModelSpec } from '../train/spec';
import { Trainer } from '../train/trainer';
import type { ReferenceRow } from './model';
import { encodeRaw, type Preprocessing } from './preprocessing';

export function referencePredictions(
  spec: ModelSpec,
  weights: readonly Float32Array[],
  pre: Preprocessing,
  records: readonly Record<string, string>[],
): ReferenceRow[] {
  const trainer = new Trainer(spec, { seed: 0, maxBatch: 1 });
  trainer.network.setWeights(weights);
  return records.map((inputs) => {
    const x = encodeRaw(pre, inputs as RawRecord);
    const p = predictRow(trainer, Array.from(x));
    const t = pre.target;
    if (t.task === 'classification') {
      const k = p.predictedClass;
      return {
        inputs: { ...inputs },
        probabilities: p.probabilities ?? null,
        predicted: k !== undefined ? (t.classes[k] ?? String(k)) : null,
        value: null,
      };
    }
    return {
      inputs: { ...inputs },
      probabilities: null,
      predicted: null,
      value: (p.outputs[0] ?? 0) * t.std + t.mean,
    };
  });
}
