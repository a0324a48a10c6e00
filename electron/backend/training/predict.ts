/**
 * One typed row → features → the last trained model → class probabilities or a value in the
 * target's units. The row is encoded with the dataset's fitted encoder (training statistics):
 * missing cells take the imputed value, an unseen category encodes as all zeros (and says so).
 */
import type { Encoder } from '../../../engine/data/encode';
import { parseBoolean } from '../../../engine/data/csv/cells';
import { Trainer } from '../../../engine/train/trainer';
import { predictRow } from '../../../engine/train/evaluate';
import type { ModelSpec } from '../../../engine/train/spec';
import { AppError, type ResponseOf } from '../../contract';

type Prediction = ResponseOf<'training:predict'>;

export function encodeRecord(
  enc: Encoder,
  values: Record<string, string>,
): { features: number[]; notes: string[] } {
  const features: number[] = [];
  const notes: string[] = [];
  for (const f of enc.features) {
    const raw = (values[f.name] ?? '').trim();
    if (f.kind === 'categorical') {
      const key = raw === '' ? String(f.fill) : raw;
      const at = f.index?.get(key);
      if (at === undefined)
        notes.push(
          `"${key}" was never seen in ${f.name} during training: it counts as none of the known categories.`,
        );
      for (let i = 0; i < (f.categories?.length ?? 0); i++) features.push(i === at ? 1 : 0);
      continue;
    }
    let v =
      raw === ''
        ? Number.NaN
        : f.kind === 'boolean'
          ? parseBoolean(raw)
          : Number(raw.replace(',', '.'));
    if (!Number.isFinite(v)) {
      if (raw !== '')
        notes.push(
          `${f.name}: "${raw}" is not a number, so the typical value ${Number(f.fill).toPrecision(4)} was used.`,
        );
      v = Number(f.fill);
    }
    features.push((v - f.center) / f.scale);
  }
  return { features, notes };
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
