/**
 * The service's side of the worker analyses (MC dropout, landscape, seeds): each request gets an
 * id, its reply settles the promise; the latest finished run must be the worker's model.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../contract';
import type { FromWorker, ToWorker } from './protocol';
import type { AnalyseRequest } from './worker-analysis';

/** Several seeds train whole runs: allow them time. */
const TIMEOUT_MS = 10 * 60_000;

export class WorkerAnalyses {
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();

  /** Whether an analysis is in flight (no run may start meanwhile). */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  request(worker: Worker, request: AnalyseRequest): Promise<unknown> {
    if (this.busy)
      throw new AppError(
        'NOT_ALLOWED',
        'An analysis of the model is already running; wait for it.',
      );
    const id = this.next++;
    const reply = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      setTimeout(() => {
        if (this.pending.delete(id))
          reject(new AppError('INTERNAL', 'The training worker did not answer.'));
      }, TIMEOUT_MS).unref();
    });
    worker.postMessage({ type: 'analyse', id, request } satisfies ToWorker);
    return reply;
  }

  settle(m: Extract<FromWorker, { type: 'analysed' }>): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.error === null) p.resolve(m.result);
    else p.reject(new AppError('BAD_REQUEST', m.error));
  }

  /** The worker was lost: every pending analysis fails with `message`. */
  failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new AppError('INTERNAL', message));
    this.pending.clear();
  }
}
