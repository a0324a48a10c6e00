/** The format version 2 fixture: every run comes back with the network it trained. */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProject } from '../../../../../engine/graph/project';
import { graphDiff } from '../../../../../engine/graph/graph-diff';
import { FIXTURES, env, type Env } from './helpers';

const V2_FILE = path.join(FIXTURES, 'v2/iris-two-runs.layerlab');

let e: Env;
beforeEach(async () => {
  e = await env();
  copyFileSync(V2_FILE, path.join(e.workspace, 'two.layerlab'));
});
afterEach(() => e.cleanup());

describe('the format version 2 fixture', () => {
  it("opens with each run's network and training-data hash, upgraded to version 3", async () => {
    const opened = await e.handlers['projects:open']({ path: 'two.layerlab' });
    expect(opened.formatVersion).toBe(3);
    expect(opened.sweeps).toEqual([]);
    expect(opened.warnings).toEqual([
      'The project was upgraded from format version 2; saving writes version 3.',
    ]);
    expect(opened.runs.map((r) => [r.runId, r.datasetHash])).toEqual([
      ['run-2', '5d1c0f3a9b2e7c64'],
      ['run-1', '5d1c0f3a9b2e7c64'],
    ]);
    expect(graphDiff(opened.runs[1]!.graph!, opened.runs[0]!.graph!)).toEqual(['d1 units 4 → 8']);
  });

  it("saves each run's network back unchanged", async () => {
    const opened = await e.handlers['projects:open']({ path: 'two.layerlab' });
    await e.handlers['projects:save']({
      path: 'again.layerlab',
      draft: { graph: opened.graph, training: opened.training, runs: opened.runs, dataset: null },
    });
    const text = readFileSync(path.join(e.workspace, 'again.layerlab'), 'utf8');
    const back = parseProject(text);
    const before = parseProject(readFileSync(V2_FILE, 'utf8'));
    expect(back.ok && before.ok).toBe(true);
    if (!back.ok || !before.ok) return;
    expect(back.project.runs.map((r) => r.graph)).toEqual(before.project.runs.map((r) => r.graph));
  });
});
