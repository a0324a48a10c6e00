/**
 * Bench (not a test): an 8-variant sweep (L2 λ over 4 values × 2 seeds) on 2 worker threads
 * against the same 8 runs one after another (the same pool with 1 worker), on a generated
 * 3-class dataset large enough that the data weighs in a run's memory. Reports the time ratio
 * (target ≤ 0.6×) and the peak RSS of the process during the sweep against its peak during one
 * run (target ≤ 1.3×: the data is shared by the workers, not copied).
 *
 * Each measurement runs in a fresh child process (one run, the sequential eight, the parallel
 * eight, interleaved per round), so a peak is not inflated by what an earlier measurement left
 * in the heap; the peak is the kernel's high-water mark of the process (VmHWM), threads included.
 *
 *   node scripts/build.mjs --only bench && node dist/bench/sweep-bench.cjs [rows=200000] [epochs=6] [rounds=3]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseSweepParam } from '../engine/experiments';
import { parseLayerSpec } from '../engine/graph/spec-string';
import { DEFAULT_TRAIN_SETTINGS } from '../electron/contract/training';
import { planSweep } from '../electron/backend/sweep/plan';
import { SweepPool } from '../electron/backend/sweep/pool';
import type { RunData } from '../electron/backend/training/setup';

const ROWS = Number(process.argv[2] ?? 200_000);
/** About a second per variant: shorter runs measure mostly the workers' start and warm-up. */
const EPOCHS = Number(process.argv[3] ?? 6);
/** Interleaved rounds (one run, sequential, parallel): on a shared machine, compare per round. */
const ROUNDS = Number(process.argv[4] ?? 3);
const FEATURES = 32;
const worker = path.join(__dirname, 'sweep-worker.cjs');

type Mode = 'one' | 'sequential' | 'parallel';
interface Measured {
  seconds: number;
  peakMb: number;
  variantSeconds: number[];
}

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

/** The process's peak resident memory so far, all threads (Linux), in MB. */
function highWaterMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

/** One measurement, in this (child) process. */
async function measure(mode: Mode): Promise<Measured> {
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
  const spec = { params: [parseSweepParam('l2=0,1e-4,1e-3,1e-2')], seeds: 2 };
  let plan = planSweep(data, parsed.graph, settings, spec);
  if (mode === 'one') plan = plan.slice(0, 1);
  const t0 = performance.now();
  const tl: string[] = [];
  const at = () => ((performance.now() - t0) / 1000).toFixed(3);
  const runs = await new SweepPool(worker, mode === 'parallel' ? 2 : 1).run(plan, {
    onStart: (id) => tl.push(`start ${id} ${at()}`),
    onEpoch: (id, e) => tl.push(`epoch ${id} ${e.epoch} ${at()}`),
    onDone: (r) => tl.push(`done ${r.variant.id} ${at()}`),
  });
  // TIMELINE=1: when each variant started, finished an epoch and ended, on stderr.
  if (process.env.TIMELINE) console.error(tl.join('\n'));
  const seconds = (performance.now() - t0) / 1000;
  if (runs.some((r) => r.status !== 'completed')) throw new Error('a variant did not complete');
  const variantSeconds = runs.map((r) => Math.round(r.elapsedMs) / 1000);
  return { seconds, peakMb: highWaterMb(), variantSeconds };
}

function child(mode: Mode): Measured {
  const out = execFileSync(
    process.execPath,
    [__filename, String(ROWS), String(EPOCHS), '1', `--child=${mode}`],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as Measured;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.floor(s.length / 2)]!) / 2;
};

function main(): void {
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const one = child('one');
    const sequential8 = child('sequential');
    const parallel8on2 = child('parallel');
    rounds.push({
      one,
      sequential8,
      parallel8on2,
      timeRatio: parallel8on2.seconds / sequential8.seconds,
      memoryRatio: parallel8on2.peakMb / one.peakMb,
    });
  }
  const result = {
    rows: ROWS,
    features: FEATURES,
    epochs: EPOCHS,
    dataMb: (ROWS * 1.2 * FEATURES * 4) / 2 ** 20,
    rounds,
    medianTimeRatio: median(rounds.map((r) => r.timeRatio)),
    medianMemoryRatio: median(rounds.map((r) => r.memoryRatio)),
    targets: { timeRatio: 0.6, memoryRatio: 1.3 },
  };
  console.log(JSON.stringify(result, null, 2));
}

const mode = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (mode === 'one' || mode === 'sequential' || mode === 'parallel') {
  void measure(mode).then((m) => console.log(JSON.stringify(m)));
} else {
  main();
}
