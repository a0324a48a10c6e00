/**
 * `layerlab train`: from a CSV (--data, --target, --layers) or a project (--project: its data,
 * import settings, training settings and graph; flags override them and say so). The run is set
 * up and trained by the same module as the app's (electron/backend/training/setup.ts), so the
 * same project and seed give the same numbers. --save writes the run and the weights back into
 * the project (atomic, previous version kept as .bak); --out writes a new project.
 */
import path from 'node:path';
import type { DatasetSummary } from '../../engine/data/types';
import { LOSSES, type Graph, type LossName } from '../../engine/graph/document';
import { runGraphOf } from '../../engine/graph/run-graph';
import { parseLayerSpec } from '../../engine/graph/spec-string';
import type { BackendPreference } from '../../engine/train/backend-choice';
import { cleanMetrics, fitRun, modelState, openTrainer } from '../backend/training/run';
import { inUnits, prepareRun } from '../backend/training/setup';
import type { SavedRun } from '../contract/projects';
import type { RunAlert, RunDone, RunEpoch } from '../contract/training';
import { noPositionals, oneOf, parseFlags, str } from './args';
import { Session } from './data';
import {
  changedOptions,
  DATASET_FLAGS,
  DEFAULT_DATASET_OPTIONS,
  datasetPatch,
} from './dataset-flags';
import { cleanLayers } from '../backend/training/layer-diagnostics';
import { CliError, EXIT, usage } from './errors';
import type { Io } from './io';
import { human, metricFields, present } from './output';
import { chooseSettings, describeSettings, SETTING_FLAGS } from './settings';

export const TRAIN_USAGE = `usage: layerlab train (--data TRAIN.csv --target COLUMN --layers SPEC | --project FILE.layerlab)
         [--test TEST.csv] [--val-split F] [--test-split F] [--split-seed N] [--scaling standardize|minmax|none]
         [--skip-bad-rows] [--loss cce|bce|mse] [--optimizer sgd|momentum|rmsprop|adam] [--lr X]
         [--schedule constant|step|exponential|cosine] [--batch N] [--epochs N] [--seed N]
         [--l1 X] [--l2 X] [--early-stop PATIENCE] [--augment noise:SIGMA|mixup:ALPHA[,…]]
         [--backend auto|cpu|gpu] [--save | --out NEW.layerlab] [--json]
SPEC: comma-separated nodes between Input and Output: dense:UNITS, none|sigmoid|tanh|relu|leaky_relu,
      dropout:P, softmax — e.g. dense:16,relu,dense:3,softmax
Without --project, unset settings take the app's defaults (printed on the settings line); with
--project they come from the project. --data with --project trains on another file with the
project's import settings. Data is read as the app reads it: types inferred, missing values
imputed, categories one-hot encoded, features scaled on the training rows, a regression target
standardized (metrics in its own units), a seeded stratified split; a dataset with errors is
refused, listing them. --backend auto times the CPU and gpu.js and trains on the faster.`;

const FLAGS = {
  data: { type: 'string' },
  test: { type: 'string' },
  layers: { type: 'string' },
  project: { type: 'string' },
  loss: { type: 'string' },
  backend: { type: 'string' },
  save: { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  ...DATASET_FLAGS,
  ...SETTING_FLAGS,
} as const;

export async function runTrain(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(argv, FLAGS, 'train');
  if (v.help) {
    io.out(TRAIN_USAGE);
    return EXIT.ok;
  }
  noPositionals(positionals);
  const project = str(v.project);
  const data = str(v.data);
  const layers = str(v.layers);
  const out = str(v.out);
  const json = v.json === true;
  if (project === undefined) {
    if (data === undefined) throw usage('--data TRAIN.csv is required (or --project FILE)');
    if (str(v.target) === undefined) throw usage('--target COLUMN is required');
    if (layers === undefined)
      throw usage('give exactly one of --layers SPEC or --project FILE.layerlab');
    if (v.save) throw usage('--save writes back into --project FILE; use --out NEW.layerlab');
  } else if (layers !== undefined) {
    throw usage('give exactly one of --layers SPEC or --project FILE.layerlab');
  }
  if (v.save && out !== undefined) throw usage('give --save or --out, not both');
  const loss = oneOf(
    'loss',
    v.loss,
    LOSSES.filter((l) => l !== 'auto'),
  ) as LossName | undefined;
  const backend = oneOf('backend', v.backend, ['auto', 'cpu', 'gpu'] as const) as
    BackendPreference | undefined;
  const task = loss === undefined ? null : loss === 'mse' ? 'regression' : 'classification';
  const testFile = str(v.test);

  const session = new Session();
  let graph: Graph;
  let summary: DatasetSummary;
  let opened = null;
  let importOverrides: ReturnType<typeof changedOptions> = [];
  if (project !== undefined) {
    const p = await session.openProject(project);
    opened = p.opened;
    graph = structuredClone(p.opened.graph);
    summary = p.summary;
    const base = summary.options;
    const patch = datasetPatch(v, base, task, testFile !== undefined);
    importOverrides = changedOptions(base, patch);
    if (data !== undefined) summary = await session.loadCsv(io, data, { ...base, ...patch });
    else if (Object.keys(patch).length > 0)
      summary = await configure(session, summary.id, patch, project);
  } else {
    const r = parseLayerSpec(layers!, loss ?? 'auto');
    if (!r.ok) throw usage(r.message);
    graph = r.graph;
    summary = await session.loadCsv(
      io,
      data!,
      datasetPatch(v, DEFAULT_DATASET_OPTIONS, task, testFile !== undefined),
    );
  }
  if (testFile !== undefined) summary = await session.setTestFile(io, summary.id, testFile);
  if (loss !== undefined)
    for (const n of graph.nodes) if (n.kind === 'output') n.params.loss = loss;

  const chosen = chooseSettings(v, opened?.training ?? null);
  const { settings } = chosen;
  let prepared;
  try {
    prepared = prepareRun(session.runData(summary.id), graph, settings, backend ?? 'auto');
  } catch (e) {
    // A network that cannot train is a bad --layers argument; from a project, bad data.
    const problems = (e as { details?: { problems?: unknown } }).details?.problems;
    if (problems && layers !== undefined) throw usage((e as Error).message);
    throw e;
  }
  const { start } = prepared;
  const split = summary.split!;
  const dataLine = {
    file: summary.file.name,
    target: summary.target!.name,
    task: summary.target!.task,
    features: summary.encoding.features,
    train: start.train.x.rows,
    validation: start.validation?.x.rows ?? 0,
    test: start.test?.x.rows ?? 0,
    splitSeed: split.seed,
  };
  if (json) {
    io.json({ event: 'settings', from: chosen.base, settings, overridden: chosen.overridden });
    io.json({ event: 'data', ...dataLine, overridden: importOverrides });
  } else {
    const from = chosen.base === 'defaults' ? "the app's defaults" : 'the project';
    io.out(`settings (${from}): ${describeSettings(settings)}`);
    for (const o of chosen.overridden)
      io.out(
        `  ${flagOf(o.setting)} overrides ${JSON.stringify(o.from)} → ${JSON.stringify(o.to)}`,
      );
    for (const o of importOverrides)
      io.out(
        `  the flags change the project's import setting ${o.setting}: ${JSON.stringify(o.from)} → ${JSON.stringify(o.to)}`,
      );
    io.out(
      `data: ${dataLine.file}, target ${dataLine.target} (${dataLine.task}), ${dataLine.features} inputs; ${dataLine.train} train / ${dataLine.validation} validation / ${dataLine.test} test rows (split seed ${split.seed})`,
    );
  }

  const { trainer, backend: chosenBackend } = await openTrainer(start);
  const b = chosenBackend;
  if (json) io.json({ event: 'backend', ...b });
  else io.out(`backend: ${b.backend === 'cpu' ? 'CPU' : 'gpu.js'} (${b.kernel}): ${b.reason}`);

  const epochs: RunEpoch[] = [];
  const alerts: RunAlert[] = [];
  const startedAt = Date.now();
  const std = prepared.targetStd;
  const result = await fitRun(trainer, start, {
    batchEvery: 0,
    // As in the app: per-layer diagnostics (and the alerts they raise) recorded in each epoch.
    diagnostics: true,
    onEvent: (e) => {
      if (e.type === 'alert') {
        const { kind, epoch, message, evidence, remedies } = e;
        alerts.push({ kind, epoch, message, evidence, remedies });
        if (json) io.json({ event: 'alert', kind, epoch, message, evidence });
        else io.out(`alert (${kind}) at epoch ${epoch}: ${message}`);
        return;
      }
      if (e.type !== 'epoch') return;
      const rec: RunEpoch = {
        epoch: e.epoch,
        epochs: e.epochs,
        lr: e.lr,
        train: cleanMetrics(e.train, std),
        val: e.val ? cleanMetrics(e.val, std) : null,
        elapsedMs: e.elapsedMs,
        ...(e.layers ? { layers: cleanLayers(e.layers) } : {}),
      };
      epochs.push(rec);
      const fields = {
        ...metricFields(rec.train),
        ...(rec.val ? metricFields(rec.val, 'val_') : {}),
      };
      if (json) io.json({ event: 'epoch', epoch: e.epoch, ...present(fields) });
      else io.out(`epoch ${e.epoch}/${e.epochs}  ${human(fields)}`);
    },
  });
  if (result.reason === 'diverged') {
    if (json) io.json({ event: 'error', message: result.error });
    throw new CliError(result.error ?? 'training diverged', EXIT.diverged);
  }
  const state = modelState(trainer, start);
  trainer.network.backend.dispose();
  const evaluation = inUnits(state.evaluation, std, prepared.targetMean);
  const runId = nextRunId(opened?.runs ?? []);
  const done: RunDone = {
    runId,
    reason: result.reason,
    message: result.earlyStopped
      ? `Early stopping: the validation loss had not improved for ${settings.earlyStopping?.patience} epochs.`
      : null,
    epochs: result.history.length,
    restoredEpoch: result.restoredEpoch ?? null,
    evaluation,
    weightStats: state.weightStats,
  };
  const prefix = evaluation?.split === 'validation' ? 'val_' : 'test_';
  const final = evaluation ? metricFields(evaluation.metrics, prefix) : {};
  const restored = result.restoredEpoch;
  if (json) {
    io.json({
      event: 'done',
      epochs: result.history.length,
      ...(restored !== undefined ? { restored_epoch: restored } : {}),
      ...(evaluation ? { evaluated_on: evaluation.split } : {}),
      ...present(final),
    });
  } else {
    const how =
      restored === undefined
        ? ''
        : ` (${result.earlyStopped ? 'stopped early, ' : ''}restored epoch ${restored})`;
    const on = evaluation ? `  on the ${evaluation.split} split: ${human(final)}` : '';
    io.out(`done: ${result.history.length} epochs${how}${on}`);
  }

  const target = v.save ? project : out;
  if (target !== undefined) {
    session.model = { runId, datasetId: summary.id, spec: prepared.spec, weights: state.weights };
    const run: SavedRun = {
      runId,
      settings,
      dataset: summary.file.name,
      backend: b.backend,
      graph: runGraphOf(graph),
      datasetHash: prepared.datasetHash,
      startedAt,
      epochs,
      alerts,
      done,
    };
    const embedded =
      opened?.dataset?.status === 'loaded' && data === undefined ? opened.dataset.embedded : true;
    const saved = await session.projects.save(target, {
      graph,
      training: settings,
      runs: [run, ...(opened?.runs ?? [])],
      dataset: { kind: 'loaded', id: summary.id, mode: embedded ? 'embed' : 'link' },
      includeWeights: true,
    });
    if (json)
      io.json({ event: 'saved', path: saved.path, backup: saved.backup, warnings: saved.warnings });
    else {
      io.out(
        `saved ${saved.path}${saved.backup ? ` (previous version kept as ${path.basename(saved.path)}.bak)` : ''}`,
      );
      for (const w of saved.warnings) io.out(`  note: ${w}`);
    }
  }
  return EXIT.ok;
}

async function configure(
  session: Session,
  id: string,
  patch: Parameters<Session['store']['configure']>[1],
  project: string,
): Promise<DatasetSummary> {
  const summary = await session.store.configure(id, patch);
  if (!summary.ready)
    throw new CliError(
      `${project}: with these flags the dataset is not ready to train: ${summary.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.title)
        .join('; ')}`,
      EXIT.data,
    );
  return summary;
}

/** run1, run2, …: the first number no saved run uses. */
function nextRunId(runs: readonly { runId: string }[]): string {
  const used = new Set(runs.map((r) => r.runId));
  let n = runs.length + 1;
  while (used.has(`run${n}`)) n++;
  return `run${n}`;
}

const FLAG_OF: Partial<Record<string, string>> = {
  batchSize: '--batch',
  earlyStopping: '--early-stop',
};
const flagOf = (setting: string) => FLAG_OF[setting] ?? `--${setting}`;
