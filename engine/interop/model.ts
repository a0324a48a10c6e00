/**
 * What an export carries: the trained network as a flat list of inference layers (Dense with its
 * fused activation and effective λ, standalone activations, Dropout), the output head implied by
 * the loss, the weights in Layerlab's layout (kernel inputs × units, row-major), the
 * preprocessing and the training settings the scripts retrain with.
 */
import type { ActivationKind } from '../backend/backend';
import type { Initializer } from '../graph/document';
import type { ModelSpec } from '../train/spec';
import type { Preprocessing } from './preprocessing';

export type ExportLayer =
  | {
      type: 'dense';
      units: number;
      inputs: number;
      useBias: boolean;
      initializer: Initializer;
      activation: ActivationKind;
      alpha: number;
      l1: number;
      l2: number;
      kernel: Float32Array;
      bias: Float32Array | null;
    }
  | { type: 'activation'; fn: ActivationKind; alpha: number }
  | { type: 'dropout'; rate: number };

/** What turns the last layer's output into a prediction (see ModelSpec's loss). */
export type Head = 'softmax' | 'sigmoid' | 'none';

/** The training settings the exported scripts retrain with (the app's TrainSettings). */
export interface ExportTraining {
  epochs: number;
  batchSize: number;
  optimizer: 'sgd' | 'momentum' | 'rmsprop' | 'adam';
  lr: number;
  schedule: 'constant' | 'step' | 'exponential' | 'cosine';
  seed: number;
  earlyStopping: { patience: number; minDelta: number; restoreBest: boolean } | null;
}

export interface ExportModel {
  name: string;
  inputs: number;
  layers: ExportLayer[];
  loss: ModelSpec['loss'];
  head: Head;
  outputs: number;
  preprocessing: Preprocessing;
  training: ExportTraining;
}

/** Raw cells of one row (by column name) and what Layerlab predicts for it. */
export interface ReferenceRow {
  inputs: Record<string, string>;
  /** Class probabilities (classification) or the value in the target's units. */
  probabilities: number[] | null;
  predicted: string | null;
  value: number | null;
}

export interface ExportInput {
  model: ExportModel;
  reference: ReferenceRow[];
  /** Layerlab's metrics on the test split (what a retrained model is compared with). */
  testMetrics: Record<string, number> | null;
  /** The dataset as CSV text and the rows of each split (0-based data rows of that text). */
  data: { csv: string; splits: { train: number[]; validation: number[]; test: number[] } } | null;
}

/** A ModelSpec and its weights (in the Network's params order) as export layers. */
export function exportLayers(spec: ModelSpec, weights: readonly Float32Array[]): ExportLayer[] {
  const out: ExportLayer[] = [];
  let width = spec.inputs;
  let k = 0;
  for (const l of spec.layers) {
    if (l.type === 'dense') {
      const kernel = weights[k++];
      const bias = l.useBias ? weights[k++] : null;
      if (!kernel || kernel.length !== width * l.units || (l.useBias && bias?.length !== l.units))
        throw new RangeError(
          `the weights do not fit dense layer ${out.filter((x) => x.type === 'dense').length + 1} (${width} → ${l.units})`,
        );
      out.push({
        type: 'dense',
        units: l.units,
        inputs: width,
        useBias: l.useBias,
        initializer: l.initializer,
        activation: l.activation,
        alpha: l.alpha,
        l1: l.l1 ?? spec.l1,
        l2: l.l2 ?? spec.l2,
        kernel,
        bias: bias ?? null,
      });
      width = l.units;
    } else if (l.type === 'activation') {
      out.push({ type: 'activation', fn: l.fn, alpha: l.alpha });
    } else {
      out.push({ type: 'dropout', rate: l.rate });
    }
  }
  if (k !== weights.length)
    throw new RangeError(`the model has ${k} weight arrays, ${weights.length} were given`);
  return out;
}

export function headOf(loss: ModelSpec['loss']): Head {
  return loss === 'cce' ? 'softmax' : loss === 'bce' ? 'sigmoid' : 'none';
}
