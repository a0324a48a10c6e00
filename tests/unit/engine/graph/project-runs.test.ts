/** Runs keep the network they trained: the version 1 → 2 step and the version 2 fixture. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphDiff } from '../../../../engine/graph/graph-diff';
import {
  PROJECT_FORMAT_VERSION,
  migrate,
  parseProject,
  runGraphOf,
  serializeProject,
} from '../../../../engine/graph/project';

const FIXTURES = path.join(__dirname, '../../../fixtures/projects');
const V1 = path.join(FIXTURES, 'v1/iris-classifier.layerlab');
const V2 = path.join(FIXTURES, 'v2/iris-two-runs.layerlab');

function opened(file: string) {
  const r = parseProject(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('format version 1 → 2', () => {
  it('marks each run of a version 1 file "network not recorded" and keeps the rest', () => {
    const raw = JSON.parse(readFileSync(V1, 'utf8')) as { runs: Record<string, unknown>[] };
    const m = migrate(raw);
    expect(m.ok && m.from).toBe(1);
    const doc = m.ok ? (m.value as { formatVersion: number; runs: unknown[] }) : null;
    expect(doc?.formatVersion).toBe(PROJECT_FORMAT_VERSION);
    expect(doc?.runs).toEqual(raw.runs.map((r) => ({ ...r, graph: null, datasetHash: null })));
  });

  it('says the file was upgraded and that saving writes version 2', () => {
    expect(opened(V1).warnings).toEqual([
      'The project was upgraded from format version 1; saving writes version 3.',
    ]);
  });

  it('saves an upgraded version 1 file as a version 3 file that opens the same', () => {
    const once = serializeProject(opened(V1).project);
    expect(JSON.parse(once)).toMatchObject({ formatVersion: 3 });
    const again = opened(V1);
    expect(parseProject(once)).toMatchObject({ ok: true, project: again.project, warnings: [] });
  });

  it('refuses a version 2 run without its graph field, naming the run', () => {
    const doc = JSON.parse(readFileSync(V2, 'utf8')) as { runs: Record<string, unknown>[] };
    delete doc.runs[1]!.graph;
    const r = parseProject(JSON.stringify(doc));
    expect(r).toMatchObject({ ok: false, code: 'schema', path: 'runs[1].graph' });
  });

  it("refuses a run's network whose edge names a missing node", () => {
    const doc = JSON.parse(readFileSync(V2, 'utf8')) as {
      runs: { graph: { edges: { target: string }[] } }[];
    };
    doc.runs[0]!.graph.edges[2]!.target = 'nowhere';
    const r = parseProject(JSON.stringify(doc));
    expect(r).toMatchObject({ ok: false, code: 'graph', path: 'runs[0].graph.edges[2].target' });
    expect(!r.ok && r.message).toContain('there is no node "nowhere"');
  });
});

describe('the format version 2 fixture', () => {
  it("opens with each run's network and training-data hash", () => {
    const { project, warnings } = opened(V2);
    expect(warnings).toEqual([
      'The project was upgraded from format version 2; saving writes version 3.',
    ]);
    expect(project.runs.map((r) => r.runId)).toEqual(['run-2', 'run-1']);
    expect(project.runs.map((r) => r.datasetHash)).toEqual([
      '5d1c0f3a9b2e7c64',
      '5d1c0f3a9b2e7c64',
    ]);
    expect(project.runs[0]!.graph).toEqual(runGraphOf(project.graph));
    expect(graphDiff(project.runs[1]!.graph!, project.runs[0]!.graph!)).toEqual(['d1 units 4 → 8']);
  });

  it("survives open → save as version 3 with no sweeps, keeping each run's graph", () => {
    const text = readFileSync(V2, 'utf8');
    const { project } = opened(V2);
    expect(JSON.parse(serializeProject(project))).toEqual({
      ...JSON.parse(text),
      formatVersion: 3,
      sweeps: [],
    });
    // The version 3 fixture (a project with a sweep) saves byte-identically.
    const v3 = path.join(path.dirname(V2), '../v3/iris-sweep.layerlab');
    expect(serializeProject(opened(v3).project)).toBe(readFileSync(v3, 'utf8'));
    const reread = parseProject(serializeProject(project));
    const back = reread.ok ? reread.project : null;
    if (!back) throw new Error('the saved text did not open');
    expect(back.runs.map((r) => r.graph)).toEqual(project.runs.map((r) => r.graph));
    expect(back.runs[1]!.graph!.nodes.find((n) => n.id === 'd1')!.params).toMatchObject({
      units: 4,
    });
  });
});
