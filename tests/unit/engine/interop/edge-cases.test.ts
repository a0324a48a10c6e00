/**
 * The folder checks on the cases the reading of a cell decides: a yes/no column, integer codes
 * used as categories ("20.0" is category "20"), mixed-case missing tokens, a sigmoid head on one
 * unit (shown as [1 − p, p]) and a Dense layer without bias.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../engine/data/rng';
import {
  buildExportModel,
  exportFiles,
  preprocessingOf,
  referencePredictions,
  referenceRecords,
  tableCsv,
  type ExportFormat,
  type ExportInput,
} from '../../../../engine/interop';
import { onnxModel } from '../../../../engine/interop/onnx';
import { chain, node } from '../graph/helpers';
import { trainOn, type Trained } from './helpers';

const root = path.resolve(__dirname, '../../../..');
const hasTorch = spawnSync('/usr/bin/python3', ['-c', 'import torch']).status === 0;
const hasOnnx = spawnSync('/usr/bin/python3', ['-c', 'import onnx']).status === 0;

function binaryCsv(rows: number): string {
  const rng = new Rng(3);
  const lines = ['member,zone,size,label'];
  for (let r = 0; r < rows; r++) {
    const member = rng.float() < 0.5;
    const zone = [10, 20, 30][rng.int(3)]!;
    const size = rng.float() * 3;
    const s = (member ? 0.8 : -0.4) + (zone - 20) / 15 + size - 1.5 + (rng.float() - 0.5) * 0.3;
    lines.push(`${member ? 'yes' : 'no'},${zone},${size.toFixed(2)},${s > 0 ? 'b' : 'a'}`);
  }
  return lines.join('\n') + '\n';
}

let dir: string;
let trained: Trained;
let input: ExportInput;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-edge-'));
  trained = await trainOn(
    binaryCsv(240),
    { target: 'label', task: 'classification', columns: { zone: { kind: 'categorical' } } },
    () =>
      chain(
        node('in', 'input'),
        node('d1', 'dense', { units: 6, useBias: false }),
        node('a1', 'activation', { fn: 'sigmoid' }),
        node('d2', 'dense', { units: 1 }),
        node('a2', 'activation', { fn: 'sigmoid' }),
        node('out', 'output'),
      ),
    { epochs: 20 },
  );
  const pre = preprocessingOf(trained.prepared.encoder!, false);
  const records = referenceRecords(trained.loaded.table, pre, trained.prepared.splits!.test);
  // Cells as people type them: mixed-case tokens and words, a code written as a decimal.
  records.splice(
    0,
    4,
    { member: 'YES', zone: '20.0', size: '1.5' },
    { member: 'No', zone: 'N/A', size: ' 2.25 ' },
    { member: 'Null', zone: '30', size: 'NaN' },
    { member: 'maybe', zone: '10', size: '1e0' },
  );
  const model = buildExportModel({
    // A file name with quotes and a backslash must not break the scripts' docstrings.
    name: 'edge """case""" \\ model',
    spec: trained.spec,
    weights: trained.weights,
    preprocessing: pre,
    training: { ...trained.settings },
  });
  input = {
    model,
    reference: referencePredictions(trained.spec, trained.weights, pre, records),
    testMetrics: trained.testMetrics,
    data: {
      csv: tableCsv(trained.loaded.table),
      splits: {
        train: Array.from(trained.prepared.splits!.train),
        validation: Array.from(trained.prepared.splits!.validation),
        test: Array.from(trained.prepared.splits!.test),
      },
    },
  };
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(format: ExportFormat, folder: string = format): string {
  const out = path.join(dir, folder);
  mkdirSync(out);
  for (const f of exportFiles(input, format, 'test')) writeFileSync(path.join(out, f.path), f.data);
  return out;
}

function check(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '{}';
  return {
    status: r.status,
    err: r.stderr,
    result: JSON.parse(last.startsWith('{') ? last : '{}'),
  };
}

describe('a binary project with a yes/no column and integer codes as categories', () => {
  it('shows one sigmoid output as two probabilities', () => {
    expect(trained.spec.loss).toBe('bce');
    expect(input.reference[0]!.probabilities).toHaveLength(2);
    expect(input.model.preprocessing.features.map((f) => f.kind)).toEqual([
      'boolean',
      'categorical',
      'numeric',
    ]);
  });

  it.each(['onnx', 'tfjs'] as const)('%s: check.mjs matches Layerlab on typed cells', (format) => {
    const out = write(format);
    symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'));
    const r = check(process.execPath, ['check.mjs'], out);
    expect(r.status, r.err).toBe(0);
    expect(r.result.ok).toBe(true);
    expect(r.result.maxAbsDiff).toBeLessThan(1e-5);
  });

  it.skipIf(!hasTorch)('pytorch: check_parity.py matches Layerlab on typed cells', () => {
    const r = check('/usr/bin/python3', ['check_parity.py'], write('pytorch'));
    expect(r.status, r.err).toBe(0);
    expect(r.result.ok).toBe(true);
  });

  it('keras: train_keras.py compiles with an awkward project name', () => {
    const r = spawnSync('/usr/bin/python3', ['-m', 'py_compile', 'train_keras.py'], {
      cwd: write('keras'),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
  });

  it.skipIf(!hasOnnx)('onnx: the sigmoid-head model passes onnx.checker.check_model', () => {
    const out = write('onnx', 'onnx-checker');
    const r = spawnSync(
      '/usr/bin/python3',
      ['-c', "import onnx; onnx.checker.check_model(onnx.load('model.onnx'), full_check=True)"],
      { cwd: out, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
  });

  it('a wrong cell reading would be caught: the check fails on a changed reference', () => {
    const out = write('tfjs', 'tfjs-changed');
    symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'));
    const ref = JSON.parse(
      exportFiles(input, 'tfjs', 'test').find((f) => f.path === 'reference_predictions.json')!
        .data as string,
    );
    ref.rows[0].probabilities = ref.rows[0].probabilities.map((p: number) => 1 - p);
    writeFileSync(path.join(out, 'reference_predictions.json'), JSON.stringify(ref));
    const r = check(process.execPath, ['check.mjs'], out);
    expect(r.status).toBe(1);
    expect(r.result.ok).toBe(false);
  });
});

describe('ONNX export refusals', () => {
  it('refuses a feature named like an output, naming it', () => {
    const pre = { ...input.model.preprocessing };
    pre.features = pre.features.map((f, i) => (i === 0 ? { ...f, name: 'value' } : f));
    expect(() => onnxModel({ ...input.model, preprocessing: pre }, 'test')).toThrow(
      'the feature "value" has the name of an ONNX output',
    );
  });
});
