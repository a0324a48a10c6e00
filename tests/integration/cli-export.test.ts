/**
 * `layerlab export` (the built CLI): a project trained by the CLI goes out in every format, the
 * ONNX folder's reference predictions are what onnxruntime computes from the raw rows, and bad
 * requests fail in one line without touching an existing folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const root = path.resolve(__dirname, '../..');
const iris = path.join(root, 'assets/datasets/iris.csv');

const run = runCli;

let dir: string;
let project: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-export-'));
  project = path.join(dir, 'iris.layerlab');
  const r = run(
    'train',
    '--data',
    iris,
    '--target',
    'label',
    '--layers',
    'dense:8,relu,dropout:0.2,dense:3,softmax',
    '--epochs',
    '15',
    '--l2',
    '0.001',
    '--out',
    project,
  );
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe('layerlab export', () => {
  it('writes each format with its preprocessing, reference predictions and a check', () => {
    const expected: Record<string, string> = {
      onnx: 'model.onnx',
      tfjs: 'model.json',
      pytorch: 'train_torch.py',
      keras: 'train_keras.py',
    };
    for (const [format, model] of Object.entries(expected)) {
      const out = path.join(dir, `out-${format}`);
      const r = run('export', '--project', project, '--format', format, '--out', out, '--json');
      expect(r.code, r.err).toBe(0);
      const line = JSON.parse(r.out.trim().split('\n').at(-1)!) as { files: string[] };
      expect(line.files).toContain(model);
      const files = readdirSync(out);
      for (const f of [model, 'README.md', 'preprocessing.json', 'reference_predictions.json'])
        expect(files).toContain(f);
    }
  });

  it('gives reference predictions that onnxruntime reproduces from the raw rows', async () => {
    const out = path.join(dir, 'out-onnx');
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(readFileSync(path.join(out, 'model.onnx')));
    const ref = JSON.parse(readFileSync(path.join(out, 'reference_predictions.json'), 'utf8')) as {
      rows: { inputs: Record<string, string>; probabilities: number[] }[];
    };
    let worst = 0;
    for (const row of ref.rows) {
      const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
      for (const name of session.inputNames) {
        const v = row.inputs[name];
        // iris is numeric: a cell is a number, or NaN for a missing one.
        const x = v === undefined || v.trim() === '' ? NaN : Number(v);
        feeds[name] = new ort.Tensor('float64', Float64Array.from([x]), [1, 1]);
      }
      const result = await session.run(feeds);
      const p = Array.from(result.probabilities!.data as Float32Array);
      row.probabilities.forEach((q, i) => (worst = Math.max(worst, Math.abs(q - p[i]!))));
    }
    console.info(`export: onnxruntime vs Layerlab, max abs difference ${worst}`);
    expect(worst).toBeLessThan(1e-5);
  });

  it('refuses an unknown format, a missing --out and a folder that holds files, in one line', () => {
    const kept = path.join(dir, 'kept');
    execFileSync('mkdir', ['-p', kept]);
    writeFileSync(path.join(kept, 'mine.txt'), 'keep me');
    for (const [args, message] of [
      [['--format', 'xml', '--out', path.join(dir, 'x')], '--format must be onnx'],
      [['--format', 'onnx'], '--out DIR is required'],
      [['--format', 'onnx', '--out', kept], 'already exists and is not an empty folder'],
    ] as const) {
      const r = run('export', '--project', project, ...args);
      expect(r.code).not.toBe(0);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain(message);
    }
    expect(readdirSync(kept)).toEqual(['mine.txt']);
  });
});
