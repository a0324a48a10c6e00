/**
 * The built CLI (dist/electron/cli.cjs), spawned like a user would run it; plus a smoke run of the
 * built benchmark runner (dist/bench/run.cjs) on the iris fixture.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
// Built where scripts/build.mjs puts it: LAYERLAB_DIST (resolved from the cwd, as it does) or dist/.
const dist = process.env.LAYERLAB_DIST
  ? path.resolve(process.env.LAYERLAB_DIST)
  : path.join(root, 'dist');
const cli = path.join(dist, 'electron/cli.cjs');
const fx = (f: string) => path.join(root, 'tests/fixtures/engine', f);
const train = fx('iris_train.csv');
const test = fx('iris_test.csv');
const SPEC = 'dense:16,relu,dense:3,softmax';
const wine = path.join(root, 'assets/datasets/wine.csv');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const allJson = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
/** The lines after the backend line, which comes first (checked in its own test). */
const json = (out: string) => allJson(out).filter((l) => l.event !== 'backend');

/** A failing run: non-zero exit, exactly one stderr line, no stack trace, no stdout. */
function fails(r: ReturnType<typeof run>, code: number, message: string | RegExp) {
  expect(r.code).toBe(code);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).toMatch(/^layerlab: /);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--only', 'cli,bench'], {
    cwd: process.cwd(),
  });
}, 60_000);

describe('layerlab train', () => {
  it('trains iris and prints one JSON object per epoch, then done with test metrics', () => {
    const r = run(
      'train',
      '--data',
      train,
      '--test',
      test,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--lr',
      '0.01',
      '--batch',
      '16',
      '--epochs',
      '60',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const all = json(r.out);
    // The monitor's alert lines (if any) come between the epoch lines; never an overfitting one here.
    const alerts = all.filter((l) => l.event === 'alert');
    for (const a of alerts) {
      expect(Object.keys(a)).toEqual(['event', 'kind', 'epoch', 'message', 'evidence']);
      expect(a.kind).not.toBe('overfitting');
    }
    const lines = all.filter((l) => l.event !== 'alert');
    expect(lines).toHaveLength(61);
    expect(Object.keys(lines[0]!)).toEqual([
      'event',
      'epoch',
      'loss',
      'acc',
      'val_loss',
      'val_acc',
    ]);
    expect(lines[0]).toMatchObject({ event: 'epoch', epoch: 1 });
    const done = lines.at(-1)!;
    expect(Object.keys(done)).toEqual(['event', 'epochs', 'test_loss', 'test_acc']);
    expect(done.test_acc).toBeGreaterThanOrEqual(0.9);
  });

  it('prints the same curve for the same seed and a different one for another seed', () => {
    const a = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '3',
      '--seed',
      '5',
      '--json',
    );
    const b = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '3',
      '--seed',
      '5',
      '--json',
    );
    const c = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '3',
      '--seed',
      '6',
      '--json',
    );
    // The backend line carries timings; the curves are what must repeat.
    expect(json(a.out)).toEqual(json(b.out));
    expect(json(a.out)).not.toEqual(json(c.out));
  });

  it('prints the overfitting alert line and, with --early-stop, restores the best epoch', () => {
    const r = run(
      'train',
      '--data',
      wine,
      '--target',
      'label',
      '--layers',
      'dense:512,relu,dense:512,relu,dense:3,softmax',
      '--batch',
      '16',
      '--epochs',
      '60',
      '--standardize',
      '--seed',
      '2',
      '--early-stop',
      '25',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = json(r.out);
    const alert = lines.find((l) => l.event === 'alert')!;
    expect(Object.keys(alert)).toEqual(['event', 'kind', 'epoch', 'message', 'evidence']);
    expect(alert).toMatchObject({ event: 'alert', kind: 'overfitting', epoch: 22 });
    expect(alert.message).toMatch(
      /^Overfitting: the training loss still falls.*generalization loss GL = /,
    );
    expect(alert.evidence).toMatchObject({ bestEpoch: 3 });
    // The alert follows its epoch's line.
    expect(lines[lines.indexOf(alert) - 1]).toMatchObject({ event: 'epoch', epoch: 22 });
    expect(lines.at(-1)).toEqual({ event: 'done', epochs: 28, restored_epoch: 3 });
  });

  it('prints readable alert and done lines without --json', () => {
    const r = run(
      'train',
      '--data',
      wine,
      '--target',
      'label',
      '--layers',
      'dense:512,relu,dense:512,relu,dense:3,softmax',
      '--batch',
      '16',
      '--epochs',
      '40',
      '--standardize',
      '--seed',
      '2',
      '--early-stop',
      '25',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^alert \(overfitting\) at epoch 22: Overfitting: /m);
    expect(r.out).toMatch(/^done: 28 epochs \(stopped early, restored epoch 3\)$/m);
  });

  it('augments training batches with --augment, seeded', () => {
    const args = [
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '2',
      '--json',
    ];
    const plain = run(...args);
    const a = run(...args, '--augment', 'noise:0.1,mixup:0.2');
    const b = run(...args, '--augment', 'noise:0.1,mixup:0.2');
    expect(a.code).toBe(0);
    expect(json(a.out)).toEqual(json(b.out));
    expect(json(a.out)).not.toEqual(json(plain.out));
  });

  it('reports mae and r2 for a regression target', () => {
    const r = run(
      'train',
      '--data',
      train,
      '--test',
      test,
      '--target',
      'petal_width_cm',
      '--layers',
      'dense:8,tanh,dense:1',
      '--loss',
      'mse',
      '--standardize',
      '--lr',
      '0.01',
      '--epochs',
      '40',
      '--val-split',
      '0',
      '--json',
    );
    expect(r.code).toBe(0);
    const lines = json(r.out);
    expect(Object.keys(lines[0]!)).toEqual(['event', 'epoch', 'loss', 'mae', 'r2']);
    expect(lines.at(-1)!.test_r2).toBeGreaterThan(0.8);
  });

  it('prints readable lines without --json', () => {
    const r = run('train', '--data', train, '--target', 'label', '--layers', SPEC, '--epochs', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^backend: (CPU|gpu.js) \(.+\): .+\nepoch 1\/2 {2}loss [\d.]+ {2}acc [\d.]+ {2}val_loss/m,
    );
    expect(r.out).toMatch(/done: 2 epochs/);
  });

  it('trains from a project file graph', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-'));
    const file = path.join(dir, 'iris.layerlab');
    const node = (id: string, kind: string, params: object) => ({
      id,
      kind,
      position: { x: 0, y: 0 },
      params,
    });
    const nodes = [
      node('in', 'input', {}),
      node('d1', 'dense', {
        units: 8,
        useBias: true,
        initializer: 'he_uniform',
        l1: null,
        l2: null,
      }),
      node('a1', 'activation', { fn: 'relu', alpha: 0.01 }),
      node('d2', 'dense', {
        units: 3,
        useBias: true,
        initializer: 'glorot_uniform',
        l1: null,
        l2: null,
      }),
      node('sm', 'softmax', {}),
      node('out', 'output', { loss: 'auto' }),
    ];
    const edges = nodes
      .slice(1)
      .map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id }));
    writeFileSync(file, JSON.stringify({ graph: { nodes, edges } }));
    const r = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--project',
      file,
      '--epochs',
      '2',
      '--json',
    );
    expect(r.err).toBe('');
    expect(json(r.out)).toHaveLength(3);
  });

  it('prints the chosen backend and its reason before the first epoch', () => {
    const common = ['train', '--data', train, '--target', 'label', '--layers', SPEC, '--json'];
    const auto = allJson(run(...common, '--epochs', '1').out);
    expect(auto[0]).toMatchObject({ event: 'backend', backend: 'cpu' });
    expect(Object.keys(auto[0]!)).toEqual(['event', 'backend', 'kernel', 'renderer', 'reason']);
    // W-tiny-sized: the CPU wins wherever it is measured; without GL the reason says so.
    expect(auto[0]!.reason).toMatch(/CPU [\d.]+ ms\/step vs gpu\.js .+ ms\/step|no GL context/);
    expect(auto[1]).toMatchObject({ event: 'epoch', epoch: 1 });
    const cpu = allJson(run(...common, '--epochs', '1', '--backend', 'cpu').out);
    expect(cpu[0]).toMatchObject({
      backend: 'cpu',
      renderer: null,
      reason: 'CPU chosen by the user',
    });
    fails(run(...common, '--backend', 'tpu'), 2, /--backend must be auto, cpu or gpu/);
  });

  it('shows the usage with --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: layerlab train/);
  });
});

describe('layerlab train rejects bad input with one line and a non-zero exit', () => {
  const base = ['train', '--data', train, '--target', 'label'];
  it('a missing --target', () =>
    fails(run('train', '--data', train, '--layers', SPEC), 2, '--target COLUMN is required'));
  it('neither --layers nor --project', () =>
    fails(run(...base), 2, 'give exactly one of --layers SPEC or --project'));
  it('an unknown option', () =>
    fails(run(...base, '--layers', SPEC, '--frobnicate'), 2, 'unknown option --frobnicate'));
  it('a learning rate that is not a number', () =>
    fails(
      run(...base, '--layers', SPEC, '--lr', 'fast'),
      2,
      '--lr must be a number > 0, got "fast"',
    ));
  it('a batch size of 0', () =>
    fails(
      run(...base, '--layers', SPEC, '--batch', '0'),
      2,
      '--batch must be a whole number ≥ 1, got "0"',
    ));
  it('an unknown loss', () =>
    fails(
      run(...base, '--layers', SPEC, '--loss', 'hinge'),
      2,
      '--loss must be cce, bce or mse, got "hinge"',
    ));
  it('an unknown optimizer', () =>
    fails(run(...base, '--layers', SPEC, '--optimizer', 'lion'), 2, 'got "lion"'));
  it('a bad layer item', () =>
    fails(run(...base, '--layers', 'dense:16,swish'), 2, 'item 2 "swish": unknown node'));
  it('a graph problem, naming the node', () =>
    fails(
      run(...base, '--layers', 'dense:16,relu,dense:2,softmax'),
      2,
      'Dense "3:dense:2" has 2 units but the target has 3 classes: set its units to 3.',
    ));
  it('a missing data file', () =>
    fails(
      run('train', '--data', '/nonexistent/x.csv', '--target', 'label', '--layers', SPEC),
      1,
      'cannot read /nonexistent/x.csv: no such file',
    ));
  it('a target column that does not exist', () =>
    fails(
      run('train', '--data', train, '--target', 'species', '--layers', SPEC),
      1,
      'has no column "species"',
    ));
  it('a non-numeric feature cell', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-'));
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'a,label\n1,0\nx,1\n2,1\n');
    fails(
      run('train', '--data', file, '--target', 'label', '--layers', 'dense:2,softmax'),
      1,
      'row 3, column "a": "x" is not a number',
    );
  });
  it('an --early-stop that is not a whole number', () =>
    fails(
      run(...base, '--layers', SPEC, '--early-stop', '0'),
      2,
      '--early-stop must be a whole number of epochs ≥ 1, got "0"',
    ));
  it('an --augment that is not noise:SIGMA or mixup:ALPHA', () =>
    fails(
      run(...base, '--layers', SPEC, '--augment', 'blur:2'),
      2,
      '--augment must be noise:SIGMA',
    ));
  it('a project file that is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-'));
    const file = path.join(dir, 'p.layerlab');
    writeFileSync(file, '{not json');
    fails(run(...base, '--project', file), 1, 'is not a Layerlab project');
  });
  it('a diverging run, naming epoch and batch', () => {
    fails(
      run(
        ...base,
        '--layers',
        'dense:64,relu,dense:3,softmax',
        '--optimizer',
        'sgd',
        '--lr',
        '1e30',
        '--epochs',
        '5',
      ),
      3,
      /Training diverged in epoch \d+, batch \d+/,
    );
  });
});

describe('bench runner', () => {
  it('prints one JSON line per run in the shared bench output schema', () => {
    const r = spawnSync(
      process.execPath,
      [
        path.join(dist, 'bench/run.cjs'),
        '--data-dir',
        path.dirname(train),
        '--workloads',
        'W-tiny',
        '--reps',
        '2',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    const lines = json(r.stdout);
    expect(lines.map((l) => l.rep)).toEqual([0, 1]);
    for (const key of [
      'fw',
      'threads',
      'workload',
      'rep',
      'steps',
      'epochs',
      'train_s',
      'train_cpu_s',
      'train_samples',
      'train_samples_per_s',
      'us_per_step',
      'us_per_epoch',
      'test_acc',
      'infer_samples_per_s',
      'predict1_us',
      'train_gflops',
      'infer_gflops',
    ]) {
      expect(lines[0]).toHaveProperty(key);
    }
    expect(lines[0]).toMatchObject({
      workload: 'W-tiny',
      steps: 800,
      epochs: 100,
      train_samples: 12000,
    });
    expect(lines[1]!.test_acc).toBeGreaterThanOrEqual(0.9);
  });
});
