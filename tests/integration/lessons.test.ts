/**
 * Every lesson in assets/lessons opens, trains to the end through the CLI's `train --project`
 * (the app's own project service and training setup), and the claim its guide makes holds.
 * A variant of a lesson is the same project with one change (an activation, a setting), written
 * to a temporary file, exactly what the guide asks the user to try.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTrain } from '../../electron/cli/train';
import type { Io } from '../../electron/cli/io';
import { readCsvFile } from '../../electron/backend/datasets/read';

const root = path.resolve(__dirname, '../..');
const lessonsDir = path.join(root, 'assets/lessons');
const tmp = mkdtempSync(path.join(tmpdir(), 'layerlab-lessons-'));

type Line = Record<string, unknown>;
interface Node {
  id: string;
  kind: string;
  params: Record<string, unknown>;
}
type Doc = { graph: { nodes: Node[]; edges: { id: string; source: string; target: string }[] } };

const load = (id: string): Doc =>
  JSON.parse(readFileSync(path.join(lessonsDir, `${id}.layerlab`), 'utf8')) as Doc;

/** Trains a project (optionally changed) and returns its JSON lines and the saved run. */
async function train(id: string, change?: (doc: Doc) => void, ...flags: string[]) {
  const doc = load(id);
  change?.(doc);
  const file = path.join(tmp, `${id}-${Math.random().toString(36).slice(2)}.layerlab`);
  writeFileSync(file, JSON.stringify(doc));
  const lines: Line[] = [];
  const io: Io = {
    out: () => undefined,
    json: (v) => void lines.push(v as Line),
    err: (l) => {
      throw new Error(l);
    },
    readCsv: (f) => readCsvFile(path.resolve(f)),
  };
  const out = file.replace(/\.layerlab$/, '-trained.layerlab');
  const code = await runTrain(
    ['--project', file, '--backend', 'cpu', '--json', '--out', out, ...flags],
    io,
  );
  expect(code).toBe(0);
  const done = lines.find((l) => l.event === 'done')!;
  const run = JSON.parse(readFileSync(out, 'utf8')).runs[0];
  return { lines, done, run };
}

const setActivation = (fn: string) => (doc: Doc) => {
  for (const n of doc.graph.nodes) if (n.kind === 'activation') n.params.fn = fn;
};

/** Share of a run's Dense weights (all layers) within the near-zero band. */
function nearZero(run: { done: { weightStats: { count: number; nearZeroShare: number }[] } }) {
  const stats = run.done.weightStats;
  const total = stats.reduce((s, w) => s + w.count, 0);
  return stats.reduce((s, w) => s + w.nearZeroShare * w.count, 0) / total;
}

describe('the lessons', () => {
  it('ship a guide for every project and a project for every guide', () => {
    const files = readdirSync(lessonsDir);
    const projects = files.filter((f) => f.endsWith('.layerlab')).map((f) => f.slice(0, -9));
    const guides = files.filter((f) => f.endsWith('.guide.json')).map((f) => f.slice(0, -11));
    expect(projects.sort()).toEqual(guides.sort());
    expect(projects.length).toBeGreaterThanOrEqual(4);
  });

  it('activations: the linear network cannot bend the boundary round the circles; tanh and ReLU can', async () => {
    const acc = async (fn: string) =>
      Number((await train('activations', setActivation(fn))).done.test_acc);
    const linear = await acc('none');
    const tanh = await acc('tanh');
    const relu = await acc('relu');
    expect(linear).toBeLessThan(0.7);
    expect(tanh).toBeGreaterThan(0.9);
    expect(relu).toBeGreaterThan(0.9);
  }, 120_000);

  it('L1 vs L2: at the same λ, L1 leaves more near-zero weights than L2', async () => {
    const l1 = nearZero((await train('l1-vs-l2')).run);
    const l2 = nearZero((await train('l1-vs-l2', undefined, '--l1', '0', '--l2', '0.003')).run);
    expect(l1).toBeGreaterThan(l2 + 0.1);
  }, 120_000);

  it('overfitting: the monitor raises an overfitting alert, early stopping restores an epoch', async () => {
    const plain = await train('overfitting');
    const alerts = plain.lines.filter((l) => l.event === 'alert' && l.kind === 'overfitting');
    expect(alerts.length).toBeGreaterThan(0);
    const stopped = await train('overfitting', undefined, '--early-stop', '20');
    expect(stopped.done.restored_epoch).toBeGreaterThan(0);
    expect(Number(stopped.done.epochs)).toBeLessThan(300);
  }, 120_000);

  it('dropout: the network memorises less — higher training loss, lower validation loss at the end', async () => {
    const last = async (change?: (doc: Doc) => void) =>
      (await train('dropout', change)).run.epochs.at(-1) as {
        train: { loss: number };
        val: { loss: number };
      };
    const withDropout = await last();
    // The same chain without its Dropout nodes.
    const without = await last((doc) => {
      const nodes = doc.graph.nodes.filter((n) => n.kind !== 'dropout');
      doc.graph.nodes = nodes;
      doc.graph.edges = nodes
        .slice(1)
        .map((n, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: n.id }));
    });
    expect(withDropout.train.loss).toBeGreaterThan(5 * without.train.loss);
    expect(withDropout.val.loss).toBeLessThan(without.val.loss);
  }, 120_000);
});
