import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProject } from '../../../../../engine/graph/project';
import { Network } from '../../../../../engine/train/network';
import type { AtomicFs } from '../../../../../electron/backend/files/atomic';
import { IRIS_CSV, draftOf, env, v1, type Env } from './helpers';

let e: Env;
beforeEach(async () => {
  e = await env();
});
afterEach(() => e.cleanup());

const ws = (...p: string[]) => path.join(e.workspace, ...p);
const failingRename: AtomicFs = {
  open,
  unlink,
  rename: (async () => {
    throw Object.assign(new Error('EIO: simulated failure'), { code: 'EIO' });
  }) as unknown as typeof rename,
};

function withWeights(): void {
  const { weights, project } = v1();
  e.sources.weights = {
    runId: 'run-1',
    features: project.weights!.features,
    weights: weights!.arrays,
  };
}

describe('saving and opening projects', () => {
  it('gives back the same document, dataset and weights (round trip)', async () => {
    withWeights();
    const id = e.sources.add({
      name: 'iris.csv',
      bytes: Buffer.from(IRIS_CSV),
      options: { target: 'label' },
    });
    const draft = draftOf({ kind: 'loaded', id, mode: 'embed' });
    const saved = await e.handlers['projects:save']({ path: 'exp.layerlab', draft });
    expect(saved).toMatchObject({
      path: 'exp.layerlab',
      dataset: 'embedded',
      weights: true,
      backup: false,
    });

    const opened = await e.handlers['projects:open']({ path: 'exp.layerlab' });
    expect(opened.graph).toEqual(draft.graph);
    expect(opened.training).toEqual(draft.training);
    expect(opened.runs).toEqual(draft.runs);
    expect(opened.dataset).toMatchObject({ status: 'loaded', name: 'iris.csv', embedded: true });
    expect(e.sources.opened[0]).toMatchObject({ text: IRIS_CSV, options: { target: 'label' } });
    expect(opened.weights).toMatchObject({
      runId: 'run-1',
      features: 4,
      parameters: 67,
      restored: true,
    });

    // Same predictions from the restored weights as from the original ones.
    const restored = e.sources.restored[0]!;
    const x = { rows: 2, cols: 4, data: new Float32Array([5.1, 3.5, 1.4, 0.2, 6.3, 3.3, 6, 2.5]) };
    const a = new Network(restored.spec);
    a.setWeights(v1().weights!.arrays);
    const b = new Network(restored.spec);
    b.setWeights(restored.weights);
    expect(Array.from(b.predictBatch(x).data)).toEqual(Array.from(a.predictBatch(x).data));
  });

  it('writes the same bytes when an opened project is saved again unchanged', async () => {
    const id = e.sources.add({ name: 'iris.csv', bytes: Buffer.from(IRIS_CSV), options: {} });
    await e.handlers['projects:save']({
      path: 'a.layerlab',
      draft: draftOf({ kind: 'loaded', id, mode: 'embed' }),
    });
    const opened = await e.handlers['projects:open']({ path: 'a.layerlab' });
    const ds = opened.dataset?.status === 'loaded' ? opened.dataset.id : '';
    const draft = {
      graph: opened.graph,
      training: opened.training,
      runs: opened.runs,
      dataset: { kind: 'loaded' as const, id: ds, mode: 'embed' as const },
    };
    await e.handlers['projects:save']({ path: 'b.layerlab', draft });
    expect(readFileSync(ws('b.layerlab'), 'utf8')).toBe(readFileSync(ws('a.layerlab'), 'utf8'));
  });

  it('keeps one backup of the previous version', async () => {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: draftOf() });
    const first = readFileSync(ws('p.layerlab'), 'utf8');
    const d2 = draftOf();
    d2.graph.nodes[0]!.position = { x: 999, y: 1 };
    const r = await e.handlers['projects:save']({ path: 'p.layerlab', draft: d2 });
    expect(r.backup).toBe(true);
    expect(readFileSync(ws('p.layerlab.bak'), 'utf8')).toBe(first);
    const d3 = draftOf();
    d3.graph.nodes[0]!.position = { x: 5, y: 5 };
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: d3 });
    expect(readFileSync(ws('p.layerlab.bak'), 'utf8')).toContain('"x": 999');
    expect(readdirSync(e.workspace).sort()).toEqual(['p.layerlab', 'p.layerlab.bak']);
  });

  it('leaves the previous file and its backup intact when the save fails midway', async () => {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: draftOf() });
    const d2 = draftOf();
    d2.graph.nodes[0]!.position = { x: 2, y: 2 };
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: d2 });
    const before = readFileSync(ws('p.layerlab'), 'utf8');
    const backupBefore = readFileSync(ws('p.layerlab.bak'), 'utf8');

    const failing = await env({ atomicFs: failingRename }, e.root);
    const d3 = draftOf();
    d3.graph.nodes[0]!.position = { x: 3, y: 3 };
    await expect(
      failing.handlers['projects:save']({ path: 'p.layerlab', draft: d3 }),
    ).rejects.toThrow('simulated');
    expect(readFileSync(ws('p.layerlab'), 'utf8')).toBe(before);
    expect(readFileSync(ws('p.layerlab.bak'), 'utf8')).toBe(backupBefore);
    expect(readdirSync(e.workspace).sort()).toEqual(['p.layerlab', 'p.layerlab.bak']);
    expect(
      (await e.handlers['projects:open']({ path: 'p.layerlab' })).graph.nodes[0]!.position,
    ).toEqual({ x: 2, y: 2 });
  });

  it('leaves the file intact when the write itself fails (disk full)', async () => {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: draftOf() });
    const before = readFileSync(ws('p.layerlab'), 'utf8');
    let calls = 0;
    const diskFull: AtomicFs = {
      rename,
      unlink,
      open: (async (...args: Parameters<typeof open>) => {
        const h = await open(...args);
        // The backup's write succeeds, the project's own write fails.
        if (++calls < 2) return h;
        return new Proxy(h, {
          get(t, prop) {
            if (prop === 'writeFile')
              return async () =>
                Promise.reject(Object.assign(new Error('ENOSPC: disk full'), { code: 'ENOSPC' }));
            const v = Reflect.get(t, prop) as unknown;
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
          },
        });
      }) as typeof open,
    };
    const failing = await env({ atomicFs: diskFull }, e.root);
    const d = draftOf();
    d.graph.nodes[0]!.position = { x: 7, y: 7 };
    await expect(
      failing.handlers['projects:save']({ path: 'p.layerlab', draft: d }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(ws('p.layerlab'), 'utf8')).toBe(before);
    expect(readdirSync(e.workspace).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('saves weights only when they fit the graph, and says why not', async () => {
    withWeights();
    const d = draftOf();
    (d.graph.nodes[1]!.params as { units: number }).units = 5;
    const r = await e.handlers['projects:save']({ path: 'p.layerlab', draft: d });
    expect(r.weights).toBe(false);
    expect(r.warnings[0]).toContain('was the graph changed after training?');
    const off = await e.handlers['projects:save']({
      path: 'q.layerlab',
      draft: { ...draftOf(), includeWeights: false },
    });
    expect(off.weights).toBe(false);
  });

  it('refuses paths outside the workspace in browser mode', async () => {
    await expect(
      e.handlers['projects:save']({ path: '../evil.layerlab', draft: draftOf() }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' });
    await expect(e.handlers['projects:open']({ path: '../../etc/passwd' })).rejects.toMatchObject({
      code: 'OUTSIDE_WORKSPACE',
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const h = await open(ws('huge.layerlab'), 'w');
    await h.truncate(201 * 1024 * 1024); // sparse: costs no disk
    await h.close();
    await expect(e.handlers['projects:open']({ path: 'huge.layerlab' })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
  });
});

describe('linked datasets', () => {
  function linkedSetup() {
    mkdirSync(ws('data'));
    writeFileSync(ws('data', 'iris.csv'), IRIS_CSV);
    const id = e.sources.add({
      name: 'iris.csv',
      path: ws('data', 'iris.csv'),
      options: { target: 'label' },
    });
    return draftOf({ kind: 'loaded', id, mode: 'link' });
  }

  it('are saved by relative path with a content hash and load again', async () => {
    mkdirSync(ws('projects'));
    const r = await e.handlers['projects:save']({
      path: 'projects/p.layerlab',
      draft: linkedSetup(),
    });
    expect(r.dataset).toBe('linked');
    const text = readFileSync(ws('projects', 'p.layerlab'), 'utf8');
    expect(text).toContain('"path": "../data/iris.csv"');
    const opened = await e.handlers['projects:open']({ path: 'projects/p.layerlab' });
    expect(opened.dataset).toMatchObject({ status: 'loaded', embedded: false });
    expect(e.sources.opened[0]?.path).toBe(ws('data', 'iris.csv'));
  });

  it('report a missing file so the UI can offer Locate…, and load the located one', async () => {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: linkedSetup() });
    await rename(ws('data', 'iris.csv'), ws('moved.csv'));
    const opened = await e.handlers['projects:open']({ path: 'p.layerlab' });
    expect(opened.dataset).toMatchObject({ status: 'missing', link: { path: 'data/iris.csv' } });
    expect(opened.dataset?.status === 'missing' && opened.dataset.message).toContain(
      'was not found at data/iris.csv',
    );
    const link = opened.dataset?.status === 'missing' ? opened.dataset.link : null;
    const located = await e.handlers['projects:locateDataset']({ path: 'moved.csv', link: link! });
    expect(located).toMatchObject({ status: 'loaded', name: 'moved.csv' });
    expect(e.sources.opened.at(-1)?.options).toEqual({ target: 'label' });
  });

  it('report a file whose content changed, and load it only when told to', async () => {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: linkedSetup() });
    writeFileSync(ws('data', 'iris.csv'), IRIS_CSV + '4.4,1.1,0\n');
    const opened = await e.handlers['projects:open']({ path: 'p.layerlab' });
    expect(opened.dataset).toMatchObject({ status: 'changed' });
    const link = opened.dataset?.status === 'changed' ? opened.dataset.link : null;
    const again = await e.handlers['projects:locateDataset']({
      path: 'data/iris.csv',
      link: link!,
    });
    expect(again.status).toBe('changed');
    const forced = await e.handlers['projects:locateDataset']({
      path: 'data/iris.csv',
      link: link!,
      force: true,
    });
    expect(forced.status).toBe('loaded');
  });

  it('keep a missing link when the project is saved again elsewhere', async () => {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft: linkedSetup() });
    await unlink(ws('data', 'iris.csv'));
    const opened = await e.handlers['projects:open']({ path: 'p.layerlab' });
    const link = opened.dataset?.status === 'missing' ? opened.dataset.link : null;
    mkdirSync(ws('sub'));
    const r = await e.handlers['projects:save']({
      path: 'sub/p2.layerlab',
      draft: draftOf({ kind: 'missing', link: link! }),
    });
    expect(r.dataset).toBe('linked');
    expect(readFileSync(ws('sub', 'p2.layerlab'), 'utf8')).toContain('"path": "../data/iris.csv"');
  });

  it('are embedded by Share…', async () => {
    const r = await e.handlers['projects:share']({ path: 'shared.layerlab', draft: linkedSetup() });
    expect(r).toMatchObject({ dataset: 'embedded', backup: false });
    await unlink(ws('data', 'iris.csv'));
    const opened = await e.handlers['projects:open']({ path: 'shared.layerlab' });
    expect(opened.dataset).toMatchObject({ status: 'loaded', embedded: true });
    expect(e.sources.opened.at(-1)?.text).toBe(IRIS_CSV);
  });
});

describe('autosave and recovery', () => {
  it('offers the autosave of a crashed session, opens it, and forgets it when discarded', async () => {
    const crashed = await env({ session: 'old-session', pid: 424242 }, e.root);
    const id = crashed.sources.add({ name: 'iris.csv', bytes: Buffer.from(IRIS_CSV), options: {} });
    const d = draftOf({ kind: 'loaded', id, mode: 'embed' });
    d.graph.nodes[0]!.position = { x: 42, y: 42 };
    await crashed.handlers['projects:autosave']({
      key: 'doc-0001',
      title: 'exp.layerlab',
      path: 'exp.layerlab',
      draft: d,
    });
    expect(await crashed.handlers['projects:recoverable']({})).toEqual({ items: [] }); // its own, live

    // "Crash": the old service is simply abandoned; a new session starts.
    const next = await env({ session: 'new-session' }, e.root);
    const { items } = await next.handlers['projects:recoverable']({});
    expect(items).toMatchObject([{ key: 'doc-0001', title: 'exp.layerlab', path: 'exp.layerlab' }]);
    const rec = await next.handlers['projects:recover']({ key: 'doc-0001' });
    expect(rec).toMatchObject({ recovered: true, path: 'exp.layerlab', name: 'exp.layerlab' });
    expect(rec.graph.nodes[0]!.position).toEqual({ x: 42, y: 42 });
    expect(rec.dataset).toMatchObject({ status: 'loaded' });

    expect(await next.handlers['projects:discardRecovery']({ key: 'doc-0001' })).toEqual({
      discarded: true,
    });
    expect((await next.handlers['projects:recoverable']({})).items).toEqual([]);
    expect(existsSync(path.join(e.recovery, 'doc-0001.layerlab'))).toBe(false);
  });

  it('does not offer the autosave of an app that is still running', async () => {
    const other = await env({ session: 'other', pid: 4242, isAlive: () => true }, e.root);
    await other.handlers['projects:autosave']({
      key: 'doc-0002',
      title: 't',
      path: null,
      draft: draftOf(),
    });
    const me = await env({ session: 'me', isAlive: (pid) => pid === 4242 }, e.root);
    expect((await me.handlers['projects:recoverable']({})).items).toEqual([]);
  });

  it('removes the autosave once the document is saved', async () => {
    const old = await env({ session: 'a', pid: 1 }, e.root);
    await old.handlers['projects:autosave']({
      key: 'doc-0003',
      title: 't',
      path: null,
      draft: draftOf(),
    });
    await e.handlers['projects:save']({
      path: 'x.layerlab',
      draft: draftOf(),
      recoveryKey: 'doc-0003',
    });
    expect((await e.handlers['projects:recoverable']({})).items).toEqual([]);
  });

  it('still lists autosaves when the index is damaged', async () => {
    const old = await env({ session: 'a', pid: 1 }, e.root);
    await old.handlers['projects:autosave']({
      key: 'doc-0004',
      title: 't',
      path: null,
      draft: draftOf(),
    });
    writeFileSync(path.join(e.recovery, 'index.json'), '{"version": 1, "entries": [tru');
    const { items } = await e.handlers['projects:recoverable']({});
    expect(items.map((i) => i.key)).toEqual(['doc-0004']);
    const parsed = parseProject(readFileSync(path.join(e.recovery, 'doc-0004.layerlab'), 'utf8'));
    expect(parsed.ok).toBe(true);
  });
});
