/**
 * The app's models:* channels on a real backend (browser mode, a workspace folder): a TF.js model
 * written into the workspace imports as a graph whose weights Predict then uses, the project
 * exports to ONNX inside the workspace, and refused or outside files change nothing.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { WorkspaceAccess } from '../../electron/backend/files/access';
import { DEFAULT_TRAIN_SETTINGS } from '../../electron/contract/training';

const root = path.resolve(__dirname, '../..');
let dir: string;
let b: Backend;
let datasetId: string;

async function call<T = Record<string, unknown>>(channel: string, payload: unknown): Promise<T> {
  const r = await b.invoke(channel, payload);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** An iris-shaped classifier saved by tfjs into the workspace (model.json + weights.bin). */
async function writeTfjsModel(folder: string): Promise<void> {
  tf.setBackend('cpu');
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [4], units: 6, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        path.join(folder, 'model.json'),
        JSON.stringify({
          format: 'layers-model',
          modelTopology: a.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
        }),
      );
      writeFileSync(path.join(folder, 'weights.bin'), new Uint8Array(a.weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-models-'));
  mkdirSync(path.join(dir, 'ws'));
  const access = await WorkspaceAccess.open(path.join(dir, 'ws'));
  b = createBackend(
    { mode: 'browser', version: 'test', os: 'linux', workspace: path.join(dir, 'ws') },
    access,
  );
  const ds = await call<{ id: string }>('datasets:openText', {
    name: 'iris.csv',
    text: readFileSync(path.join(root, 'assets/datasets/iris.csv'), 'utf8'),
    options: { target: 'label', task: 'classification' },
  });
  datasetId = ds.id;
  await writeTfjsModel(path.join(dir, 'ws', 'tfjs'));
}, 60_000);
afterAll(async () => {
  await b.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('models:import and models:export', () => {
  let graph: unknown;

  it('imports a TF.js model from the workspace and adopts its weights for Predict', async () => {
    const r = await call<{
      graph: { nodes: { kind: string }[] };
      weights: unknown;
      summary: unknown;
    }>('models:import', { path: 'tfjs/model.json', datasetId });
    graph = r.graph;
    expect(r.graph.nodes.map((n) => n.kind)).toEqual([
      'input',
      'dense',
      'activation',
      'dense',
      'softmax',
      'output',
    ]);
    expect(r.weights).toEqual({ features: 4, parameters: 4 * 6 + 6 + 6 * 3 + 3, adopted: true });
    expect(r.summary).toMatchObject({ format: 'tfjs', hasWeights: true });
    const p = await call<{ probabilities: number[] }>('training:predict', {
      values: {
        sepal_length_cm: '5.1',
        sepal_width_cm: '3.5',
        petal_length_cm: '1.4',
        petal_width_cm: '0.2',
      },
    });
    expect(p.probabilities).toHaveLength(3);
    expect(p.probabilities.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
  });

  it('exports the project with those weights to ONNX inside the workspace', async () => {
    const r = await call<{ outDir: string; files: string[] }>('models:export', {
      format: 'onnx',
      outDir: 'exported-onnx',
      name: 'iris',
      draft: {
        graph,
        training: DEFAULT_TRAIN_SETTINGS,
        runs: [],
        dataset: { kind: 'loaded', id: datasetId, mode: 'embed' },
      },
    });
    expect(r.files).toContain('model.onnx');
    expect(existsSync(path.join(dir, 'ws', 'exported-onnx', 'model.onnx'))).toBe(true);
  });

  it('refuses an export folder outside the workspace', async () => {
    const r = await b.invoke('models:export', {
      format: 'tfjs',
      outDir: '../escaped',
      name: 'iris',
      draft: { graph, training: DEFAULT_TRAIN_SETTINGS, runs: [], dataset: null },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'OUTSIDE_WORKSPACE' } });
    expect(existsSync(path.join(dir, 'escaped'))).toBe(false);
  });

  it('refuses a Conv model with the engine message and keeps the adopted weights', async () => {
    writeFileSync(
      path.join(dir, 'ws', 'conv.json'),
      JSON.stringify({
        modelTopology: {
          class_name: 'Sequential',
          config: { layers: [{ class_name: 'Conv2D', config: { name: 'conv2d_1' } }] },
        },
      }),
    );
    const r = await b.invoke('models:import', { path: 'conv.json', datasetId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', details: { problem: 'unsupported_model', layer: 'conv2d_1' } },
    });
    expect(!r.ok && r.error.message).toMatch(/conv\.json: layer "conv2d_1" is a Conv2D layer/);
    const p = await call<{ probabilities: number[] }>('training:predict', { values: {} });
    expect(p.probabilities).toHaveLength(3);
  });
});
