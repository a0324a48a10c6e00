/** The format version 3 fixture: a project that keeps a sweep (written by `layerlab sweep --save`). */
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
    const opened = await e.handlers['projects:open']({ path: 'sweep.layerlab' });
    await e.handlers['projects:save']({
      path: 'again.layerlab',
      draft: {
        graph: opened.graph,
        training: opened.training,
        runs: opened.runs,
        sweeps: opened.sweeps,
        dataset: null,
      },
    });
    const back = parseProject(readFileSync(path.join(e.workspace, 'again.layerlab'), 'utf8'));
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
