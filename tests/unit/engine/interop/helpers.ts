/**
 * Small trained projects for the export tests: a generated CSV with two numeric features (one with
 * gaps), a categorical feature and a target; trained through the engine with L2 and Dropout.
 */
import { parseTable } from '../../../../engine/data/csv/parse';
import { encodeRows } from '../../../../engine/data/encode';
import { DEFAULT_OPTIONS, mergeOptions } from '../../../../engine/data/options';
import {
  loadTable,
  prepare,
  type LoadedTable,
  type Prepared,
} from '../../../../engine/data/pipeline';
import { Rng } from '../../../../engine/data/rng';
import { matOf } from '../../../../engine/backend/backend';
import { column, oneHot, type Dataset } from '../../../../engine/data/dataset';
import { compileGraph } from '../../../../engine/graph/compile';
import type { Graph } from '../../../../engine/graph/document';
import type { ModelSpec } from '../../../../engine/train/spec';
import type { DatasetOptions } from '../../../../engine/data/types';
import { DEFAULT_TRAIN_SETTINGS, type TrainSettings } from '../../../../electron/contract/training';
import { Trainer } from '../../../../engine/train/trainer';
import { fitSettings } from '../../../../electron/backend/training/run';
import { chain, node } from '../graph/helpers';

export type Task = 'classification' | 'regression';

/** A seeded CSV: x1, x2 (some gaps), colour (red/green/blue, some gaps) and the target. */
export function makeCsv(task: Task, rows = 300, seed = 7): string {
  const rng = new Rng(seed);
  const colours = ['blue', 'green', 'red'];
  const lines = [`x1,x2,colour,${task === 'classification' ? 'label' : 'price'}`];
  for (let r = 0; r < rows; r++) {
    const x1 = rng.float() * 4 - 2;
    const x2 = rng.float() * 10;
    const c = Math.floor(rng.float() * 3);
    const shift = [0.8, -0.5, 0][c]!;
    let target: string;
    if (task === 'classification') {
      const s = x1 + 0.2 * (x2 - 5) + shift + (rng.float() - 0.5) * 0.2;
      target = s < -0.6 ? 'low' : s < 0.8 ? 'mid' : 'high';
    } else {
      target = (1000 + 40 * x1 + 6 * x2 + 30 * shift + (rng.float() - 0.5) * 4).toFixed(3);
    }
    const gap1 = rng.float() < 0.05;
    const gapC = rng.float() < 0.05;
    lines.push(
      `${x1.toFixed(4)},${gap1 ? '' : x2.toFixed(3)},${gapC ? 'NA' : colours[c]},${target}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function graphFor(task: Task, classes: number): Graph {
  return task === 'classification'
    ? chain(
        node('in', 'input'),
        node('d1', 'dense', { units: 12 }),
        node('a1', 'activation', { fn: 'relu' }),
        node('dr', 'dropout', { rate: 0.2 }),
        node('d2', 'dense', { units: 8, l2: 0.002 }),
        node('a2', 'activation', { fn: 'tanh' }),
        node('d3', 'dense', { units: classes }),
        node('sm', 'softmax'),
        node('out', 'output'),
      )
    : chain(
        node('in', 'input'),
        node('d1', 'dense', { units: 12 }),
        node('a1', 'activation', { fn: 'leaky_relu', alpha: 0.05 }),
        node('dr', 'dropout', { rate: 0.1 }),
        node('d2', 'dense', { units: 1 }),
        node('out', 'output'),
      );
}

export interface Trained {
  csv: string;
  loaded: LoadedTable;
  prepared: Prepared;
  graph: Graph;
  spec: ModelSpec;
  weights: Float32Array[];
  test: Dataset;
  testMetrics: Record<string, number>;
  settings: TrainSettings;
}

export const datasetOptions = (task: Task) => ({
  target: task === 'classification' ? 'label' : 'price',
  task,
});

/** Encoded rows as the training service builds them: one-hot for cce, a column otherwise. */
function datasetOf(prepared: Prepared, rows: Int32Array, classes: number, loss: string): Dataset {
  const e = encodeRows(prepared.encoder!, rows);
  const x = matOf(e.rows, e.width, e.x);
  return { x, y: classes && loss === 'cce' ? oneHot(e.y, classes) : column(e.y) };
}

export async function trainProject(
  task: Task,
  {
    rows = 300,
    epochs = 30,
    settings = {},
  }: { rows?: number; epochs?: number; settings?: Partial<TrainSettings> } = {},
): Promise<Trained> {
  return trainOn(makeCsv(task, rows), datasetOptions(task), (classes) => graphFor(task, classes), {
    epochs,
    ...settings,
  });
}

/** Any CSV, import options and graph (given the class count; 0 for regression). */
export async function trainOn(
  csv: string,
  options: Partial<DatasetOptions>,
  graphOf: (classes: number) => Graph,
  overrides: Partial<TrainSettings>,
): Promise<Trained> {
  const table = await parseTable(csv, { file: 'data.csv', skipBadRows: false });
  const loaded = loadTable(table, {
    id: 'ds1',
    name: 'data.csv',
    size: csv.length,
    encoding: 'utf-8',
    notes: [],
  });
  const prepared = prepare(loaded, mergeOptions(DEFAULT_OPTIONS, options));
  const enc = prepared.encoder!;
  const classes = enc.target.task === 'classification' ? enc.target.classes.length : 0;
  const graph = graphOf(classes);
  const settings: TrainSettings = {
    ...DEFAULT_TRAIN_SETTINGS,
    epochs: 30,
    batchSize: 16,
    lr: 0.01,
    l2: 0.001,
    ...overrides,
  };
  const compiled = compileGraph(graph, {
    features: enc.width,
    ...(classes ? { classes } : { targets: 1 }),
    l1: settings.l1,
    l2: settings.l2,
  });
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('; '));
  const spec = compiled.spec;
  const trainer = new Trainer(spec, { seed: settings.seed, maxBatch: settings.batchSize });
  const splits = prepared.splits!;
  const fit = await trainer.fit(datasetOf(prepared, splits.train, classes, spec.loss), {
    // The app's mapping of its settings (schedule, early stopping, …), as the worker uses it.
    ...fitSettings(settings),
    validation: datasetOf(prepared, splits.validation, classes, spec.loss),
    monitor: false,
  });
  const test = datasetOf(prepared, splits.test, classes, spec.loss);
  const m = trainer.evaluate(test);
  const testMetrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === 'number') testMetrics[k] = v;
  testMetrics.epochs = fit.history.length;
  return {
    csv,
    loaded,
    prepared,
    graph,
    spec,
    weights: trainer.network.getWeights(),
    test,
    testMetrics,
    settings,
  };
}
