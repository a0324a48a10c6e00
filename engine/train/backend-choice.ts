/**
 * Choosing the backend a training runs on: `cpu`, `gpu` (the gpu.js backend, only through a GL
 * context: its WebAssembly fallback runs on the CPU and is never called a GPU), or `auto`, which
 * times a few training steps of the actual model and batch size on each available backend and
 * picks the faster, with the measurement as its reason, e.g.
 * "CPU 0.02 ms/step vs gpu.js HeadlessGLKernel (ANGLE …) 3.1 ms/step".
 *
 * A calibration step is what the trainer does per batch: upload the batch, forward, loss,
 * backward, gradient norm, optimizer update, read the predictions back. Compilation and the
 * first steps are excluded (warm-up); the model is a throwaway copy, so the training itself
 * starts from the same seeded weights on whichever backend wins.
 */
import type { Backend } from '../backend/backend';
import type { Dataset } from '../data/dataset';
import { makeOptimizer, type OptimizerConfig } from '../optimizers/optimizers';
import { Network } from './network';
import { applyGradients, computeGradients } from './step';
import type { ModelSpec } from './spec';

export type BackendPreference = 'auto' | 'cpu' | 'gpu';

/** The gpu.js backend as the platform made it: which kernel class runs, on which renderer. */
export interface GpuOption {
  backend: Backend;
  kernel: string;
  renderer: string;
  /** True only for a GL kernel class (HeadlessGL, WebGL, WebGL2). */
  gl: boolean;
}

export interface BackendChoice {
  kind: 'cpu' | 'gpu';
  backend: Backend;
  /** The kernel that runs: the CPU backend's name, or the gpu.js kernel class. */
  kernel: string;
  renderer: string | null;
  reason: string;
}

export interface ChoiceRequest {
  preference: BackendPreference;
  spec: ModelSpec;
  train: Dataset;
  batchSize: number;
  optimizer: OptimizerConfig;
  cpu: Backend;
  /** Makes the gpu.js backend, or returns why it cannot be made. */
  gpu: () => GpuOption | string;
  /** A millisecond clock (performance.now where the host has it). */
  now: () => number;
  /** Time spent timing each backend after warm-up (default 60 ms; at least 3 steps). */
  budgetMs?: number;
}

const WARMUP_STEPS = 3;
const MIN_STEPS = 3;
const MAX_STEPS = 5000;

/** Mean milliseconds per training step of `backend` on the first batch of `train`. */
export function timeSteps(
  backend: Backend,
  req: Pick<ChoiceRequest, 'spec' | 'train' | 'batchSize' | 'optimizer' | 'now' | 'budgetMs'>,
): number {
  const rows = Math.min(req.batchSize, req.train.x.rows);
  const net = new Network(req.spec, { backend, seed: 1, maxBatch: rows });
  const optimizer = makeOptimizer(req.optimizer, net.params, backend);
  const x = backend.alloc(rows, req.train.x.cols);
  const y = backend.alloc(rows, req.train.y.cols);
  x.data.set(req.train.x.data.subarray(0, x.data.length));
  y.data.set(req.train.y.data.subarray(0, y.data.length));
  const step = (): void => {
    const { norm } = computeGradients(net, x, y);
    applyGradients(net, optimizer, norm, undefined);
  };
  for (let i = 0; i < WARMUP_STEPS; i++) step();
  const budget = req.budgetMs ?? 60;
  const t0 = req.now();
  let steps = 0;
  let elapsed = 0;
  while (steps < MIN_STEPS || (elapsed < budget && steps < MAX_STEPS)) {
    step();
    steps++;
    elapsed = req.now() - t0;
  }
  return elapsed / steps;
}

const ms = (v: number): string => (v >= 1 ? v.toFixed(1) : v.toPrecision(2));
const gpuLabel = (g: GpuOption): string => `gpu.js ${g.kernel} (${g.renderer})`;

/** The backend for a training run, with the reason (measured for `auto`). */
export function chooseBackend(req: ChoiceRequest): BackendChoice {
  const cpu: BackendChoice = {
    kind: 'cpu',
    backend: req.cpu,
    kernel: req.cpu.name,
    renderer: null,
    reason: '',
  };
  if (req.preference === 'cpu') return { ...cpu, reason: 'CPU chosen by the user' };
  const made = req.gpu();
  let why: string | null = null;
  if (typeof made === 'string') why = made;
  else if (!made.gl) {
    why = `no GL context: gpu.js would fall back to ${made.kernel}, which runs on the CPU`;
    made.backend.dispose();
  }
  if (why !== null || typeof made === 'string') {
    if (req.preference === 'gpu') throw new Error(`The gpu.js backend is not available: ${why}`);
    return { ...cpu, reason: `CPU: the gpu.js backend is not available (${why})` };
  }
  const gpu: BackendChoice = {
    kind: 'gpu',
    backend: made.backend,
    kernel: made.kernel,
    renderer: made.renderer,
    reason: `${gpuLabel(made)} chosen by the user`,
  };
  if (req.preference === 'gpu') return gpu;
  const tCpu = timeSteps(req.cpu, req);
  const tGpu = timeSteps(made.backend, req);
  const measured = `CPU ${ms(tCpu)} ms/step vs ${gpuLabel(made)} ${ms(tGpu)} ms/step`;
  if (tGpu < tCpu) return { ...gpu, reason: `${measured}: gpu.js is faster` };
  made.backend.dispose();
  return { ...cpu, reason: `${measured}: the CPU is faster` };
}
