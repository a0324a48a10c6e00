/**
 * Malformed and hostile project files (tests/fixtures/projects/corpus): each is opened through the
 * backend and must give its expected message — never a crash, a hang or a loaded document.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../electron/contract';
import { FIXTURES, env, type Env } from './helpers';

const CORPUS = path.join(FIXTURES, 'corpus');

type Expect =
  | { refused: 'BAD_REQUEST' | 'TOO_LARGE'; message: string; field?: string }
  | { dataset: 'missing' | 'changed' | 'unreadable'; message: string };

const cases: Record<string, Expect> = {
  truncated: {
    refused: 'BAD_REQUEST',
    message: 'the file ends too early (is it truncated?) at line 42, column 15',
  },
  empty: { refused: 'BAD_REQUEST', message: 'the file ends too early' },
  'not-json': {
    refused: 'BAD_REQUEST',
    message: 'not valid JSON: unexpected "h" at line 1, column 1',
  },
  'trailing-garbage': { refused: 'BAD_REQUEST', message: 'unexpected "}" at line 306, column 1' },
  'json-array': {
    refused: 'BAD_REQUEST',
    message: 'not a Layerlab project file (it is not a JSON object)',
  },
  'wrong-format': {
    refused: 'BAD_REQUEST',
    message: 'not a Layerlab project file (format: expected "layerlab-project")',
  },
  'future-version': {
    refused: 'BAD_REQUEST',
    message: 'made by a newer Layerlab (Layerlab 9.0.0): it uses format version 4',
  },
  'version-as-string': {
    refused: 'BAD_REQUEST',
    message: 'formatVersion: must be a whole number',
    field: 'formatVersion',
  },
  'proto-key': {
    refused: 'BAD_REQUEST',
    message: 'graph.__proto__: the key "__proto__" is not allowed',
    field: 'graph.__proto__',
  },
  'constructor-key': {
    refused: 'BAD_REQUEST',
    message: 'dataset.options.constructor: the key "constructor" is not allowed',
  },
  'units-zero': {
    refused: 'BAD_REQUEST',
    message: 'graph.nodes[1].params.units: must be at least 1.',
    field: 'graph.nodes[1].params.units',
  },
  'units-wrong-type': {
    refused: 'BAD_REQUEST',
    message: 'graph.nodes[1].params.units: Invalid input: expected number, received string',
  },
  'units-absurd': { refused: 'BAD_REQUEST', message: 'graph.nodes[1].params.units: Too big' },
  'missing-graph': {
    refused: 'BAD_REQUEST',
    message: 'graph: Invalid input: expected object, received undefined',
    field: 'graph',
  },
  'training-negative-learning-rate': {
    refused: 'BAD_REQUEST',
    message: 'training.lr: the learning rate must be above 0',
    field: 'training.lr',
  },
  'training-wrong-type': {
    refused: 'BAD_REQUEST',
    message: 'training: Invalid input: expected record, received string',
  },
  'missing-runs': {
    refused: 'BAD_REQUEST',
    message: 'runs: Invalid input: expected array, received undefined',
    field: 'runs',
  },
  'unknown-layer-kind': {
    refused: 'BAD_REQUEST',
    message: 'graph.nodes[2].kind: Invalid discriminator value',
  },
  'extra-top-level-key': {
    refused: 'BAD_REQUEST',
    message: 'onOpen: unknown field',
    field: 'onOpen',
  },
  'edge-to-missing-node': {
    refused: 'BAD_REQUEST',
    message: 'graph.edges[1].target: there is no node "ghost"',
  },
  'duplicate-node-id': {
    refused: 'BAD_REQUEST',
    message: 'graph.nodes[3].id: the node id "d1" is used twice',
  },
  'weights-wrong-shape': {
    refused: 'BAD_REQUEST',
    message: 'weights.tensors[0].shape: dense1.W must be 4×8 for this graph, the file says 4×9',
  },
  'weights-missing-tensor': {
    refused: 'BAD_REQUEST',
    message: 'the graph has 4 weight arrays, the file has 3',
  },
  'weights-nan': {
    refused: 'BAD_REQUEST',
    message: 'dense1.W holds NaN at index 0; weights must be finite numbers',
  },
  'weights-infinity': { refused: 'BAD_REQUEST', message: 'dense1.W holds -Infinity at index 0' },
  'weights-short-data': {
    refused: 'BAD_REQUEST',
    message: 'dense1.b needs 8 float32 values (32 bytes), the data has 12 bytes',
  },
  'weights-not-base64': {
    refused: 'BAD_REQUEST',
    message: 'weights.tensors[0].data: must be base64 text',
  },
  'weights-absurd-network': {
    refused: 'BAD_REQUEST',
    message: 'the network would have 8590393344 weights; the limit is 67108864',
  },
  'too-many-runs': {
    refused: 'BAD_REQUEST',
    message: 'runs: Too big: expected array to have <=1000 items',
  },
  'deep-nesting': { refused: 'BAD_REQUEST', message: 'nests deeper than 64 levels' },
  'dataset-absurd-size': {
    refused: 'BAD_REQUEST',
    message: 'dataset.source.bytes: the dataset is too large',
  },
  'dataset-absolute-link': {
    refused: 'BAD_REQUEST',
    message: 'dataset.source.path: must be a relative path',
  },
  'not-utf8': { refused: 'BAD_REQUEST', message: 'not a Layerlab project (not UTF-8 text)' },
  'png-image': { refused: 'BAD_REQUEST', message: 'not a Layerlab project (not UTF-8 text)' },
  'dataset-linked-missing': {
    dataset: 'missing',
    message: 'The linked dataset "iris-small.csv" was not found at data/does-not-exist.csv',
  },
  'dataset-link-escapes': { dataset: 'missing', message: 'is outside the workspace folder' },
  'dataset-hash-mismatch': { dataset: 'unreadable', message: 'does not match its sha256 hash' },
  'dataset-gzip-bomb': {
    dataset: 'unreadable',
    message: 'larger than the 100 bytes the file declares',
  },
  'dataset-not-gzip': { dataset: 'unreadable', message: 'not valid gzip data' },
};

let e: Env;
beforeAll(async () => {
  e = await env();
  for (const f of readdirSync(CORPUS))
    copyFileSync(path.join(CORPUS, f), path.join(e.workspace, f));
});
afterAll(() => e.cleanup());

describe('the hostile project corpus', () => {
  it('has an expectation for every file, and at least 20 files', () => {
    const files = readdirSync(CORPUS).map((f) => f.replace(/\.layerlab$/, ''));
    expect(files.sort()).toEqual(Object.keys(cases).sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const [name, want] of Object.entries(cases)) {
    it(`${name}: ${'refused' in want ? 'refused' : `opens with the dataset ${want.dataset}`}`, async () => {
      const open = e.handlers['projects:open']({ path: `${name}.layerlab` });
      if ('refused' in want) {
        const err = await open.then(
          () => null,
          (x: unknown) => x,
        );
        expect(err).toBeInstanceOf(AppError);
        const app = err as AppError;
        expect(app.code).toBe(want.refused);
        expect(app.message).toContain(`"${name}.layerlab" cannot be opened: `);
        expect(app.message).toContain(want.message);
        if (want.field) expect(app.details).toMatchObject({ field: want.field });
      } else {
        const opened = await open;
        expect(opened.dataset?.status).toBe(want.dataset);
        expect(opened.dataset && 'message' in opened.dataset && opened.dataset.message).toContain(
          want.message,
        );
        expect(opened.graph.nodes).toHaveLength(6);
      }
    });
  }

  it('never pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
