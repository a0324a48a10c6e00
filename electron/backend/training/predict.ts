/**
 * One typed row → features → the last trained model → class probabilities or a value in the
 * target's units. The row is encoded with the dataset's fitted encoder (training statistics):
 * missing cells take the imputed value, an unseen category encodes as all zeros (and says so).
 */
import type { Encoder } from '../../../engine/data/encode';
import { isMissing, parseBoolean, parseNumber } from '../../../engine/data/csv/cells';
import { canonical, encodeRecord as encodeDatasetRecord } from '../../../engine/data/predict';
import { Trainer } from '../../../engine/train/trainer';
import { predictRow } from '../../../engine/train/evaluate';
import type { ModelSpec } from '../../../engine/train/spec';
import { AppError, type ResponseOf } from '../../contract';

type Prediction = ResponseOf<'training:predict'>;

/**
 * The dataset's own record encoder (engine/data/predict.ts), plus a note for each cell it could
 * not use. A form has no file dialect, so a decimal comma typed in a number reads as a point.
 */
export function encodeRecord(
  enc: Encoder,
  values: Record<string, string>,
): { features: number[]; notes: string[] } {
  const record: Record<string, string> = {};
  const notes: string[] = [];
  for (const f of enc.features) {
    const typed = (values[f.name] ?? '').trim();
    const raw = f.index ? typed : typed.replace(',', '.');
    record[f.name] = raw;
    if (isMissing(raw)) continue;
    if (f.index) {
      const key = canonical(raw, false);
      if (!f.index.has(key))
        notes.push(
          `"${key}" was never seen in ${f.name} during training: it counts as none of the known categories.`,
        );
    } else if (
      Number.isNaN(parseNumber(raw, false)) &&
      (f.kind !== 'boolean' || Number.isNaN(parseBoolean(raw)))
    ) {
      notes.push(
        `${f.name}: "${typed}" is not a number, so the typical value ${Number(f.fill).toPrecision(4)} was used.`,
      );
    }
  }
  return { features: Array.from(encodeDatasetRecord(enc, record)), notes };
}

export function predictRecord(
  enc: Encoder,
  spec: ModelSpec,
  weights: readonly Float32Array[],
  values: Record<string, string>,
): Prediction {
  const { features, notes } = encodeRecord(enc, values);
  if (features.length !== spec.inputs) {
    throw new AppError(
      'BAD_REQUEST',
      'The dataset settings changed since the model was trained; train again to predict.',
    );
  }
  const trainer = new Trainer(spec, { seed: 0, maxBatch: 1 });
  trainer.network.setWeights(weights);
  const p = predictRow(trainer, features);
  const fields = enc.features.map((f) => ({
    name: f.name,
    kind: f.kind,
    categories: f.categories,
    typical: typeof f.fill === 'number' ? String(Number(f.fill.toPrecision(6))) : f.fill,
  }));
  if (enc.target.task === 'classification') {
    const names = enc.target.classes;
    return {
      fields,
      classNames: names,
      probabilities: p.probabilities ?? null,
      predicted:
        p.predictedClass !== undefined
          ? (names[p.predictedClass] ?? String(p.predictedClass))
          : null,
      value: null,
      notes,
    };
  }
  const scaled = p.outputs[0] ?? 0;
  return {
    fields,
    classNames: null,
    probabilities: null,
    predicted: null,
    value: scaled * enc.target.std + enc.target.mean,
    notes,
  };
}
