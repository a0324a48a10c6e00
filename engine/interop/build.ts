/** Assembling the ExportModel from what a project holds. */
import { outputSize, type ModelSpec } from '../train/spec';
import { exportLayers, headOf, type ExportModel, type ExportTraining } from './model';
import type { Preprocessing } from './preprocessing';

export function buildExportModel(opts: {
  name: string;
  spec: ModelSpec;
  weights: readonly Float32Array[];
  preprocessing: Preprocessing;
  training: ExportTraining;
}): ExportModel {
  const { spec, preprocessing } = opts;
  if (spec.inputs !== preprocessing.width)
    throw new RangeError(
      `the model takes ${spec.inputs} inputs but the dataset encodes ${preprocessing.width} columns; train again before exporting`,
    );
  return {
    name: opts.name,
    inputs: spec.inputs,
    layers: exportLayers(spec, opts.weights),
    loss: spec.loss,
    head: headOf(spec.loss),
    outputs: outputSize(spec),
    preprocessing,
    training: opts.training,
  };
}
