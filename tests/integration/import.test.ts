/**
 * `layerlab import` (the built CLI): a project exported to TF.js and ONNX comes back as a new
 * project with the same network and weights and no dataset; refused models fail in one line and
 * write nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { parseProject } from '../../engine/graph/project';
import { shapeOf } from '../unit/engine/interop/import-helpers';

const root = path.resolve(__dirname, '../..');
const iris = path.join(root, 'assets/datasets/iris.csv');

const run = runCli;

function opened(file: string) {
  const p = parseProject(readFileSync(file, 'utf8'));
  if (!p.ok) throw new Error(p.message);
  return p;
}

let dir: string;
let project: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-cli-import-'));
  project = path.join(dir, 'iris.layerlab');
  const r = run(
    'train',
    '--data',
    iris,
    '--target',
    'label',
    '--layers',
    'dense:8,relu,dense:3,softmax',
    '--epochs',
    '5',
    '--out',
    project,
  );
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe('layerlab import', () => {
  it.each([
    ['tfjs', 'model.json'],
    ['onnx', 'model.onnx'],
  ])('brings a %s export back as the same network and weights', (format, model) => {
    const out = path.join(dir, `export-${format}`);
    expect(run('export', '--project', project, '--format', format, '--out', out).code).toBe(0);
    const back = path.join(dir, `back-${format}.layerlab`);
    const r = run('import', path.join(out, model), '--out', back, '--json');
    expect(r.code, r.err).toBe(0);
    const line = JSON.parse(r.out.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({
      event: 'imported',
      format,
      features: 4,
      outputs: 3,
      hasWeights: true,
    });
    const original = opened(project);
    const imported = opened(back);
    expect(shapeOf(imported.project.graph)).toEqual(shapeOf(original.project.graph));
    expect(imported.project.dataset).toBeNull();
    expect(imported.weights!.arrays).toEqual(original.weights!.arrays);
  });

  it('refuses a Conv layer in one line and writes no project', () => {
    const json = path.join(dir, 'conv.json');
    writeFileSync(
      json,
      JSON.stringify({
        modelTopology: {
          class_name: 'Sequential',
          config: { layers: [{ class_name: 'Conv2D', config: { name: 'conv2d_1' } }] },
        },
      }),
    );
    const out = path.join(dir, 'conv.layerlab');
    const r = run('import', json, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /layerlab: conv\.json: layer "conv2d_1" is a Conv2D layer; Layerlab imports/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing project file alone', () => {
    const r = run('import', path.join(dir, 'export-tfjs', 'model.json'), '--out', project);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/exists already/);
    expect(opened(project).project.dataset).not.toBeNull();
  });
});
