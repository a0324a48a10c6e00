/**
 * `layerlab sweep` (the built CLI): a variant trains exactly the single run with its value and
 * seed (the epoch losses of `layerlab train --project P` with that setting), bad parameters are
 * refused naming the node, and the summary says which value is best.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const root = path.resolve(__dirname, '../..');
const iris = path.join(root, 'tests/fixtures/engine/iris_train.csv');

const run = runCli;
const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let project = '';
beforeAll(() => {
  project = path.join(mkdtempSync(path.join(tmpdir(), 'layerlab-sweep-')), 'iris.layerlab');
  const r = run(
    'train',
    '--data',
    iris,
    '--target',
    'label',
    '--layers',
    'dense:8,relu,dropout:0.1,dense:3,softmax',
    '--epochs',
    '2',
    '--seed',
    '5',
    '--backend',
    'cpu',
    '--out',
    project,
  );
  expect(r.err).toBe('');
}, 120_000);

describe('layerlab sweep', () => {
  it('trains each variant exactly as layerlab train with that value and seed', () => {
    const s = run(
      'sweep',
      '--project',
      project,
      '--param',
      'l2=0,0.01',
      '--seeds',
      '2',
      '--epochs',
      '6',
      '--json',
    );
    expect(s.err).toBe('');
    expect(s.code).toBe(0);
    const out = lines(s.out);
    // Variants finish in any order across the workers.
    const variants = out
      .filter((l) => l.event === 'variant')
      .sort((a, b) => Number(String(a.variant).slice(1)) - Number(String(b.variant).slice(1)));
    expect(variants.map((v) => [v.values, v.seed])).toEqual([
      [{ l2: 0 }, 5],
      [{ l2: 0 }, 6],
      [{ l2: 0.01 }, 5],
      [{ l2: 0.01 }, 6],
    ]);
    // v4 is l2 = 0.01 with the second seed (the project's seed + 1).
    const sweepLosses = out
      .filter((l) => l.event === 'epoch' && l.variant === 'v4')
      .map((l) => [l.loss, l.val_loss]);
    const t = run(
      'train',
      '--project',
      project,
      '--l2',
      '0.01',
      '--seed',
      '6',
      '--epochs',
      '6',
      '--backend',
      'cpu',
      '--json',
    );
    expect(t.code).toBe(0);
    const trainLosses = lines(t.out)
      .filter((l) => l.event === 'epoch')
      .map((l) => [l.loss, l.val_loss]);
    expect(sweepLosses).toHaveLength(6);
    expect(sweepLosses).toEqual(trainLosses);
    const u = out.find((l) => l.event === 'ucurve')!;
    expect(u.key).toBe('l2');
    expect((u.points as unknown[]).length).toBe(2);
    expect(u.versus_neighbours).toHaveLength(1);
  }, 120_000);

  it('sweeps a layer parameter named by its node id', () => {
    const s = run('sweep', '--project', project, '--param', '1:dense:8.units=2,8', '--epochs', '2');
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/v1 1:dense:8.units=2 seed 5: completed/);
    expect(s.out).toMatch(/best 1:dense:8.units: (2|8)/);
  }, 120_000);

  it('refuses a parameter of a node the network does not have, naming its nodes', () => {
    const s = run('sweep', '--project', project, '--param', 'dense_9.units=4,8');
    expect(s.code).toBe(2);
    expect(s.err.trim()).toBe(
      'layerlab: --param dense_9.units: the network has no node "dense_9"; the network\'s dense nodes are 1:dense:8, 4:dense:3',
    );
    const bad = run('sweep', '--project', project, '--param', 'l2=-1');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--param l2 must be a number from 0 to 10, got "-1"/);
  }, 120_000);
});
