import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeInspectIo, runInspect, type InspectIo } from '../../../electron/cli/inspect';

const root = path.resolve(__dirname, '../../..');

function io(files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: InspectIo = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (p) => {
      if (p in files) {
        const f = files[p]!;
        return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      }
      return readFile(path.resolve(root, p));
    },
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

describe('layerlab inspect', () => {
  it('prints the schema, statistics, task, split and findings of the wine sample', async () => {
    const t = io();
    expect(await runInspect(['assets/datasets/wine.csv'], t.io)).toBe(0);
    const text = t.out();
    expect(text).toContain('wine.csv: 178 rows × 14 columns');
    expect(text).toContain('Target: label — classification, 3 classes (0: 59, 1: 71, 2: 48)');
    expect(text).toMatch(/proline\s+integer\s+feature\s+0\s+min 278 {2}max 1680/);
    expect(text).toContain('Split (seed 42): 124 train / 27 validation / 27 test, stratified');
    expect(text).toContain('info: File sorted by class.');
    expect(text).toContain('Ready to train.');
  });

  it('prints one JSON object with --json', async () => {
    const t = io();
    expect(await runInspect(['assets/datasets/iris.csv', '--json'], t.io)).toBe(0);
    const j = JSON.parse(t.out());
    expect(j).toMatchObject({
      ok: true,
      ready: true,
      file: { name: 'iris.csv', rows: 150 },
      target: { name: 'label', task: 'classification' },
      split: { train: 104, validation: 23, test: 23 },
    });
    expect(j.columns).toHaveLength(5);
    expect(j.findings.map((f: { id: string }) => f.id)).toContain('sorted-by-class');
  });

  it('uses --target to choose the target (regression on a numeric column)', async () => {
    const t = io();
    await runInspect(['assets/datasets/iris.csv', '--target', 'petal_width_cm', '--json'], t.io);
    expect(JSON.parse(t.out()).target).toMatchObject({
      name: 'petal_width_cm',
      task: 'regression',
    });
  });

  it('exits 1 with the message for a file that cannot be used', async () => {
    const t = io({ 'bad.csv': 'a,b\n1,2\n3\n' });
    expect(await runInspect(['bad.csv'], t.io)).toBe(1);
    expect(t.err()).toContain(
      '"bad.csv": 1 row does not have the header\'s 2 fields: line 3 has 1',
    );
    const j = io({ 'bad.csv': 'a,b\n1,2\n3\n' });
    expect(await runInspect(['bad.csv', '--json'], j.io)).toBe(1);
    expect(JSON.parse(j.out())).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', details: { line: 3 } },
    });
  });

  it('exits 1 when a finding blocks training, and 0 with --skip-bad-rows on a ragged file', async () => {
    const one = io({ 'one.csv': 'x,label\n1,a\n2,a\n3,a\n' });
    expect(await runInspect(['one.csv'], one.io)).toBe(1);
    expect(one.out()).toContain('error: The target has only one class.');
    const rows = [
      'a,b,label',
      ...Array.from({ length: 20 }, (_, i) => `${(i * 3) % 7},${i % 5},${i % 2}`),
      '1,2',
    ];
    const skip = io({ 'r.csv': rows.join('\n') });
    expect(await runInspect(['r.csv', '--skip-bad-rows'], skip.io)).toBe(0);
    expect(skip.out()).toContain('Rows skipped');
  });

  it('reports a missing file and wrong arguments', async () => {
    const t = io();
    expect(await runInspect(['nope/missing.csv'], t.io)).toBe(1);
    expect(t.err()).toContain('"nope/missing.csv" does not exist.');
    for (const argv of [[], ['a.csv', 'b.csv'], ['a.csv', '--target'], ['a.csv', '--frobnicate']]) {
      const u = io();
      expect(await runInspect(argv, u.io)).toBe(2);
      // One line, naming the command and where its usage is.
      expect(u.err()).toMatch(/^layerlab: inspect: .+ \(run layerlab inspect --help\)\n$/);
    }
  });

  it('reads real files through the checked reader', async () => {
    const real = nodeInspectIo();
    const bytes = await real.readFile(path.join(root, 'assets/datasets/iris.csv'));
    expect(bytes.length).toBeGreaterThan(1000);
    await expect(real.readFile(path.join(root, 'no-such.csv'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('layerlab inspect on hostile text', () => {
  it('prints a header with escape sequences without them, columns still aligned', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 5},${i % 2}`).join('\n');
    const t = io({ 'esc.csv': `n\u001b[31mum\u001b]0;x\u0007,label\n${rows}\n` });
    expect(await runInspect(['esc.csv'], t.io)).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(t.out()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(t.out()).toMatch(/^ {2}num {5}integer/m);
  });
});
