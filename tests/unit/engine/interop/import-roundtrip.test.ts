/**
 * Export then import: a trained project exported to TF.js Layers or ONNX comes back as the same
 * canvas graph with the same weights, and predicts what the project predicts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportModel } from '../../../../engine/interop/build';
import { importModel } from '../../../../engine/interop/import';
import type { ExportModel } from '../../../../engine/interop/model';
import { onnxModel } from '../../../../engine/interop/onnx';
import { preprocessingOf } from '../../../../engine/interop/preprocessing';
import { tfjsModel, WEIGHTS_FILE } from '../../../../engine/interop/tfjs';
import { Trainer } from '../../../../engine/train/trainer';
import { trainProject, type Task, type Trained } from './helpers';
import { maxDiff, predictImported, shapeOf } from './import-helpers';

const TOL = 1e-6;

function layerlabPredicts(t: Trained): number[][] {
  const trainer = new Trainer(t.spec, { seed: 0, maxBatch: t.test.x.rows });
  trainer.network.setWeights(t.weights);
  const y = trainer.predict(t.test.x);
  const w = y.data.length / t.test.x.rows;
  return Array.from({ length: t.test.x.rows }, (_, i) =>
    Array.from(y.data.subarray(i * w, (i + 1) * w)),
  );
}

describe.each(['classification', 'regression'] as const)('a trained %s project', (task: Task) => {
  let t: Trained;
  let model: ExportModel;
  beforeAll(async () => {
    t = await trainProject(task, { epochs: 10 });
    model = buildExportModel({
      name: `${task} project`,
      spec: t.spec,
      weights: t.weights,
      preprocessing: preprocessingOf(t.prepared.encoder!, false),
      training: { ...t.settings },
    });
  }, 60_000);

  it('exported to TF.js imports back as the same graph and predictions', () => {
    const { modelJson, weights } = tfjsModel(model, 'test');
    const m = importModel({
      name: 'model.json',
      bytes: new TextEncoder().encode(modelJson),
      sidecars: new Map([[WEIGHTS_FILE, weights]]),
    });
    expect(shapeOf(m.graph)).toEqual(shapeOf(t.graph));
    expect(m.summary).toMatchObject({ format: 'tfjs', features: t.spec.inputs, hasWeights: true });
    const diff = maxDiff(predictImported(m, t.test.x.data, t.test.x.rows), layerlabPredicts(t));
    console.log(`${task} TF.js round trip: max abs diff ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(TOL);
  });

  it('exported to ONNX imports back as its network part, predicting the same', () => {
    const m = importModel({ name: 'model.onnx', bytes: onnxModel(model, 'test') });
    // ONNX has no Dropout at inference, so the export carries none.
    expect(shapeOf(m.graph)).toEqual(shapeOf(t.graph, { dropout: false }));
    expect(m.summary.featureNames).toEqual(model.preprocessing.features.map((f) => f.name));
    const diff = maxDiff(predictImported(m, t.test.x.data, t.test.x.rows), layerlabPredicts(t));
    console.log(`${task} ONNX round trip: max abs diff ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(TOL);
  });

  it('lays the imported nodes out top to bottom with kind_N ids', () => {
    const { modelJson, weights } = tfjsModel(model, 'test');
    const m = importModel({
      name: 'model.json',
      bytes: new TextEncoder().encode(modelJson),
      sidecars: new Map([[WEIGHTS_FILE, weights]]),
    });
    const ys = m.graph.nodes.map((n) => n.position.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(m.graph.nodes.map((n) => n.position.x)).size).toBe(1);
    expect(m.graph.nodes[0]!.id).toBe('input_1');
    expect(m.graph.nodes.every((n) => /^[a-z]+_\d+$/.test(n.id))).toBe(true);
    expect(m.graph.edges).toHaveLength(m.graph.nodes.length - 1);
  });
});
