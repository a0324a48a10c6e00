/**
 * The format version 3 fixture: a project that keeps a sweep (written by `layerlab sweep --save`),
 * and the seed groups a version 3 project may keep beside its sweeps.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, parseProject } from '../../../../../engine/graph/project';
import { FIXTURES, env, type Env } from './helpers';

const V3_FILE = path.join(FIXTURES, 'v3/iris-sweep.layerlab');
const V2_FILE = path.join(FIXTURES, 'v2/iris-two-runs.layerlab');

let e: Env;
beforeEach(async () => {
  e = await env();
  copyFileSync(V3_FILE, path.join(e.workspace, 'sweep.layerlab'));
});
afterEach(() => e.cleanup());

const group = {
  runId: 'run1',
  seeds: [42, 43],
  trainLoss: [
    [1.1, 0.6],
    [1.2, null],
  ],
  valLoss: [
    [1.3, 0.8],
    [1.4, 0.9],
  ],
  penalty: [
    [0.1, 0.2],
    [0.1, 0.3],
  ],
};

async function saveWith(groups: unknown[] | undefined) {
  const opened = await e.handlers['projects:open']({ path: 'sweep.layerlab' });
  await e.handlers['projects:save']({
    path: 'again.layerlab',
    draft: {
      graph: opened.graph,
      training: opened.training,
      runs: opened.runs,
      sweeps: opened.sweeps,
      ...(groups ? { seedGroups: groups as (typeof group)[] } : {}),
      dataset: null,
    },
  });
  return readFileSync(path.join(e.workspace, 'again.layerlab'), 'utf8');
}

describe('the format version 3 fixture', () => {
  it('opens with its sweep: parameters, seeds and every variant with its curve', async () => {
    const opened = await e.handlers['projects:open']({ path: 'sweep.layerlab' });
    expect(opened.formatVersion).toBe(3);
    expect(opened.warnings).toEqual([]);
    expect(opened.sweeps).toHaveLength(1);
    const s = opened.sweeps[0]!;
    expect(s.params).toEqual([{ key: 'l2', values: [0, 0.01], log: false }]);
    expect(s.seeds).toBe(2);
    expect(s.variants.map((v) => [v.values.l2, v.seed])).toEqual([
      [0, s.variants[0]!.seed],
      [0, s.variants[0]!.seed + 1],
      [0.01, s.variants[0]!.seed],
      [0.01, s.variants[0]!.seed + 1],
    ]);
    expect(s.variants.every((v) => v.curve.length === 3 && v.status === 'completed')).toBe(true);
    expect(opened.runs).toHaveLength(2);
  });

  it('saves the sweep back unchanged', async () => {
    const back = parseProject(await saveWith(undefined));
    const before = parseProject(readFileSync(V3_FILE, 'utf8'));
    expect(back.ok && before.ok).toBe(true);
    if (back.ok && before.ok) expect(back.project.sweeps).toEqual(before.project.sweeps);
  });

  it('migrates a version 2 document to version 3 with no sweeps', () => {
    const m = migrate(JSON.parse(readFileSync(V2_FILE, 'utf8')));
    expect(m.ok && m.value).toMatchObject({ formatVersion: 3, sweeps: [] });
    expect(m.ok && m.from).toBe(2);
  });
});

describe('seed groups in the project', () => {
  it('opens a project saved before seed groups were kept, with none', async () => {
    const opened = await e.handlers['projects:open']({ path: 'sweep.layerlab' });
    expect(opened.seedGroups).toEqual([]);
  });

  it('keeps a group’s seeds, curves and penalties through a save and open', async () => {
    await saveWith([group]);
    const opened = await e.handlers['projects:open']({ path: 'again.layerlab' });
    expect(opened.formatVersion).toBe(3);
    expect(opened.seedGroups).toEqual([group]);
  });

  it('writes no seed groups into a file that has none', async () => {
    const text = await saveWith(undefined);
    expect(JSON.parse(text)).not.toHaveProperty('seedGroups');
  });

  it('refuses a group of one seed, naming where', async () => {
    const doc = JSON.parse(await saveWith([group])) as { seedGroups: { seeds: number[] }[] };
    doc.seedGroups[0]!.seeds = [42];
    const parsed = parseProject(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/seedGroups/);
  });
});
