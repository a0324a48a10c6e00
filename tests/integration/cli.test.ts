/**
 * The built CLI (dist/electron/cli.cjs), spawned like a user would run it; plus a smoke run of the
 * built benchmark runner (dist/bench/run.cjs) on the iris fixture.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath as cli, distDir as dist, runCli } from '../support/cli';

const root = path.resolve(__dirname, '../..');
const fx = (f: string) => path.join(root, 'tests/fixtures/engine', f);
const train = fx('iris_train.csv');
const test = fx('iris_test.csv');
const diabetes = path.join(root, 'tests/fixtures/cli/diabetes.csv');
const SPEC = 'dense:16,relu,dense:3,softmax';
const wine = path.join(root, 'assets/datasets/wine.csv');

const run = runCli;
const allJson = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
/** The training curve: epoch, alert and done lines (settings, data and backend come first). */
const json = (out: string) =>
  allJson(out).filter((l) => ['epoch', 'alert', 'done', 'error'].includes(l.event as string));
const tmp = () => mkdtempSync(path.join(tmpdir(), 'layerlab-cli-'));

/** A failing run: non-zero exit, exactly one stderr line, no stack trace. */
function fails(r: ReturnType<typeof run>, code: number, message: string | RegExp) {
  expect(r.code).toBe(code);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).toMatch(/^layerlab: /);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
}

describe('layerlab train from a CSV', () => {
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
      '--backend',
      'cpu',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const all = json(r.out);
    for (const a of all.filter((l) => l.event === 'alert')) {
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
    expect(done).toMatchObject({ event: 'done', epochs: 60, evaluated_on: 'test' });
    expect(done.test_acc).toBeGreaterThanOrEqual(0.9);
  });

  it('prints the settings it used: the app defaults, and which flags changed them', () => {
    const r = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '1',
      '--json',
    );
    const [settings, data] = allJson(r.out);
    expect(settings).toMatchObject({
      event: 'settings',
      from: 'defaults',
      settings: { epochs: 1, batchSize: 16, seed: 42, optimizer: 'adam' },
      overridden: [{ setting: 'epochs', from: 50, to: 1 }],
    });
    expect(data).toMatchObject({ event: 'data', target: 'label', task: 'classification' });
    const text = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--batch',
      '8',
      '--epochs',
      '1',
    );
    expect(text.out).toMatch(/^settings \(the app's defaults\): epochs 1, batch 8, adam lr 0\.01/m);
    expect(text.out).toMatch(/^ {2}--batch overrides 16 → 8$/m);
    expect(text.out).toMatch(/split seed 42\)$/m);
  });

  it('prints the same curve for the same seed and a different one for another seed', () => {
    const args = [
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '3',
      '--json',
    ];
    const curve = (seed: string) =>
      json(run(...args, '--seed', seed).out).map(({ elapsedMs: _e, ...l }) => l);
    expect(curve('5')).toEqual(curve('5'));
    expect(curve('5')).not.toEqual(curve('6'));
  });

  it('splits stratified like the app: every class in every split', () => {
    const r = run(
      'train',
      '--data',
      wine,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '1',
      '--json',
    );
    expect(allJson(r.out)[1]).toMatchObject({
      train: 124,
      validation: 27,
      test: 27,
      splitSeed: 42,
    });
    const i = run('inspect', wine, '--json');
    expect(JSON.parse(i.out).split).toMatchObject({ stratified: true });
  });

  it('trains a CSV with a text feature and a regression target (target units in the metrics)', () => {
    const dir = tmp();
    const file = path.join(dir, 'prices.csv');
    const colors = ['red', 'green', 'blue'];
    const rows = Array.from({ length: 240 }, (_, i) => {
      const size = 1 + ((i * 37) % 90) / 10;
      const color = colors[i % 3]!;
      return `${size},${color},${(3 * size + [10, 0, -5][i % 3]! + 100).toFixed(2)}`;
    });
    writeFileSync(file, ['size,color,price', ...rows].join('\n') + '\n');
    const inspect = run('inspect', file, '--target', 'price');
    expect(inspect.code).toBe(0);
    expect(inspect.out).toContain('Ready to train.');
    const r = run(
      'train',
      '--data',
      file,
      '--target',
      'price',
      '--layers',
      'dense:16,relu,dense:1',
      '--epochs',
      '80',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(allJson(r.out)[1]).toMatchObject({ task: 'regression', features: 4 });
    const done = json(r.out).at(-1)!;
    expect(done.test_r2).toBeGreaterThan(0.95);
    // In dollars, not standard deviations: the prices spread over about 30.
    expect(done.test_mae).toBeGreaterThan(0.01);
    expect(done.test_mae).toBeLessThan(3);
  });

  it('reaches test R² > 0.4 on the diabetes data with a scaled target (10-32-1 ReLU, Adam 1e-3)', () => {
    const r = run(
      'train',
      '--data',
      diabetes,
      '--target',
      'target',
      '--layers',
      'dense:32,relu,dense:1',
      '--optimizer',
      'adam',
      '--lr',
      '0.001',
      '--batch',
      '16',
      '--epochs',
      '100',
      '--val-split',
      '0.1',
      '--test-split',
      '0.2',
      '--backend',
      'cpu',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(allJson(r.out)[1]).toMatchObject({ train: 310, validation: 44, test: 88 });
    expect(json(r.out).at(-1)!.test_r2).toBeGreaterThan(0.4);
  });

  it('prints the overfitting alert line and, with --early-stop, restores the best epoch', () => {
    const args = [
      'train',
      '--data',
      wine,
      '--target',
      'label',
      '--layers',
      'dense:512,relu,dense:512,relu,dense:3,softmax',
      '--lr',
      '0.001',
      '--epochs',
      '60',
      '--seed',
      '1',
      '--split-seed',
      '1',
      '--early-stop',
      '25',
    ];
    const r = run(...args, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = json(r.out);
    const alert = lines.find((l) => l.event === 'alert')!;
    expect(alert).toMatchObject({ event: 'alert', kind: 'overfitting', epoch: 10 });
    expect(alert.message).toMatch(/^Overfitting: the training loss still falls/);
    expect(alert.evidence).toMatchObject({ bestEpoch: 3 });
    expect(lines[lines.indexOf(alert) - 1]).toMatchObject({ event: 'epoch', epoch: 10 });
    expect(lines.at(-1)).toMatchObject({ event: 'done', epochs: 28, restored_epoch: 3 });
    const text = run(...args);
    expect(text.out).toMatch(/^alert \(overfitting\) at epoch 10: Overfitting: /m);
    expect(text.out).toMatch(
      /^done: 28 epochs \(stopped early, restored epoch 3\) {2}on the test split/m,
    );
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
    const curve = (...more: string[]) =>
      json(run(...args, ...more).out).map(({ elapsedMs: _e, ...l }) => l);
    const a = curve('--augment', 'noise:0.1,mixup:0.2');
    expect(a).toEqual(curve('--augment', 'noise:0.1,mixup:0.2'));
    expect(a).not.toEqual(curve());
  });

  it('prints readable lines without --json', () => {
    const r = run('train', '--data', train, '--target', 'label', '--layers', SPEC, '--epochs', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^backend: (CPU|gpu.js) \(.+\): .+\nepoch 1\/2 {2}loss [\d.]+ {2}acc [\d.]+ {2}val_loss/m,
    );
    expect(r.out).toMatch(/done: 2 epochs/);
  });

  it('prints the chosen backend and its reason before the first epoch', () => {
    const common = ['train', '--data', train, '--target', 'label', '--layers', SPEC, '--json'];
    const auto = allJson(run(...common, '--epochs', '1').out).slice(2);
    expect(auto[0]).toMatchObject({ event: 'backend', backend: 'cpu' });
    expect(Object.keys(auto[0]!)).toEqual(['event', 'backend', 'kernel', 'renderer', 'reason']);
    expect(auto[0]!.reason).toMatch(/CPU [\d.]+ ms\/step vs gpu\.js .+ ms\/step|no GL context/);
    expect(auto[1]).toMatchObject({ event: 'epoch', epoch: 1 });
    const cpu = allJson(run(...common, '--epochs', '1', '--backend', 'cpu').out).slice(2);
    expect(cpu[0]).toMatchObject({
      backend: 'cpu',
      renderer: null,
      reason: 'CPU chosen by the user',
    });
    fails(run(...common, '--backend', 'tpu'), 2, /--backend must be auto, cpu, gpu/);
  });

  it('ends quietly with exit 0 when its output pipe closes (| head)', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${cli}" train --data "${train}" --target label --layers ${SPEC} --epochs 200 | head -2; exit "\${PIPESTATUS:-0}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('');
    const status = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${cli}" --help | head -1`],
      { encoding: 'utf8' },
    );
    expect(status.status).toBe(0);
    const bash = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${cli}" train --data "${train}" --target label --layers ${SPEC} --epochs 300 | head -1`,
      ],
      { encoding: 'utf8' },
    );
    expect(bash.status).toBe(0);
    expect(bash.stderr).toBe('');
  });

  it('strips escape sequences from data-derived text (a CSV header with an ESC)', () => {
    const dir = tmp();
    const file = path.join(dir, 'esc.csv');
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2}`);
    writeFileSync(
      file,
      ['a\u001b[31mRED\u001b[0m,b\u001b]0;title\u0007,label', ...rows].join('\n'),
    );
    for (const r of [
      run('inspect', file),
      run(
        'train',
        '--data',
        file,
        '--target',
        'label',
        '--layers',
        'dense:2,softmax',
        '--epochs',
        '1',
      ),
      run('train', '--data', file, '--target', 'nope', '--layers', 'dense:2,softmax'),
    ]) {
      const text = r.out + r.err;
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(text).toMatch(/esc\.csv/);
    }
    expect(run('inspect', file).out).toMatch(/^ {2}aRED {2,}integer/m);
    expect(
      run('train', '--data', file, '--target', 'nope', '--layers', 'dense:2,softmax').err,
    ).toContain('its columns are aRED, b, label');
    const j = run('inspect', file, '--json');
    expect(JSON.parse(j.out).columns[0].name).toBe('a\u001b[31mRED\u001b[0m');
  });
});

describe('layerlab train --project, evaluate and predict', () => {
  let dir: string;
  let project: string;
  beforeAll(() => {
    dir = tmp();
    project = path.join(dir, 'iris.layerlab');
    const r = run(
      'train',
      '--data',
      train,
      '--target',
      'label',
      '--layers',
      SPEC,
      '--epochs',
      '20',
      '--out',
      project,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^saved .*iris\.layerlab$/m);
  }, 60_000);

  it('writes the run and the weights as the app writes them (embedded data, settings)', () => {
    const doc = JSON.parse(readFileSync(project, 'utf8'));
    expect(doc.dataset).toMatchObject({ name: 'iris_train.csv', source: { kind: 'embedded' } });
    expect(doc.training).toMatchObject({ epochs: 20, batchSize: 16, seed: 42 });
    expect(doc.weights).toMatchObject({ runId: 'run1', features: 4 });
    expect(doc.runs).toHaveLength(1);
    const run1 = doc.runs[0];
    expect(run1).toMatchObject({ runId: 'run1', dataset: 'iris_train.csv', backend: 'cpu' });
    expect(run1.epochs).toHaveLength(20);
    expect(run1.done).toMatchObject({ runId: 'run1', reason: 'completed', epochs: 20 });
    expect(run1.done.evaluation).toMatchObject({ split: 'test' });
  });

  it('trains a project with its own data and settings; flags override and say so', () => {
    const r = run('train', '--project', project, '--epochs', '4', '--val-split', '0.3', '--json');
    expect(r.code).toBe(0);
    const [settings, data] = allJson(r.out);
    expect(data).toMatchObject({
      file: 'iris_train.csv',
      overridden: [{ setting: 'split', to: { train: 0.55, validation: 0.3, test: 0.15 } }],
    });
    expect(settings).toMatchObject({
      from: 'project',
      settings: { epochs: 4, batchSize: 16 },
      overridden: [{ setting: 'epochs', from: 20, to: 4 }],
    });
    expect(json(r.out).filter((l) => l.event === 'epoch')).toHaveLength(4);
  });

  it('--save writes the new run and weights back and keeps the previous version as .bak', () => {
    const copy = path.join(dir, 'copy.layerlab');
    writeFileSync(copy, readFileSync(project));
    const before = readFileSync(copy, 'utf8');
    const r = run('train', '--project', copy, '--epochs', '3', '--save');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/previous version kept as copy\.layerlab\.bak/);
    expect(readFileSync(copy + '.bak', 'utf8')).toBe(before);
    const doc = JSON.parse(readFileSync(copy, 'utf8'));
    expect(doc.runs.map((x: { runId: string }) => x.runId)).toEqual(['run2', 'run1']);
    expect(doc.weights.runId).toBe('run2');
    expect(doc.training.epochs).toBe(3);
  });

  it('trains a project whose dataset is linked, keeps the link, and refuses a changed file', () => {
    const sub = tmp();
    const csv = readFileSync(train);
    writeFileSync(path.join(sub, 'data.csv'), csv);
    const doc = JSON.parse(readFileSync(project, 'utf8'));
    doc.dataset.source = {
      kind: 'linked',
      path: 'data.csv',
      bytes: csv.byteLength,
      sha256: createHash('sha256').update(csv).digest('hex'),
    };
    const linked = path.join(sub, 'linked.layerlab');
    writeFileSync(linked, JSON.stringify(doc));
    const r = run('train', '--project', linked, '--epochs', '2', '--save', '--json');
    expect(r.code).toBe(0);
    expect(allJson(r.out)[1]).toMatchObject({ file: 'data.csv', train: 84 });
    expect(JSON.parse(readFileSync(linked, 'utf8')).dataset.source).toMatchObject({
      kind: 'linked',
      path: 'data.csv',
    });
    writeFileSync(path.join(sub, 'data.csv'), Buffer.concat([csv, Buffer.from('6,3,5,2,2\n')]));
    fails(run('train', '--project', linked), 1, 'is not the file this project was saved with');
  });

  it('refuses a project of a newer format version, as the app does', () => {
    const doc = JSON.parse(readFileSync(project, 'utf8'));
    const newer = path.join(dir, 'newer.layerlab');
    writeFileSync(newer, JSON.stringify({ ...doc, formatVersion: 99 }));
    fails(run('train', '--project', newer), 1, /uses format version 99.*Update Layerlab/);
  });

  it('evaluates the saved model: accuracy, confusion matrix and per-class P/R/F1', () => {
    const r = run('evaluate', '--project', project, '--json');
    expect(r.code).toBe(0);
    const [e] = allJson(r.out);
    const doc = JSON.parse(readFileSync(project, 'utf8'));
    // The same number the training run reported for its test split.
    expect(e!.acc).toBe(doc.runs[0].done.evaluation.metrics.acc);
    expect(e!.confusion).toEqual(doc.runs[0].done.evaluation.confusion);
    expect(e).toMatchObject({ classes: ['0', '1', '2'] });
    expect((e!.perClass as unknown[]).length).toBe(3);
    const text = run('evaluate', '--project', project);
    expect(text.out).toMatch(/confusion \(rows: actual, columns: predicted\)/);
    expect(text.out).toMatch(/^ {2}class +precision +recall +f1 +support$/m);
    const other = run('evaluate', '--project', project, '--data', test, '--json');
    expect(allJson(other.out)[0]).toMatchObject({ on: test, rows: 30 });
  });

  it('evaluates a regression project in the target units: MAE, RMSE, R²', () => {
    const p = path.join(dir, 'diabetes.layerlab');
    expect(
      run(
        'train',
        '--data',
        diabetes,
        '--target',
        'target',
        '--layers',
        'dense:32,relu,dense:1',
        '--lr',
        '0.001',
        '--epochs',
        '30',
        '--out',
        p,
      ).code,
    ).toBe(0);
    const [e] = allJson(run('evaluate', '--project', p, '--json').out);
    const doc = JSON.parse(readFileSync(p, 'utf8'));
    const metrics = doc.runs[0].done.evaluation.metrics;
    expect(e!.mae).toBeCloseTo(metrics.mae, 6);
    expect(e!.r2).toBe(metrics.r2);
    expect(e!.rmse as number).toBeGreaterThan(e!.mae as number);
    expect(e!.mae as number).toBeGreaterThan(20); // days-of-progression units, not z-scores
  });

  it('predicts rows into a CSV: class probabilities and the predicted class per file line', () => {
    const out = path.join(dir, 'pred.csv');
    const r = run('predict', '--project', project, '--data', test, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^predicted 30 rows into /);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('line,p_0,p_1,p_2,predicted');
    expect(lines).toHaveLength(31);
    const first = lines[1]!.split(',');
    expect(first[0]).toBe('2');
    const p = first.slice(1, 4).map(Number);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('reports rows it cannot encode with their lines, and skips them or fails by flag', () => {
    const rows = path.join(dir, 'rows.csv');
    const header = readFileSync(test, 'utf8').split('\n')[0];
    writeFileSync(
      rows,
      `${header}\n5.1,3.5,1.4,0.2,0\n5.0,oops,1.4,0.2,0\n6.0,3.0\n\n6.3,3.3,6.0,2.5,2\n`,
    );
    const out = path.join(dir, 'rows-pred.csv');
    const skip = run('predict', '--project', project, '--data', rows, '--out', out);
    expect(skip.code).toBe(0);
    expect(skip.err).toContain(
      'layerlab: skipped rows.csv line 3: sepal_width_cm "oops" is not a number',
    );
    expect(skip.err).toContain('layerlab: skipped rows.csv line 4: 2 fields, but the header has 5');
    expect(skip.out).toMatch(/predicted 2 rows .*skipped 2 bad rows/);
    expect(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['line', '2', '6']);
    fails(
      run('predict', '--project', project, '--data', rows, '--out', out, '--on-bad-row', 'fail'),
      4,
      'rows.csv line 3: sepal_width_cm "oops" is not a number',
    );
  });

  it('refuses predict rows without the model feature columns, naming them', () => {
    const rows = path.join(dir, 'cols.csv');
    writeFileSync(rows, 'sepal_length_cm,petal_width_cm\n1,2\n');
    fails(
      run('predict', '--project', project, '--data', rows, '--out', path.join(dir, 'x.csv')),
      1,
      'has no column "sepal_width_cm", "petal_length_cm"',
    );
  });
});

describe('layerlab help', () => {
  it('lists every command, inspect included, and the exit codes', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const c of ['train', 'evaluate', 'predict', 'inspect'])
      expect(r.out).toMatch(new RegExp(`^ {2}${c} `, 'm'));
    expect(r.out).toMatch(
      /exit codes: 0 success, 1 bad data or files, 2 wrong arguments, 3 training diverged/,
    );
  });
  it('has --help for each command', () => {
    for (const c of ['train', 'evaluate', 'predict', 'inspect']) {
      const r = run(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: layerlab ${c}`, 'im'));
    }
  });
});

describe('layerlab rejects bad input with one line and a non-zero exit', () => {
  const base = ['train', '--data', train, '--target', 'label'];
  it('no command', () => fails(run(), 2, 'missing command'));
  it('an unknown command', () => fails(run('fit'), 2, 'unknown command "fit"'));
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
      '--loss must be cce, bce, mse, got "hinge"',
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
  it('a dataset that is not ready, listing its errors', () => {
    const file = path.join(tmp(), 'one.csv');
    writeFileSync(file, 'a,b,label\n1,2,0\n3,4,0\n5,6,0\n7,8,0\n');
    fails(
      run('train', '--data', file, '--target', 'label', '--layers', 'dense:2,softmax'),
      1,
      'one.csv is not ready to train: The target has only one class.',
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
    const file = path.join(tmp(), 'p.layerlab');
    writeFileSync(file, '{not json');
    fails(run('train', '--project', file), 1, 'cannot be opened: The file is not valid JSON');
  });
  it('a project without trained weights for evaluate', () => {
    const dir = tmp();
    const p = path.join(dir, 'p.layerlab');
    const doc = JSON.parse(
      readFileSync(path.join(root, 'tests/fixtures/projects/v1/iris-classifier.layerlab'), 'utf8'),
    );
    writeFileSync(p, JSON.stringify({ ...doc, weights: null }));
    fails(run('evaluate', '--project', p), 1, 'has no trained weights');
  });
  it('--save without a project', () =>
    fails(run(...base, '--layers', SPEC, '--save'), 2, '--save writes back into --project FILE'));
  it('a diverging run, naming the epoch', () =>
    fails(
      run(
        ...base,
        '--layers',
        'dense:64,relu,dense:3,softmax',
        '--optimizer',
        'sgd',
        '--lr',
        '10',
        '--epochs',
        '5',
      ),
      3,
      /Training diverged in epoch \d+/,
    ));
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
    const lines = allJson(r.stdout);
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
    expect(existsSync(cli)).toBe(true);
  });
});
