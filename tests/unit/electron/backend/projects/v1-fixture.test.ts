/** The format version 1 fixture is kept forever: every later Layerlab must open it like this. */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectChannels } from '../../../../../electron/contract/projects';
import { DEFAULT_TRAIN_SETTINGS } from '../../../../../electron/contract/training';
import { FIXTURES, V1_FILE, draftOf, env, type Env } from './helpers';

let e: Env;
beforeEach(async () => {
  e = await env();
  copyFileSync(V1_FILE, path.join(e.workspace, 'iris.layerlab'));
});
afterEach(() => e.cleanup());

describe('the format version 1 fixture', () => {
  it('opens with its graph, settings, run, embedded dataset and weights', async () => {
    const opened = await e.handlers['projects:open']({ path: 'iris.layerlab' });
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'v1/expected.json'), 'utf8')) as {
      csvSha256: string;
    };
    // Opened as the current format; saving writes it.
    expect(opened).toMatchObject({ formatVersion: 3, name: 'iris.layerlab', recovered: false });
    expect(opened.graph.nodes.map((n) => n.id)).toEqual(['in', 'd1', 'a1', 'd2', 'sm', 'out']);
    expect(opened.graph.nodes[3]!.position).toEqual({ x: 540, y: 40 });
    // Settings added after the file was written take their defaults.
    expect(opened.training).toEqual({
      ...DEFAULT_TRAIN_SETTINGS,
      epochs: 3,
      batchSize: 8,
      earlyStopping: { patience: 5, minDelta: 0, restoreBest: true },
    });
    expect(opened.runs[0]!.epochs.map((x) => x.epoch)).toEqual([1, 2, 3]);
    // A version 1 run did not record its network or training data.
    expect(opened.runs[0]).toMatchObject({ graph: null, datasetHash: null });
    expect(opened.runs[0]!.done?.evaluation?.confusion).toEqual([
      [2, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(opened.dataset).toMatchObject({
      status: 'loaded',
      name: 'iris-small.csv',
      embedded: true,
    });
    const csv = e.sources.opened[0]!.text;
    expect(csv.split('\n')[0]).toBe(
      'sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,label',
    );
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(csv).digest('hex')).toBe(expected.csvSha256);
    expect(opened.weights).toMatchObject({
      runId: 'run-1',
      features: 4,
      parameters: 67,
      restored: true,
    });
    expect(opened.warnings).toEqual([
      'The project was upgraded from format version 1; saving writes version 3.',
    ]);
  });

  it('answers a response the contract accepts', async () => {
    const opened = await e.handlers['projects:open']({ path: 'iris.layerlab' });
    expect(projectChannels['projects:open'].response.safeParse(opened).success).toBe(true);
  });
});

describe('the projects contract', () => {
  it('accepts the draft the renderer sends', () => {
    const req = { path: 'a.layerlab', draft: draftOf(), recoveryKey: 'abcd-1234' };
    expect(projectChannels['projects:save'].request.safeParse(req).success).toBe(true);
  });

  it('refuses recovery keys that could name other files or hostile keys', () => {
    for (const key of ['../../etc', '__proto__', 'a/b', 'short']) {
      expect(projectChannels['projects:recover'].request.safeParse({ key }).success).toBe(false);
    }
  });

  it('refuses unknown fields in a draft', () => {
    const req = { path: 'a.layerlab', draft: { ...draftOf(), script: 'x' } };
    expect(projectChannels['projects:save'].request.safeParse(req).success).toBe(false);
  });
});

describe('a dropped project file', () => {
  it('opens from its text, without a path', async () => {
    const text = readFileSync(V1_FILE, 'utf8');
    const opened = await e.handlers['projects:openText']({ name: 'iris.layerlab', text });
    expect(opened).toMatchObject({
      path: null,
      name: 'iris.layerlab',
      dataset: { status: 'loaded' },
    });
  });

  it('is refused with the same messages as a file', async () => {
    await expect(
      e.handlers['projects:openText']({
        name: 'x.layerlab',
        text: '{"format": "layerlab-project"',
      }),
    ).rejects.toThrow('"x.layerlab" cannot be opened: The file is not valid JSON');
  });
});
