import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  bytesToFloat32,
  checkWeights,
  decodeBase64,
  encodeBase64,
  expectedWeights,
  float32ToBytes,
  migrate,
  packWeights,
  parseProject,
  serializeProject,
  type Project,
} from '../../../../engine/graph/project';
import { Network } from '../../../../engine/train/network';
import { Trainer } from '../../../../engine/train/trainer';
import { chain, classifier, node } from './helpers';

const V1 = path.join(__dirname, '../../../fixtures/projects/v1/iris-classifier.layerlab');

const settings = {
  epochs: 5,
  batchSize: 8,
  optimizer: 'adam' as const,
  lr: 0.01,
  schedule: 'constant' as const,
  l1: 0,
  l2: 0,
  seed: 1,
  earlyStopping: null,
};

function project(over: Partial<Project> = {}): Project {
  return {
    format: 'layerlab-project',
    formatVersion: 3,
    app: { name: 'Layerlab', version: '0.1.0' },
    graph: classifier(),
    dataset: null,
    training: settings,
    runs: [],
    weights: null,
    sweeps: [],
    ...over,
  };
}

function parsed(text: string) {
  const r = parseProject(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('project documents', () => {
  it('survive save → open as a deep-equal document, and save again byte-identically', () => {
    const net = new Network(
      (() => {
        const c = expectedWeights(classifier(), 5);
        if (!c.ok) throw new Error(c.message);
        return c.spec;
      })(),
      { seed: 3 },
    );
    const packed = packWeights(classifier(), 5, net.getWeights(), 'r1');
    if (!packed.ok) throw new Error(packed.message);
    const doc = project({ weights: packed.weights });
    const text = serializeProject(doc);
    const back = parsed(text);
    expect(back.project).toEqual(doc);
    expect(serializeProject(back.project)).toBe(text);
  });

  it('serializes deterministically whatever the key order in memory', () => {
    const a = project();
    const b = JSON.parse(JSON.stringify(a), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse())
        : v,
    ) as Project;
    expect(serializeProject(b)).toBe(serializeProject(a));
  });

  it('keeps trained weights bit-exact: a trainer given the reopened weights predicts identically', () => {
    const graph = classifier();
    const c = expectedWeights(graph, 5);
    if (!c.ok) throw new Error(c.message);
    const trainer = new Trainer(c.spec, { seed: 11 });
    // Perturb the initial weights so they are not just the seed's initialisation.
    const weights = trainer.network.getWeights().map((w) => w.map((v, i) => v + Math.sin(i) / 7));
    trainer.network.setWeights(weights);
    const x = { rows: 4, cols: 5, data: Float32Array.from({ length: 20 }, (_, i) => i / 10 - 1) };
    const before = trainer.network.predictBatch(x).data.slice();

    const packed = packWeights(graph, 5, trainer.network.getWeights(), 'run-7');
    if (!packed.ok) throw new Error(packed.message);
    const back = parsed(serializeProject(project({ weights: packed.weights })));
    expect(back.weights).not.toBeNull();
    const fresh = new Trainer(back.weights!.spec, { seed: 99 });
    fresh.network.setWeights(back.weights!.arrays);
    const after = fresh.network.predictBatch(x).data;
    expect(Array.from(after)).toEqual(Array.from(before));
    back.weights!.arrays.forEach((a, i) =>
      expect(Buffer.from(a.buffer)).toEqual(Buffer.from(weights[i]!.buffer)),
    );
  });

  it('trains identically after reopening: same graph, settings and seed give the same curves', async () => {
    const doc = project({ training: { ...settings, seed: 5 } });
    const back = parsed(serializeProject(doc)).project;
    const x = { rows: 12, cols: 5, data: Float32Array.from({ length: 60 }, (_, i) => Math.cos(i)) };
    const y = {
      rows: 12,
      cols: 3,
      data: Float32Array.from({ length: 36 }, (_, i) => (i % 4 === 0 ? 1 : 0)),
    };
    const curve = async (p: Project) => {
      const c = expectedWeights(p.graph, 5);
      if (!c.ok) throw new Error(c.message);
      const t = p.training as typeof settings;
      const trainer = new Trainer(c.spec, { seed: t.seed });
      const fit = await trainer.fit(
        { x, y },
        {
          epochs: 3,
          batchSize: t.batchSize,
          optimizer: { name: t.optimizer, lr: t.lr },
          monitor: false,
        },
      );
      return fit.history.map((h) => h.train);
    };
    const before = await curve(doc);
    expect(before).toHaveLength(3);
    expect(Number.isFinite(before[2]!.loss)).toBe(true);
    expect(await curve(back)).toEqual(before);
  });

  it('names the bad field in schema errors', () => {
    const doc = project();
    (doc.graph.nodes[1]!.params as { units: number }).units = 0;
    const r = parseProject(serializeProject(doc));
    expect(r).toMatchObject({
      ok: false,
      code: 'schema',
      path: 'graph.nodes[1].params.units',
      message: 'graph.nodes[1].params.units: must be at least 1.',
    });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const r = parseProject('{\n  "format": "layerlab-project",\n  "formatVersion": 1,,\n}');
    expect(r).toMatchObject({ ok: false, code: 'syntax' });
    expect(!r.ok && r.message).toContain('unexpected "," at line 3, column 22');
  });

  it('refuses texts over the size limit before parsing them', () => {
    expect(parseProject('x'.repeat(101), { maxBytes: 100 })).toMatchObject({
      ok: false,
      code: 'too_large',
    });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels without overflowing the stack`, () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseProject(deep)).toMatchObject({ ok: false, code: 'too_deep' });
  });

  it('refuses an unknown future version with "made by a newer Layerlab"', () => {
    const r = migrate({ format: 'layerlab-project', formatVersion: 7, app: { version: '3.0.0' } });
    expect(r).toMatchObject({ ok: false, code: 'newer_version' });
    expect(!r.ok && r.message).toContain('made by a newer Layerlab');
  });

  it('passes current-version documents through migrate unchanged', () => {
    const raw = JSON.parse(serializeProject(project())) as Record<string, unknown>;
    expect(migrate(raw)).toEqual({ ok: true, value: raw, from: 3 });
  });

  it('warns when the file was saved by a newer app of the same format version', () => {
    const doc = project({ app: { name: 'Layerlab', version: '2.5.0' } });
    const r = parseProject(serializeProject(doc), { appVersion: '0.1.0' });
    expect(r.ok && r.warnings[0]).toContain('Layerlab 2.5.0');
  });
});

describe('project weights', () => {
  it('follow the network: kernel inputs × units then bias, per Dense layer', () => {
    const graph = chain(
      node('in', 'input'),
      node('d1', 'dense', { units: 6, useBias: false }),
      node('d2', 'dense', { units: 2 }),
      node('out', 'output', { loss: 'mse' }),
    );
    const e = expectedWeights(graph, 3);
    expect(e.ok && e.tensors.map((t) => [t.name, t.node, t.shape])).toEqual([
      ['dense1.W', 'd1', [3, 6]],
      ['dense2.W', 'd2', [6, 2]],
      ['dense2.b', 'd2', [2]],
    ]);
    const net = new Network(e.ok ? e.spec : (undefined as never));
    expect(net.params.map((p) => [p.name, p.value.length])).toEqual([
      ['dense1.W', 18],
      ['dense2.W', 12],
      ['dense2.b', 2],
    ]);
  });

  it('are not packed when they no longer fit the edited graph', () => {
    const e = expectedWeights(classifier(), 5);
    const arrays = e.ok ? e.tensors.map((t) => new Float32Array(t.size)) : [];
    const edited = classifier();
    (edited.nodes[1]!.params as { units: number }).units = 9;
    const r = packWeights(edited, 5, arrays, null);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('was the graph changed after training?');
  });

  it('refuse a graph that does not compile', () => {
    const e = expectedWeights(classifier(), 5);
    const packed =
      e.ok &&
      packWeights(
        classifier(),
        5,
        e.tensors.map((t) => new Float32Array(t.size)),
        null,
      );
    if (!packed || !packed.ok) throw new Error('pack');
    const broken = classifier();
    broken.edges = broken.edges.slice(1);
    const r = checkWeights(broken, packed.weights);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('the graph does not compile');
  });
});

describe('base64 and float32 bytes', () => {
  it('round-trip every length and value bit-exactly', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
    }
    const values = new Float32Array([0, -0, 1.5, -3.25e-38, 3.4e38, Math.PI, 1e-45]);
    const back = bytesToFloat32(decodeBase64(encodeBase64(float32ToBytes(values))));
    expect(Buffer.from(back.buffer)).toEqual(Buffer.from(values.buffer));
  });

  it('stores float32 little-endian', () => {
    expect(Array.from(float32ToBytes(new Float32Array([1])))).toEqual([0, 0, 0x80, 0x3f]);
  });

  it('refuses characters outside the alphabet and misplaced padding', () => {
    expect(() => decodeBase64('ab!d')).toThrow('not a base64 character');
    expect(() => decodeBase64('ab=d')).toThrow('padding');
    expect(() => decodeBase64('abc')).toThrow('multiple of 4');
  });
});

describe('the format version 1 fixture (kept forever)', () => {
  it('opens with its graph, dataset, run and weights', () => {
    const r = parsed(readFileSync(V1, 'utf8'));
    // Opened as the current version, its run marked "network not recorded".
    expect(r.project.formatVersion).toBe(3);
    expect(r.project.runs[0]).toMatchObject({ graph: null, datasetHash: null });
    expect(r.project.graph.nodes.map((n) => n.kind)).toEqual([
      'input',
      'dense',
      'activation',
      'dense',
      'softmax',
      'output',
    ]);
    expect(r.project.dataset?.source.kind).toBe('embedded');
    expect(r.project.runs[0]?.epochs).toHaveLength(3);
    expect(r.weights?.arrays.map((a) => a.length)).toEqual([32, 8, 24, 3]);
  });

  it('predicts what it predicted when it was written', () => {
    const expected = JSON.parse(
      readFileSync(path.join(path.dirname(V1), 'expected.json'), 'utf8'),
    ) as { inputs: number[][]; predictions: number[] };
    const r = parsed(readFileSync(V1, 'utf8'));
    const net = new Network(r.weights!.spec);
    net.setWeights(r.weights!.arrays);
    const x = { rows: 3, cols: 4, data: Float32Array.from(expected.inputs.flat()) };
    const pred = Array.from(net.predictBatch(x).data);
    // Tolerance: the SIMD and plain JavaScript matrix products round differently.
    pred.forEach((p, i) => expect(p).toBeCloseTo(expected.predictions[i]!, 5));
  });
});
