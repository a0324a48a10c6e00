/**
 * ONNX (onnxruntime-node) and TF.js Layers (@tensorflow/tfjs) exports of trained projects give
 * Layerlab's predictions on raw CSV rows, gaps and unseen categories included.
 */
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportModel } from '../../../../engine/interop/build';
import type { ExportModel, ReferenceRow } from '../../../../engine/interop/model';
import { onnxModel } from '../../../../engine/interop/onnx';
import { encodeRaw, preprocessingOf } from '../../../../engine/interop/preprocessing';
import { referencePredictions } from '../../../../engine/interop/reference';
import { referenceRecords } from '../../../../engine/interop/rows';
import { tfjsModel } from '../../../../engine/interop/tfjs';
import { trainProject, type Task, type Trained } from './helpers';

const TOL = 1e-5;

/**
 * The network computes in float32, so a regression value in the target's units carries the
 * target's std times float32 rounding: regression is compared in training scale, (v − mean) / std.
 */
function comparable(c: Case, rows: number[][]): number[][] {
  const t = c.model.preprocessing.target;
  return t.task === 'regression' ? rows.map((r) => r.map((v) => (v - t.mean) / t.std)) : rows;
}

interface Case {
  trained: Trained;
  model: ExportModel;
  reference: ReferenceRow[];
}

async function makeCase(task: Task): Promise<Case> {
  const trained = await trainProject(task);
  const pre = preprocessingOf(trained.prepared.encoder!, false);
  const model = buildExportModel({
    name: `${task} project`,
    spec: trained.spec,
    weights: trained.weights,
    preprocessing: pre,
    training: { ...trained.settings },
  });
  const records = referenceRecords(trained.loaded.table, pre, trained.prepared.splits!.test);
  return {
    trained,
    model,
    reference: referencePredictions(trained.spec, trained.weights, pre, records),
  };
}

/** Layerlab's output per row: probabilities, or the value. */
const expected = (r: ReferenceRow) => r.probabilities ?? [r.value!];

async function runOnnx(c: Case): Promise<{ outputs: number[][]; labels: string[] | null }> {
  const session = await ort.InferenceSession.create(onnxModel(c.model, 'test'));
  const rows = c.reference.map((r) => r.inputs);
  const feeds: Record<string, ort.Tensor> = {};
  for (const f of c.model.preprocessing.features) {
    const cells = rows.map((r) => (r[f.name] ?? '').trim());
    feeds[f.name] = f.categories
      ? new ort.Tensor('string', cells, [rows.length, 1])
      : new ort.Tensor(
          'float64',
          Float64Array.from(cells, (s) => (s === '' || s === 'NA' ? NaN : Number(s))),
          [rows.length, 1],
        );
  }
  const out = await session.run(feeds);
  const main = out.probabilities ?? out.value!;
  const width = main.dims[1] as number;
  const data = Array.from(main.data as Float32Array | Float64Array);
  return {
    outputs: rows.map((_, i) => data.slice(i * width, (i + 1) * width)),
    labels: out.predicted ? Array.from(out.predicted.data as string[]) : null,
  };
}

async function runTfjs(c: Case): Promise<number[][]> {
  const { modelJson, weights } = tfjsModel(c.model, 'test');
  const json = JSON.parse(modelJson);
  const net = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: weights.slice().buffer as ArrayBuffer,
    }),
  });
  const pre = c.model.preprocessing;
  const x = c.reference.flatMap((r) => Array.from(encodeRaw(pre, r.inputs)));
  const y = net.predict(tf.tensor2d(x, [c.reference.length, pre.width])) as tf.Tensor;
  const rows = (await y.array()) as number[][];
  const t = pre.target;
  return t.task === 'regression' ? rows.map((r) => [r[0]! * t.std + t.mean]) : rows;
}

function maxDiff(a: number[][], b: number[][]): number {
  let m = 0;
  a.forEach((row, i) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i]![j]!)))));
  return m;
}

describe.each(['classification', 'regression'] as const)('a %s project', (task) => {
  let c: Case;
  beforeAll(async () => {
    c = await makeCase(task);
  }, 60_000);

  it('has reference rows with a gap, a missing and an unseen category', () => {
    expect(c.reference).toHaveLength(20);
    const cells = c.reference.flatMap((r) => Object.values(r.inputs));
    expect(cells).toContain('');
    expect(cells).toContain('NA');
    expect(cells).toContain('never-seen-in-training');
  });

  it('exported to ONNX predicts what Layerlab predicts on raw rows', async () => {
    const got = await runOnnx(c);
    const want = c.reference.map(expected);
    const diff = maxDiff(comparable(c, got.outputs), comparable(c, want));
    console.log(
      `${task} ONNX vs Layerlab: max abs diff ${diff.toExponential(2)} (in output units ${maxDiff(got.outputs, want).toExponential(2)})`,
    );
    expect(diff).toBeLessThan(TOL);
    if (task === 'classification') expect(got.labels).toEqual(c.reference.map((r) => r.predicted));
  });

  it('exported to TF.js Layers predicts what Layerlab predicts on raw rows', async () => {
    const got = await runTfjs(c);
    const want = c.reference.map(expected);
    const diff = maxDiff(comparable(c, got), comparable(c, want));
    console.log(
      `${task} TF.js vs Layerlab: max abs diff ${diff.toExponential(2)} (in output units ${maxDiff(got, want).toExponential(2)})`,
    );
    expect(diff).toBeLessThan(TOL);
  });
});
