/**
 * Bench (not a test): an 8-variant sweep (L2 λ over 4 values × 2 seeds) on 2 worker threads
 * against the same 8 runs one after another (the same pool with 1 worker), both in this run,
 * on a generated 3-class dataset large enough that the data dominates a run's memory. Reports
 * the time ratio (target ≤ 0.6×) and the peak RSS of the process during the sweep against the
 * peak during one run (target ≤ 1.3×: the data is shared by the workers, not copied).
 *
 *   node scripts/build.mjs --only bench && node --expose-gc dist/bench/sweep-bench.cjs [rows] [epochs] [rounds]
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseSweepParam } from '../engine/experiments';
import { parseLayerSpec } from '../engine/graph/spec-string';
import { DEFAULT_TRAIN_SETTINGS } from '../electron/contract/training';
import { planSweep } from '../electron/backend/sweep/plan';
import { SweepPool } from '../electron/backend/sweep/pool';
import type { RunData } from '../electron/backend/training/setup';

const ROWS = Number(process.argv[2] ?? 200_000);
const EPOCHS = Number(process.argv[3] ?? 2);
/** Interleaved rounds (sequential, then parallel): on a shared machine, compare per round. */
const ROUNDS = Number(process.argv[4] ?? 2);
const FEATURES = 32;
const worker = path.join(__dirname, 'sweep-worker.cjs');

function split(rows: number, seed: number) {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const x = new Float32Array(rows * FEATURES);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = r % 3;
    y[r] = c;
    for (let j = 0; j < FEATURES; j++)
      x[r * FEATURES + j] = rand() * 2 - 1 + (j % 3 === c ? 0.5 : 0);
  }
  return { rows, width: FEATURES, x, y };
}

const data: RunData = {
  train: split(ROWS, 1),
  validation: split(Math.round(ROWS / 10), 2),
  test: split(Math.round(ROWS / 10), 3),
  task: 'classification',
  classNames: ['a', 'b', 'c'],
  features: FEATURES,
};
const parsed = parseLayerSpec('dense:32,relu,dense:3,softmax', 'auto');
if (!parsed.ok) throw new Error(parsed.message);
const settings = { ...DEFAULT_TRAIN_SETTINGS, epochs: EPOCHS, batchSize: 64 };

/** Runs a plan on `workers` threads, sampling the process's RSS every 20 ms. */
async function timed(workers: number, variants: 'all' | 'one') {
  const spec = { params: [parseSweepParam('l2=0,1e-4,1e-3,1e-2')], seeds: 2 };
  let plan = planSweep(data, parsed.ok ? parsed.graph : { nodes: [], edges: [] }, settings, spec);
  if (variants === 'one') plan = plan.slice(0, 1);
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const runs = await new SweepPool(worker, workers).run(plan);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (runs.some((r) => r.status !== 'completed')) throw new Error('a variant did not complete');
  return { seconds, peakMb: peak / 2 ** 20, baseMb: base / 2 ** 20 };
}

async function main(): Promise<void> {
  const one = await timed(1, 'one');
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const sequential = await timed(1, 'all');
    const parallel = await timed(2, 'all');
    rounds.push({
      sequential8: sequential,
      parallel8on2: parallel,
      timeRatio: parallel.seconds / sequential.seconds,
    });
  }
  const ratios = rounds.map((r) => r.timeRatio).sort((a, b) => a - b);
  const result = {
    rows: ROWS,
    features: FEATURES,
    epochs: EPOCHS,
    dataMb: (ROWS * 1.2 * FEATURES * 4) / 2 ** 20,
    oneRun: one,
    rounds,
    medianTimeRatio:
      (ratios[Math.floor((ratios.length - 1) / 2)]! + ratios[Math.floor(ratios.length / 2)]!) / 2,
    memoryRatio: Math.max(...rounds.map((r) => r.parallel8on2.peakMb)) / one.peakMb,
    targets: { timeRatio: 0.6, memoryRatio: 1.3 },
  };
  console.log(JSON.stringify(result, null, 2));
}

void main();
