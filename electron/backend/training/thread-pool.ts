/**
 * The CPU backend's helper threads, as worker_threads running the built gemm-helper.cjs (see
 * engine/backend/threads.ts). Used by the training worker (one helper on a 2-core machine: the
 * worker itself is the other thread) and by the benchmark.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Backend } from '../../../engine/backend/backend';
import { CpuBackend, cpuBackend } from '../../../engine/backend/cpu/cpu-backend';
import type { HelperStart, ThreadPool } from '../../../engine/backend/threads';

export class WorkerThreadPool implements ThreadPool {
  private readonly workers: Worker[] = [];

  /** @param script the built helper entry (dist/…/gemm-helper.cjs) */
  constructor(
    readonly size: number,
    private readonly script: string,
  ) {}

  start(starts: readonly HelperStart[]): void {
    for (const start of starts.slice(0, this.size)) {
      const worker = new Worker(this.script);
      // A helper that fails to start never reports ready: the caller computes its rows itself.
      worker.on('error', () => {});
      worker.postMessage(start);
      worker.unref();
      this.workers.push(worker);
    }
  }

  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
  }
}

/** Helper threads worth starting here: one per core beyond the caller's, at most `max`. */
export function helperCount(max = 1): number {
  return Math.max(0, Math.min(max, availableParallelism() - 1));
}

let shared: Backend | null = null;

/**
 * The training thread's CPU backend: with helper threads where gemm-helper.cjs sits beside this
 * bundle and the machine has a core to spare, else the plain shared one. Kept for the next runs
 * of this thread until it is disposed (the worker disposes a finished run's backend when the
 * next run starts); then the next call makes a fresh one with its own helper.
 */
export function threadedCpuBackend(dir: string = __dirname): Backend {
  if (shared !== null) return shared;
  const script = path.join(dir, 'gemm-helper.cjs');
  const helpers = helperCount();
  if (helpers === 0 || !existsSync(script)) return (shared = cpuBackend);
  const pool = new WorkerThreadPool(helpers, script);
  const backend = new CpuBackend({ pool });
  const stop = backend.dispose.bind(backend);
  backend.dispose = () => {
    stop();
    pool.close();
    if (shared === backend) shared = null;
  };
  return (shared = backend);
}
