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
import { runPredict } from '../../electron/cli/predict';
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
  return { lines, done, run, out, io };
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
    expect(projects.length).toBeGreaterThanOrEqual(8);
  });

  it.each(readdirSync(lessonsDir).filter((f) => f.endsWith('.guide.json')))(
    '%s says what to try, watch and why, and its steps name controls that exist',
    (file) => {
      const guide = JSON.parse(readFileSync(path.join(lessonsDir, file), 'utf8'));
      const id = file.slice(0, -11);
      expect(guide.id).toBe(id);
      for (const key of ['title', 'concept', 'formula', 'claim', 'watch', 'means'])
        expect(guide[key], key).toMatch(/\S/);
      expect(guide.steps.length).toBeGreaterThanOrEqual(3);
      const nodes = new Set(load(id).graph.nodes.map((n) => n.id));
      for (const step of guide.steps as { title: string; text: string; control?: string }[]) {
        expect(step.title).toMatch(/\S/);
        expect(step.text).toMatch(/\S/);
        if (step.control === undefined) continue;
        const node = /^\[data-node-id="([^"]+)"\]$/.exec(step.control);
        if (node) expect(nodes, step.control).toContain(node[1]);
        // The Training tab's settings (#train-<setting>) and augmentation fields.
        else
          expect(step.control).toMatch(
            /^(#train-(epochs|lr|l1|l2|seed|batchSize|patience)|fieldset\.augment|#aug-(noise|mixup))$/,
          );
      }
    },
  );

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
    // The best epoch is past the first (the network learns, then memorises); the run ends long
    // before its 200 epochs.
    expect(stopped.done.restored_epoch).toBeGreaterThan(1);
    expect(Number(stopped.done.epochs)).toBeLessThan(100);
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

  it('choosing λ: a middle λ ends with a lower validation loss than none and than a large one', async () => {
    const end = async (l2: string) => {
      const epochs = (await train('choosing-lambda', undefined, '--l2', l2)).run.epochs;
      return epochs.at(-1) as { train: { acc: number }; val: { loss: number } };
    };
    const none = await end('0');
    const middle = await end('0.01');
    const large = await end('1');
    expect(middle.val.loss).toBeLessThan(none.val.loss);
    expect(middle.val.loss).toBeLessThan(large.val.loss);
    // Too strong a penalty cannot fit even the training rows.
    expect(large.train.acc).toBeLessThan(0.6);
  }, 120_000);

  it('initialisation: zeros never break the symmetry on XOR; Glorot solves it from every seed', async () => {
    const zeros = await train('initialisation', (doc) => {
      for (const n of doc.graph.nodes) if (n.kind === 'dense') n.params.initializer = 'zeros';
    });
    expect(Number(zeros.done.test_acc)).toBeLessThan(0.6);
    const runs = [];
    for (const seed of ['1', '2', '3'])
      runs.push(await train('initialisation', undefined, '--seed', seed));
    for (const r of runs) expect(Number(r.done.test_acc)).toBeGreaterThan(0.9);
    // Different starts, different minima: the final training losses all differ.
    const last = runs.map((r) => r.run.epochs.at(-1).train.loss as number);
    expect(new Set(last).size).toBe(3);
  }, 120_000);

  it('augmentation: noise or mixup on the training batches stop the memorising', async () => {
    const plain = await train('augmentation');
    const noise = await train('augmentation', undefined, '--augment', 'noise:0.3');
    const mixup = await train('augmentation', undefined, '--augment', 'mixup:0.4');
    const valLoss = (r: typeof plain) => r.run.epochs.at(-1).val.loss as number;
    expect(valLoss(noise)).toBeLessThan(valLoss(plain) / 3);
    expect(valLoss(mixup)).toBeLessThan(valLoss(plain) / 3);
    const overfit = (r: typeof plain) =>
      r.lines.some((l) => l.event === 'alert' && l.kind === 'overfitting');
    expect(overfit(plain)).toBe(true);
    expect(overfit(mixup)).toBe(false);
  }, 120_000);

  it('softmax: every row gets one probability per class, summing to 1, the largest predicted', async () => {
    const trained = await train('softmax');
    expect(Number(trained.done.test_acc)).toBeGreaterThan(0.9);
    const pred = path.join(tmp, 'softmax-pred.csv');
    const rows = path.join(root, 'assets/datasets/iris.csv');
    const code = await runPredict(
      ['--project', trained.out, '--data', rows, '--out', pred],
      trained.io,
    );
    expect(code).toBe(0);
    const [header, ...lines] = readFileSync(pred, 'utf8').trim().split('\n');
    const cols = header!.split(',');
    const probs = cols
      .map((c, i) => [c, i] as const)
      .filter(([c]) => c !== 'line' && c !== 'predicted');
    expect(probs).toHaveLength(3);
    expect(lines).toHaveLength(150);
    for (const line of lines) {
      const cells = line.split(',');
      const p = probs.map(([, i]) => Number(cells[i]));
      for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      const best = probs[p.indexOf(Math.max(...p))]![0];
      expect(best).toBe(`p_${cells[cols.indexOf('predicted')]}`);
    }
  }, 120_000);
});
