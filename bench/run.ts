/**
 * Layerlab engine side of the shared MLP benchmark (../shared/bench/README.md): runs the workloads
 * with the same layers, optimizer, batch, epochs, data and preprocessing as the peers, and prints
 * one JSON object per run in the README's "Output schema", so it can be used as ENGINE_CMD of
 * run_all.sh and compared by ratio within the same run.
 *
 *   node dist/bench/run.cjs --data-dir DIR --cache-dir DIR2 --workloads W-tiny,W-digits,W-bc,W-big
 *     [--reps 2] [--big-reps 1] [--big-limit N] [--backend cpu|gpu|webasm] [--threads 1|2]
 *     [--profile]   (microseconds per step by kernel, on stderr: see profile.ts)
 *
 * --backend gpu runs the gpu.js backend through a GL context (fails without one: run under
 * xvfb-run or with a display); webasm runs gpu.js's WebAssembly kernels (a CPU path, for
 * comparison). W-wide is W-big's data through one 4096-unit hidden layer (784-4096-10).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { matOf, type Mat } from '../engine/backend/backend';
import {
  applyStandardizer,
  column,
  fitStandardizer,
  oneHot,
  type Dataset,
} from '../engine/data/dataset';
import { Trainer } from '../engine/train/trainer';
import type { LayerSpec, ModelSpec } from '../engine/train/spec';
import type { Backend } from '../engine/backend/backend';
import { CpuBackend, cpuBackend } from '../engine/backend/cpu/cpu-backend';
import { WorkerThreadPool } from '../electron/backend/training/thread-pool';
import { GpuBackend } from '../engine/backend/gpu/gpu-backend';
import { glDriver } from '../electron/backend/training/gpu';
import { profileBackend, type Profile } from './profile';
import { kernelCeiling } from './kernel-ceiling';

interface Workload {
  layers: number[];
  lr: number;
  batch: number;
  epochs: number;
  l2: number;
  dropout: number;
}

const CFG: Record<string, Workload> = {
  'W-tiny': { layers: [4, 16, 3], lr: 0.01, batch: 16, epochs: 100, l2: 0, dropout: 0 },
  'W-tiny-fb': { layers: [4, 16, 3], lr: 0.01, batch: 120, epochs: 100, l2: 0, dropout: 0 },
  'W-digits': { layers: [64, 64, 10], lr: 1e-3, batch: 32, epochs: 50, l2: 0, dropout: 0 },
  'W-bc': { layers: [30, 32, 16, 1], lr: 1e-3, batch: 32, epochs: 100, l2: 1e-4, dropout: 0.2 },
  'W-big': { layers: [784, 256, 128, 10], lr: 1e-3, batch: 128, epochs: 1, l2: 0, dropout: 0 },
  'W-wide': { layers: [784, 4096, 10], lr: 1e-3, batch: 128, epochs: 1, l2: 0, dropout: 0 },
};

/** The backend of --backend, with its kernel class and renderer. */
function backendOf(kind: string): { backend: Backend; kernel: string; renderer: string | null } {
  const threads = Number(arg('threads', '1'));
  if (kind === 'cpu' && threads > 1) {
    // Helper threads run dist/bench/gemm-helper.cjs, built beside this runner.
    const pool = new WorkerThreadPool(threads - 1, path.join(__dirname, 'gemm-helper.cjs'));
    const be = new CpuBackend({ pool });
    return { backend: be, kernel: be.name, renderer: null };
  }
  if (kind === 'cpu') return { backend: cpuBackend, kernel: cpuBackend.name, renderer: null };
  if (kind !== 'gpu' && kind !== 'webasm')
    throw new Error(`--backend must be cpu, gpu or webasm, got ${kind}`);
  const gpu = new GpuBackend(kind === 'webasm' ? { mode: 'webasm' } : {});
  if (kind === 'gpu' && !gpu.info.gl)
    throw new Error(`no GL context: gpu.js would run ${gpu.info.kernel}; run under xvfb-run`);
  const driver = gpu.info.gl ? glDriver() : null;
  const renderer = driver ? `${gpu.info.renderer} on ${driver}` : gpu.info.renderer;
  return { backend: gpu, kernel: gpu.info.kernel, renderer };
}

/** FLOP per sample: forward 2·MACs; training adds weight gradients and input gradients of layers 2.. */
function flops(layers: number[]): { fwd: number; train: number } {
  const macs = layers.slice(0, -1).map((a, i) => a * layers[i + 1]!);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const fwd = 2 * sum(macs);
  return { fwd, train: fwd + 2 * sum(macs) + 2 * sum(macs.slice(1)) };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e9;
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

interface Split {
  x: Mat;
  labels: Int32Array;
}

function readCsv(file: string): Split {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const d = lines[0]!.split(',').length - 1;
  const n = lines.length - 1;
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = lines[i + 1]!.split(',');
    for (let j = 0; j < d; j++) x[i * d + j] = +p[j]!;
    labels[i] = +p[d]!;
  }
  return { x: matOf(n, d, x), labels };
}

function dataset(w: string, dataDir: string, cacheDir: string): { tr: Split; te: Split } {
  const csv = (name: string) => ({
    tr: readCsv(path.join(dataDir, `${name}_train.csv`)),
    te: readCsv(path.join(dataDir, `${name}_test.csv`)),
  });
  if (w === 'W-tiny' || w === 'W-tiny-fb') return csv('iris');
  if (w === 'W-digits') {
    const ds = csv('digits');
    for (const p of [ds.tr, ds.te])
      for (let i = 0; i < p.x.data.length; i++) p.x.data[i] = p.x.data[i]! / 16;
    return ds;
  }
  if (w === 'W-bc') {
    const ds = csv('breast_cancer');
    const s = fitStandardizer(ds.tr.x);
    applyStandardizer(ds.tr.x, s);
    applyStandardizer(ds.te.x, s);
    return ds;
  }
  if (w === 'W-big' || w === 'W-wide') {
    const xb = readFileSync(path.join(cacheDir, 'big_x.f32'));
    const yb = readFileSync(path.join(cacheDir, 'big_y.u8'));
    const all = new Float32Array(xb.buffer.slice(xb.byteOffset, xb.byteOffset + xb.length));
    const D = 784;
    const NT = 60000;
    const N = 70000;
    const y = Int32Array.from(yb);
    return {
      tr: { x: matOf(NT, D, all.subarray(0, NT * D)), labels: y.subarray(0, NT) },
      te: { x: matOf(N - NT, D, all.subarray(NT * D, N * D)), labels: y.subarray(NT, N) },
    };
  }
  throw new Error(`unknown workload ${w}`);
}

/** The workload's network: ReLU hidden layers (+ dropout), softmax + cce or 1 sigmoid unit + bce. */
function specOf(cfg: Workload): ModelSpec {
  const L = cfg.layers;
  const binary = L[L.length - 1] === 1;
  const layers: LayerSpec[] = [];
  for (let i = 1; i < L.length; i++) {
    const last = i === L.length - 1;
    layers.push({
      type: 'dense',
      units: L[i]!,
      useBias: true,
      initializer: 'glorot_uniform',
      activation: last ? 'linear' : 'relu',
      alpha: 0,
      l1: null,
      l2: null,
    });
    if (!last && cfg.dropout > 0) layers.push({ type: 'dropout', rate: cfg.dropout });
  }
  return { inputs: L[0]!, layers, loss: binary ? 'bce' : 'cce', l1: 0, l2: cfg.l2 };
}

function targets(s: Split, cfg: Workload): Mat {
  const k = cfg.layers[cfg.layers.length - 1]!;
  return k === 1 ? column(s.labels) : oneHot(s.labels, k);
}

function accuracy(pred: Mat, labels: Int32Array): number {
  const k = pred.cols;
  let correct = 0;
  for (let i = 0; i < pred.rows; i++) {
    let p = 0;
    if (k === 1) p = pred.data[i]! > 0.5 ? 1 : 0;
    else for (let j = 1; j < k; j++) if (pred.data[i * k + j]! > pred.data[i * k + p]!) p = j;
    if (p === labels[i]) correct++;
  }
  return correct / pred.rows;
}

async function runOne(
  w: string,
  rep: number,
  ds: { tr: Split; te: Split },
  backend: Backend,
  profile: Profile | null,
) {
  const cfg = CFG[w]!;
  const inferBatch = w === 'W-big' || w === 'W-wide' ? 1000 : ds.te.x.rows;
  const trainer = new Trainer(specOf(cfg), {
    backend,
    seed: rep + 1,
    maxBatch: Math.max(cfg.batch, inferBatch),
  });
  const train: Dataset = { x: ds.tr.x, y: targets(ds.tr, cfg) };
  profile?.reset();
  const w0 = now();
  const c0 = cpu();
  await trainer.fit(train, {
    epochs: cfg.epochs,
    batchSize: cfg.batch,
    optimizer: { name: 'adam', lr: cfg.lr },
    batchEvery: 0,
  });
  const trainS = now() - w0;
  const trainCpuS = cpu() - c0;
  const steps = Math.ceil(ds.tr.x.rows / cfg.batch) * cfg.epochs;
  if (profile !== null) {
    const us = ((trainS * 1e6) / steps).toFixed(1);
    process.stderr.write(
      `${w} µs per step (wall ${us}): ${JSON.stringify(profile.perStep(steps))}\n`,
    );
  }
  const out = matOf(
    ds.te.x.rows,
    trainer.network.outputs,
    new Float32Array(ds.te.x.rows * trainer.network.outputs),
  );
  const testAcc = accuracy(trainer.predict(ds.te.x, out), ds.te.labels);
  trainer.predict(ds.te.x, out);
  const its: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = now();
    const u0 = cpu();
    trainer.predict(ds.te.x, out);
    its.push(now() - t0);
    cpus.push(cpu() - u0);
  }
  // Single-row latency: plain array -> matrix -> forward -> plain array.
  const row = Array.from(ds.te.x.data.subarray(0, ds.te.x.cols));
  const lat: number[] = [];
  let sink = 0;
  for (let r = 0; r < 300; r++) {
    const t0 = now();
    const p = Array.from(trainer.predict(matOf(1, row.length, Float32Array.from(row))).data);
    lat.push(now() - t0);
    sink += p[0]!;
  }
  if (Number.isNaN(sink)) process.stderr.write('predict-1 gave NaN\n');
  return {
    steps,
    train_s: trainS,
    train_cpu_s: trainCpuS,
    test_acc: testAcc,
    infer_samples_per_s: ds.te.x.rows / median(its),
    // Process CPU time (every thread) per predicted row: steadier than wall clock on a busy machine.
    infer_cpu_us_per_sample: (median(cpus) / ds.te.x.rows) * 1e6,
    predict1_us: median(lat) * 1e6,
  };
}

async function main(): Promise<void> {
  const dataDir = arg('data-dir', 'data');
  const cacheDir = arg('cache-dir', 'cache');
  const workloads = arg('workloads', 'W-tiny,W-digits,W-bc,W-big').split(',');
  const reps = Number(arg('reps', '2'));
  const bigReps = Number(arg('big-reps', String(reps)));
  const bigLimit = Number(arg('big-limit', '0'));
  const { backend, kernel, renderer } = backendOf(arg('backend', 'cpu'));
  if (process.argv.includes('--kernels')) {
    if (!(backend instanceof CpuBackend)) throw new Error('--kernels runs on the CPU backend');
    // Helpers start asynchronously: give them a moment, so the held pass is split.
    for (let i = 0; i < 50 && backend.helpersReady() < backend.threads - 1; i++)
      await new Promise((r) => setTimeout(r, 100));
    process.stdout.write(
      `${JSON.stringify({ ...kernelCeiling(backend), loadavg: loadavg()[0] })}\n`,
    );
    backend.dispose();
    return;
  }
  const profile = process.argv.includes('--profile') ? profileBackend(backend) : null;
  for (const w of workloads) {
    const cfg = CFG[w];
    if (cfg === undefined)
      throw new Error(`unknown workload ${w}: use ${Object.keys(CFG).join(', ')}`);
    const ds = dataset(w, dataDir, cacheDir);
    const big = w === 'W-big' || w === 'W-wide';
    if (big && bigLimit > 0) {
      ds.tr = {
        x: matOf(bigLimit, 784, ds.tr.x.data.subarray(0, bigLimit * 784)),
        labels: ds.tr.labels.subarray(0, bigLimit),
      };
    }
    const fl = flops(cfg.layers);
    const R = big ? bigReps : reps;
    for (let rep = 0; rep < R; rep++) {
      const r = await runOne(w, rep, ds, backend, profile);
      const samples = ds.tr.x.rows * cfg.epochs;
      const line = {
        ...r,
        fw: backend instanceof CpuBackend ? 'layerlab-cpu' : `layerlab-gpujs-${kernel}`,
        kernel,
        renderer,
        threads: backend instanceof CpuBackend ? backend.threads : 1,
        workload: w,
        rep,
        epochs: cfg.epochs,
        train_samples: samples,
        train_samples_per_s: samples / r.train_s,
        us_per_step: (r.train_s / r.steps) * 1e6,
        us_per_epoch: (r.train_s / cfg.epochs) * 1e6,
        train_gflops: (samples * fl.train) / r.train_s / 1e9,
        infer_gflops: (r.infer_samples_per_s * fl.fwd) / 1e9,
        loadavg: loadavg()[0],
        train_rows: ds.tr.x.rows,
        note: big && bigLimit > 0 ? `first ${bigLimit} train rows` : '',
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
  backend.dispose();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
