/**
 * The `layerlab` command line: train a network on CSV data with the engine, no window needed.
 *
 *   layerlab train --data TRAIN.csv --target COLUMN [--test TEST.csv] [--val-split 0.2]
 *     (--layers SPEC | --project FILE.layerlab) [--loss cce|bce|mse]
 *     [--optimizer sgd|momentum|rmsprop|adam] [--lr X] [--batch N] [--epochs N] [--seed N]
 *     [--l1 X] [--l2 X] [--standardize] [--early-stop PATIENCE] [--augment noise:S|mixup:A]
 *     [--backend auto|cpu|gpu] [--json]
 *
 * --backend auto (default) times a few training steps on the CPU and, where a GL context exists,
 * on gpu.js, and trains on the faster; the choice and its measured reason are printed before the
 * first epoch (with --json as {"event":"backend","backend":…,"kernel":…,"renderer":…,"reason":…}).
 *
 * The overfitting monitor runs on every training with validation data: its alerts are printed
 * (with --json as {"event":"alert","kind":…,"epoch":…,"message":…,"evidence":{…}} lines).
 * --early-stop stops after PATIENCE epochs without a better validation loss and restores the best
 * epoch (the done line says which: "restored_epoch").
 *
 * Files are read here (Node); the engine only ever sees strings and matrices. Every failure is a
 * one-line message on stderr and a non-zero exit: 2 for bad arguments, 1 for bad data or files,
 * 3 when training diverges.
 */
import { readFileSync } from 'node:fs';
import { nodeInspectIo, runInspect } from './cli-inspect';
import { parseArgs } from 'node:util';
import { matOf } from '../engine/backend/backend';
import {
  applyStandardizer,
  DataError,
  encodeClasses,
  encodeNumbers,
  fitStandardizer,
  parseCsv,
  splitTarget,
} from '../engine/data/csv';
import { oneHot, takeRows, type Dataset } from '../engine/data/dataset';
import { Rng } from '../engine/data/rng';
import { compileGraph } from '../engine/graph/compile';
import { graphSchema, LOSSES, type Graph, type LossName } from '../engine/graph/document';
import { parseLayerSpec } from '../engine/graph/spec-string';
import { validateGraph } from '../engine/graph/validate';
import type { OptimizerName } from '../engine/optimizers/optimizers';
import type { AugmentConfig } from '../engine/train/augment';
import type { Metrics } from '../engine/train/metrics';
import { Trainer } from '../engine/train/trainer';
import type { BackendPreference } from '../engine/train/backend-choice';
import { chooseTrainingBackend } from './backend/training/gpu';

const USAGE = `usage: layerlab train --data TRAIN.csv --target COLUMN [--test TEST.csv] [--val-split 0.2]
         (--layers SPEC | --project FILE.layerlab) [--loss cce|bce|mse]
         [--optimizer sgd|momentum|rmsprop|adam] [--lr X] [--batch N] [--epochs N] [--seed N]
         [--l1 X] [--l2 X] [--standardize] [--early-stop PATIENCE]
         [--augment noise:SIGMA|mixup:ALPHA[,…]] [--backend auto|cpu|gpu] [--json]
SPEC: comma-separated nodes between Input and Output: dense:UNITS, none|sigmoid|tanh|relu|leaky_relu,
      dropout:P, softmax — e.g. dense:16,relu,dense:3,softmax`;

/** An error whose message is shown as is, with its exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
const usage = (message: string): CliError => new CliError(message, 2);

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => string;
}

const OPTIONS = {
  data: { type: 'string' },
  target: { type: 'string' },
  test: { type: 'string' },
  'val-split': { type: 'string' },
  layers: { type: 'string' },
  project: { type: 'string' },
  loss: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  epochs: { type: 'string' },
  seed: { type: 'string' },
  l1: { type: 'string' },
  l2: { type: 'string' },
  standardize: { type: 'boolean' },
  'early-stop': { type: 'string' },
  augment: { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function num(
  name: string,
  raw: string | undefined,
  fallback: number,
  ok: (v: number) => boolean,
  rule: string,
): number {
  if (raw === undefined) return fallback;
  const v = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(v) || !ok(v)) throw usage(`--${name} must be ${rule}, got "${raw}"`);
  return v;
}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const m = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(m);
    if (unknown) throw usage(`unknown option ${unknown[1]} (run layerlab --help)`);
    const missing = /Option '(--[a-z-]+)/.exec(m);
    throw usage(missing ? `${missing[1]} needs a value` : m.split('\n')[0]!);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return null;
  if (positionals[0] !== 'train') {
    throw usage(
      positionals.length === 0
        ? 'missing command: use "layerlab train …" (run layerlab --help)'
        : `unknown command "${positionals[0]}": the commands are "train" and "inspect"`,
    );
  }
  if (positionals.length > 1) throw usage(`unexpected argument "${positionals[1]}"`);
  if (v.data === undefined) throw usage('--data TRAIN.csv is required');
  if (v.target === undefined) throw usage('--target COLUMN is required');
  if ((v.layers === undefined) === (v.project === undefined))
    throw usage('give exactly one of --layers SPEC or --project FILE.layerlab');
  const loss = (v.loss ?? 'auto') as LossName;
  if (!(LOSSES as readonly string[]).includes(loss) || (v.loss !== undefined && loss === 'auto')) {
    throw usage(`--loss must be cce, bce or mse, got "${v.loss}"`);
  }
  const optimizer = (v.optimizer ?? 'adam') as OptimizerName;
  if (!['sgd', 'momentum', 'rmsprop', 'adam'].includes(optimizer)) {
    throw usage(`--optimizer must be sgd, momentum, rmsprop or adam, got "${v.optimizer}"`);
  }
  const backend = (v.backend ?? 'auto') as BackendPreference;
  if (!['auto', 'cpu', 'gpu'].includes(backend))
    throw usage(`--backend must be auto, cpu or gpu, got "${v.backend}"`);
  const int = (n: number) => Number.isInteger(n) && n >= 1;
  return {
    backend,
    data: v.data,
    target: v.target,
    test: v.test,
    layers: v.layers,
    project: v.project,
    loss,
    optimizer,
    valSplit: num(
      'val-split',
      v['val-split'],
      0.2,
      (n) => n >= 0 && n < 1,
      'at least 0 and below 1',
    ),
    lr: num(
      'lr',
      v.lr,
      optimizer === 'sgd' || optimizer === 'momentum' ? 0.01 : 0.001,
      (n) => n > 0,
      'a number > 0',
    ),
    batch: num('batch', v.batch, 32, int, 'a whole number ≥ 1'),
    epochs: num('epochs', v.epochs, 20, int, 'a whole number ≥ 1'),
    seed: num('seed', v.seed, 0, (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0'),
    l1: num('l1', v.l1, 0, (n) => n >= 0, 'a number ≥ 0'),
    l2: num('l2', v.l2, 0, (n) => n >= 0, 'a number ≥ 0'),
    standardize: v.standardize === true,
    earlyStop:
      v['early-stop'] === undefined
        ? undefined
        : num('early-stop', v['early-stop'], 0, int, 'a whole number of epochs ≥ 1'),
    augment: v.augment === undefined ? undefined : parseAugment(v.augment),
    json: v.json === true,
  };
}

/** --augment noise:SIGMA,mixup:ALPHA (either or both). */
function parseAugment(raw: string): AugmentConfig {
  const config: AugmentConfig = {};
  for (const item of raw.split(',')) {
    const m = /^\s*(noise|mixup):([^:]+)$/.exec(item);
    const v = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(v) || (m[1] === 'noise' ? v < 0 : v <= 0)) {
      throw usage(
        `--augment must be noise:SIGMA (σ ≥ 0) or mixup:ALPHA (α > 0), comma-separated, got "${raw}"`,
      );
    }
    if (m[1] === 'noise') config.noise = { sigma: v };
    else config.mixup = { alpha: v };
  }
  return config;
}
type Args = NonNullable<ReturnType<typeof parse>>;

function read(io: Io, path: string): string {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (code ?? (e as Error).message);
    throw new CliError(`cannot read ${path}: ${why}`, 1);
  }
}

/** The graph from --layers or from a project file (its `graph`, or a bare graph). */
function loadGraph(args: Args, io: Io): Graph {
  if (args.layers !== undefined) {
    const r = parseLayerSpec(args.layers, args.loss);
    if (!r.ok) throw usage(r.message);
    return r.graph;
  }
  const path = args.project!;
  let doc: unknown;
  try {
    doc = JSON.parse(read(io, path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path} is not a Layerlab project: it is not valid JSON`, 1);
  }
  const candidate =
    doc !== null && typeof doc === 'object' && 'graph' in doc
      ? (doc as { graph: unknown }).graph
      : doc;
  const g = graphSchema.safeParse(candidate);
  if (!g.success) {
    const problems = validateGraph(candidate as Graph).problems;
    throw new CliError(`${path}: ${problems[0]?.message ?? 'the graph is not valid'}`, 1);
  }
  if (args.loss !== 'auto')
    for (const n of g.data.nodes) if (n.kind === 'output') n.params.loss = args.loss;
  return g.data;
}

const fixed = (v: number | undefined): number | undefined =>
  v === undefined ? undefined : Number(v.toPrecision(6));
function metricFields(m: Metrics, prefix = ''): Record<string, number | undefined> {
  return {
    [`${prefix}loss`]: fixed(m.loss),
    [`${prefix}acc`]: fixed(m.acc),
    [`${prefix}mae`]: fixed(m.mae),
    [`${prefix}r2`]: fixed(m.r2),
  };
}
const human = (fields: Record<string, number | undefined>): string =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v}`)
    .join('  ');

export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    const args = parse(argv);
    if (args === null) {
      io.out(USAGE);
      return 0;
    }
    const graph = loadGraph(args, io);
    const loss = validateGraph(graph).loss ?? 'mse';
    const classification = loss !== 'mse';

    const table = splitTarget(parseCsv(read(io, args.data), args.data), args.target, args.data);
    const classes = classification ? encodeClasses(table.target, undefined, args.data) : null;
    const targets = (cells: string[], what: string, rows: number) => {
      if (classes === null) return matOf(rows, 1, encodeNumbers(cells, what));
      const { labels } = encodeClasses(cells, classes.classes, what);
      return loss === 'bce'
        ? matOf(rows, 1, Float32Array.from(labels))
        : oneHot(labels, classes.classes.length);
    };
    if (classes !== null && classes.classes.length < 2) {
      throw new CliError(
        `${args.data}: the target "${args.target}" has only one class (${classes.classes[0]}); a classifier needs at least 2`,
        1,
      );
    }
    const compiled = compileGraph(graph, {
      features: table.features.length,
      ...(classes !== null ? { classes: classes.classes.length } : { targets: 1 }),
      l1: args.l1,
      l2: args.l2,
    });
    if (!compiled.ok) throw usage(compiled.problems.map((p) => p.message).join(' '));

    const all: Dataset = { x: table.x, y: targets(table.target, args.data, table.x.rows) };
    const n = all.x.rows;
    const nVal = args.valSplit > 0 ? Math.max(1, Math.floor(n * args.valSplit)) : 0;
    if (n - nVal < 1)
      throw new CliError(`${args.data} has ${n} rows: too few to keep ${nVal} for validation`, 1);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    if (nVal > 0) new Rng(args.seed).shuffle(order);
    const train: Dataset =
      nVal > 0
        ? { x: takeRows(all.x, order.subarray(nVal)), y: takeRows(all.y, order.subarray(nVal)) }
        : all;
    const val: Dataset | undefined =
      nVal > 0
        ? {
            x: takeRows(all.x, order.subarray(0, nVal)),
            y: takeRows(all.y, order.subarray(0, nVal)),
          }
        : undefined;
    let test: Dataset | undefined;
    if (args.test !== undefined) {
      const t = splitTarget(parseCsv(read(io, args.test), args.test), args.target, args.test);
      if (t.features.join(',') !== table.features.join(',')) {
        throw new CliError(
          `${args.test} has columns ${t.features.join(', ')}, but ${args.data} has ${table.features.join(', ')}`,
          1,
        );
      }
      test = { x: t.x, y: targets(t.target, args.test, t.x.rows) };
    }
    if (args.standardize) {
      const s = fitStandardizer(train.x);
      for (const d of [train, val, test]) if (d) applyStandardizer(d.x, s);
    }

    const optimizer = { name: args.optimizer, lr: args.lr };
    let choice;
    try {
      choice = await chooseTrainingBackend({
        preference: args.backend,
        spec: compiled.spec,
        train,
        batchSize: args.batch,
        optimizer,
      });
    } catch (e) {
      throw new CliError((e as Error).message, 1);
    }
    const { kind, kernel, renderer, reason } = choice;
    if (args.json)
      io.out(JSON.stringify({ event: 'backend', backend: kind, kernel, renderer, reason }));
    else io.out(`backend: ${kind === 'cpu' ? 'CPU' : 'gpu.js'} (${kernel}): ${reason}`);
    const trainer = new Trainer(compiled.spec, {
      backend: choice.backend,
      seed: args.seed,
      maxBatch: Math.max(args.batch, 256),
    });
    const result = await trainer.fit(train, {
      epochs: args.epochs,
      batchSize: args.batch,
      optimizer,
      validation: val,
      batchEvery: 0,
      ...(args.earlyStop !== undefined ? { earlyStopping: { patience: args.earlyStop } } : {}),
      ...(args.augment !== undefined ? { augment: args.augment } : {}),
      onEvent: (e) => {
        if (e.type === 'alert') {
          const { kind, epoch, message, evidence } = e;
          if (args.json) io.out(JSON.stringify({ event: 'alert', kind, epoch, message, evidence }));
          else io.out(`alert (${kind}) at epoch ${epoch}: ${message}`);
          return;
        }
        if (e.type !== 'epoch') return;
        const fields = { ...metricFields(e.train), ...(e.val ? metricFields(e.val, 'val_') : {}) };
        if (args.json) io.out(JSON.stringify({ event: 'epoch', epoch: e.epoch, ...fields }));
        else io.out(`epoch ${e.epoch}/${e.epochs}  ${human(fields)}`);
      },
    });
    if (result.reason === 'diverged') {
      if (args.json) io.out(JSON.stringify({ event: 'error', message: result.error }));
      throw new CliError(result.error ?? 'training diverged', 3);
    }
    const done = test ? metricFields(trainer.evaluate(test), 'test_') : {};
    const restored = result.restoredEpoch;
    if (args.json) {
      io.out(
        JSON.stringify({
          event: 'done',
          epochs: result.history.length,
          ...(restored !== undefined ? { restored_epoch: restored } : {}),
          ...done,
        }),
      );
    } else {
      const how =
        restored === undefined
          ? ''
          : ` (${result.earlyStopped ? 'stopped early, ' : ''}restored epoch ${restored})`;
      io.out(`done: ${result.history.length} epochs${how}${test ? `  ${human(done)}` : ''}`);
    }
    choice.backend.dispose();
    return 0;
  } catch (e) {
    const code = e instanceof CliError ? e.code : 1;
    const message =
      e instanceof CliError || e instanceof DataError || e instanceof RangeError
        ? e.message
        : `unexpected error: ${(e as Error)?.message ?? String(e)}`;
    io.err(`layerlab: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return code;
  }
}

const nodeIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
};

const argv = process.argv.slice(2);
// `layerlab inspect FILE.csv` is the dataset feature's command (electron/cli-inspect.ts).
void (
  argv[0] === 'inspect' ? runInspect(argv.slice(1), nodeInspectIo()) : runCli(argv, nodeIo)
).then((code) => {
  process.exitCode = code;
});
