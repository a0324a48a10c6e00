/**
 * Bench (not a test) for the Boundary and Diagnostics tabs, as one JSON line:
 *  - paint: decoding a 64 × 64 frame (the last one the worker made of the trained model) and
 *    filling the 256 × 256 canvas buffer (paintGrid), the renderer's per-frame work before
 *    putImageData (target < 8 ms; median of 200);
 *  - training throughput on breast-cancer-sized data (569 rows × 30 features, 2 classes,
 *    30-16-8-1 ReLU, batch 16; `--data FILE`: a numeric CSV with a header and the 0/1 target
 *    last, standardised here) in four modes, interleaved over 5 rounds:
 *      off          no boundary frames, no per-layer diagnostics;
 *      boundary     a frame at most every 200 ms with a Dense node's units (as the worker sends
 *                   them, structured-cloned like a postMessage);
 *      diagnostics  per-layer gradient / weight norms and unit shares in each epoch;
 *      both         the Boundary and Diagnostics tabs open: kept = both / off samples per second
 *                   (target ≥ 90 %). Also per CPU-second of the process (training is one
 *                   thread): on a busy machine that ratio is the steadier one.
 *
 *   npm run bench:boundary -- [epochs] [--data FILE]
 * (2000 epochs: each run lasts about 2–5 s here, long enough for 10–25 frames.)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Trainer } from '../engine/train/trainer';
import type { ModelSpec } from '../engine/train/spec';
import { Rng } from '../engine/data/rng';
import { BoundaryWatcher } from '../electron/backend/training/boundary-watch';
import type { BoundaryWatch } from '../electron/backend/training/boundary-eval';
import { decodeBase64, paintGrid } from '../renderer/panels/boundary/paint';
import type { FromWorker } from '../electron/backend/training/protocol';
import type { BoundaryFrame } from '../electron/contract/boundary';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const DATA_FILE = dataAt >= 0 ? args[dataAt + 1] : undefined;
const EPOCHS = Number(args.find((a, i) => /^\d+$/.test(a) && i !== dataAt + 1) ?? 2000);
const ROWS = 569;
/** Interleaved rounds of the four modes (medians are reported). */
const ROUNDS = 5;
const FEATURES = 30;

type Set = ReturnType<typeof generated>;

/** A numeric CSV (header, target last), each feature standardised. */
function fromCsv(file: string): Set {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((l) => l.split(',').map(Number));
  const cols = rows[0]!.length - 1;
  if (cols !== FEATURES) throw new Error(`${file}: expected ${FEATURES} features, got ${cols}`);
  const x = new Float32Array(rows.length * cols);
  const y = Float32Array.from(rows, (r) => r[cols]!);
  for (let j = 0; j < cols; j++) {
    const v = rows.map((r) => r[j]!);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) || 1;
    v.forEach((e, i) => (x[i * cols + j] = (e - mean) / sd));
  }
  return {
    x: { rows: rows.length, cols, data: x },
    y: { rows: rows.length, cols: 1, data: y },
  };
}

const data = (seed: number): Set => (DATA_FILE ? fromCsv(DATA_FILE) : generated(seed));

function generated(seed: number) {
  const rng = new Rng(seed);
  const x = new Float32Array(ROWS * FEATURES);
  const y = new Float32Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    let s = 0;
    for (let j = 0; j < FEATURES; j++) {
      const v = rng.normal();
      x[r * FEATURES + j] = v;
      s += v * (j % 3 === 0 ? 1 : -0.3);
    }
    y[r] = s + 0.5 * rng.normal() > 0 ? 1 : 0;
  }
  return { x: { rows: ROWS, cols: FEATURES, data: x }, y: { rows: ROWS, cols: 1, data: y } };
}

const dense = (units: number, activation: 'relu' | 'linear', id: string) => ({
  type: 'dense' as const,
  units,
  useBias: true,
  initializer: 'he_uniform' as const,
  activation,
  alpha: 0.01,
  l1: null,
  l2: null,
  nodeIds: [id],
});
const spec: ModelSpec = {
  inputs: FEATURES,
  layers: [
    dense(16, 'relu', 'dense_1'),
    dense(8, 'relu', 'dense_2'),
    dense(1, 'linear', 'dense_3'),
  ],
  loss: 'bce',
  l1: 0,
  l2: 0,
};

const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;

const MODES = ['off', 'boundary', 'diagnostics', 'both'] as const;
type Mode = (typeof MODES)[number];
let lastFrame: BoundaryFrame | null = null;

async function train(mode: Mode): Promise<{ sps: number; cpuSps: number; frames: number }> {
  const set = data(1);
  const trainer = new Trainer(spec, { seed: 2, maxBatch: 16 });
  let frames = 0;
  const watcher = new BoundaryWatcher((m: FromWorker) => {
    structuredClone(m);
    if (m.type === 'boundary') lastFrame = { runId: 'bench', ...m.frame };
    frames++;
  });
  watcher.attach(trainer, { train: set, validation: set, classNames: ['0', '1'] });
  const framesOn = mode === 'boundary' || mode === 'both';
  if (framesOn) {
    const watch: BoundaryWatch = {
      plane: { kind: 'pca' },
      nodeId: 'dense_1',
      columns: null,
      targetStd: 1,
      targetMean: 0,
    };
    watcher.set(watch);
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await trainer.fit(set, {
    epochs: EPOCHS,
    batchSize: 16,
    optimizer: { name: 'adam', lr: 0.001 },
    shuffle: true,
    validation: set,
    diagnostics: mode === 'diagnostics' || mode === 'both',
    onEvent: (e) => {
      if (e.type === 'epoch' && framesOn) watcher.onEpoch(e.epoch);
    },
  });
  if (framesOn) watcher.now(EPOCHS);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  return { sps: (EPOCHS * ROWS) / s, cpuSps: (EPOCHS * ROWS) / cpu, frames };
}

async function main() {
  const runs: Record<Mode, number[]> = { off: [], boundary: [], diagnostics: [], both: [] };
  const cpuRuns: Record<Mode, number[]> = { off: [], boundary: [], diagnostics: [], both: [] };
  const frames: Partial<Record<Mode, number>> = {};
  for (let rep = 0; rep < ROUNDS; rep++) {
    for (const mode of MODES) {
      const r = await train(mode);
      runs[mode].push(r.sps);
      cpuRuns[mode].push(r.cpuSps);
      frames[mode] = r.frames;
    }
  }
  // Paint: the trained model's last frame, as the renderer receives it.
  const f = lastFrame!;
  const rgba = new Uint8ClampedArray(256 * 256 * 4);
  const paints: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    paintGrid(rgba, 256, 256, decodeBase64(f.cls!), decodeBase64(f.prob!), f.size, 2);
    paints.push(performance.now() - t);
  }
  const per = (r: Record<Mode, number[]>) =>
    Object.fromEntries(MODES.map((m) => [m, Math.round(median(r[m]))]));
  const keptOf = (r: Record<Mode, number[]>) =>
    Object.fromEntries(
      (['boundary', 'diagnostics', 'both'] as const).map((m) => [
        m,
        Number((median(r[m]) / median(r.off)).toFixed(3)),
      ]),
    );
  console.log(
    JSON.stringify({
      data: DATA_FILE ?? `generated ${ROWS} × ${FEATURES}`,
      paintMsMedian: Number(median(paints).toFixed(3)),
      paintTargetMs: 8,
      epochs: EPOCHS,
      rounds: ROUNDS,
      samplesPerSec: per(runs),
      samplesPerCpuSec: per(cpuRuns),
      framesPerRun: frames,
      kept: keptOf(runs),
      keptCpu: keptOf(cpuRuns),
      keptTarget: 0.9,
    }),
  );
}

void main();
