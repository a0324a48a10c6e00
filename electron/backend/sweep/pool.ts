/**
 * Trains a planned sweep in parallel: one worker thread per core (or fewer), each taking the
 * next variant when it finishes one. Progress per variant; cancel one variant or all.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VariantEpoch, VariantRun } from '../../../engine/experiments';
import type { RunEpoch, RunEvaluation } from '../../contract/training';
import { inUnits } from '../training/setup';
import type { PlannedVariant } from './plan';
import type { FromSweepWorker, ToSweepWorker } from './protocol';

export interface FinishedVariant extends VariantRun {
  epochRecords: RunEpoch[];
  evaluation: RunEvaluation | null;
  message: string | null;
}

export interface SweepHooks {
  onStart?(id: string): void;
  onEpoch?(id: string, epoch: RunEpoch, penalty: number): void;
  onDone?(run: FinishedVariant): void;
}

export const defaultWorkers = () => Math.max(1, availableParallelism());

export class SweepPool {
  private readonly queue: PlannedVariant[] = [];
  private readonly cancelled = new Set<string>();
  private readonly running = new Map<string, Worker>();
  private workers: Worker[] = [];

  constructor(
    private readonly workerPath: string,
    private readonly size = defaultWorkers(),
  ) {}

  /** Trains every variant; resolves with them all (cancelled ones included) in plan order. */
  async run(plan: readonly PlannedVariant[], hooks: SweepHooks = {}): Promise<FinishedVariant[]> {
    this.queue.push(...plan);
    const results = new Map<string, FinishedVariant>();
    const n = Math.min(this.size, plan.length);
    this.workers = Array.from({ length: n }, () => new Worker(this.workerPath));
    try {
      await Promise.all(this.workers.map((w) => this.drain(w, hooks, results)));
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
      this.workers = [];
    }
    return plan.map((p) => results.get(p.variant.id)!);
  }

  /** Cancels one variant (queued: never starts; running: stops at the next batch), or all. */
  cancel(id?: string): void {
    const ids = id ? [id] : [...this.queue.map((p) => p.variant.id), ...this.running.keys()];
    for (const i of ids) {
      this.cancelled.add(i);
      this.running.get(i)?.postMessage({ type: 'stop', id: i } satisfies ToSweepWorker);
    }
  }

  private async drain(
    worker: Worker,
    hooks: SweepHooks,
    results: Map<string, FinishedVariant>,
  ): Promise<void> {
    for (let p = this.queue.shift(); p; p = this.queue.shift()) {
      const id = p.variant.id;
      if (this.cancelled.has(id)) {
        results.set(id, finished(p, [], null, 0, 'cancelled', null));
        hooks.onDone?.(results.get(id)!);
        continue;
      }
      this.running.set(id, worker);
      hooks.onStart?.(id);
      const r = await this.one(worker, p, hooks);
      this.running.delete(id);
      results.set(id, r);
      hooks.onDone?.(r);
    }
  }

  private one(worker: Worker, p: PlannedVariant, hooks: SweepHooks): Promise<FinishedVariant> {
    const id = p.variant.id;
    const epochs: RunEpoch[] = [];
    const curve: VariantEpoch[] = [];
    return new Promise((resolve) => {
      const onMessage = (m: FromSweepWorker) => {
        if (m.id !== id) return;
        if (m.type === 'epoch') {
          epochs.push(m.epoch);
          curve.push({
            train: m.epoch.train.loss,
            val: m.epoch.val?.loss ?? null,
            penalty: m.penalty,
          });
          hooks.onEpoch?.(id, m.epoch, m.penalty);
          return;
        }
        cleanup();
        if (m.type === 'failed') {
          resolve(finished(p, epochs, null, 0, 'failed', m.message, curve));
          return;
        }
        const status = this.cancelled.has(id) ? 'cancelled' : m.reason;
        const evaluation = inUnits(m.evaluation, p.targetStd, p.targetMean);
        resolve(finished(p, epochs, evaluation, m.elapsedMs, status, m.message, curve));
      };
      const onError = (err: Error) => {
        cleanup();
        resolve(finished(p, epochs, null, 0, 'failed', err.message, curve));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({
        type: 'run',
        id,
        start: p.start,
        targetStd: p.targetStd,
      } satisfies ToSweepWorker);
    });
  }
}

function finished(
  p: PlannedVariant,
  epochRecords: RunEpoch[],
  evaluation: RunEvaluation | null,
  elapsedMs: number,
  status: VariantRun['status'],
  message: string | null,
  epochs: VariantEpoch[] = [],
): FinishedVariant {
  const m = evaluation?.metrics;
  return {
    variant: p.variant,
    epochs,
    epochRecords,
    evaluation,
    test: m ? (m.acc ?? m.mae ?? null) : null,
    elapsedMs,
    status,
    message,
  };
}
