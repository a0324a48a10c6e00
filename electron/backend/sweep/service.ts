/**
 * Sweeps for the app: the request's parameters are parsed as on the command line, the variants
 * planned against the loaded dataset (../sweep/plan.ts) and trained in a pool of worker threads;
 * progress per variant and the final results are pushed as contract events.
 */
import { parseSweepParam, SweepSpecError, type SweepParam } from '../../../engine/experiments';
import {
  AppError,
  type EventName,
  type EventOf,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../contract';
import type { TrainingData } from '../training/service';
import { runDataOf } from '../training/setup';
import { planSweep, sweepDataHash } from './plan';
import { defaultWorkers, SweepPool } from './pool';
import { sweepResult } from './result';

type Emit = <E extends EventName>(event: E, payload: EventOf<E>) => void;

export class SweepService {
  private readonly pools = new Map<string, SweepPool>();
  private next = 1;

  constructor(
    private readonly workerPath: string,
    private readonly data: TrainingData,
    private readonly emit: Emit,
    private readonly workers = defaultWorkers(),
  ) {}

  start(req: ParsedRequestOf<'sweep:start'>): ResponseOf<'sweep:start'> {
    if (this.pools.size > 0)
      throw new AppError('NOT_ALLOWED', 'A sweep is already running; cancel it first.');
    let params: SweepParam[];
    let plan;
    const info = this.data.describe(req.datasetId);
    try {
      params = req.params.map((p) => parseSweepParam(`${p.key}=${p.values}`));
      plan = planSweep(runDataOf(this.data, req.datasetId), req.graph, req.settings, {
        params,
        seeds: req.seeds,
      });
    } catch (e) {
      if (e instanceof SweepSpecError) throw new AppError('BAD_REQUEST', e.message);
      throw e;
    }
    const sweepId = `sweep${this.next++}`;
    const pool = new SweepPool(this.workerPath, this.workers);
    this.pools.set(sweepId, pool);
    const epochsOf = new Map(plan.map((p) => [p.variant.id, p.settings.epochs]));
    const progress = (variantId: string, p: Partial<EventOf<'sweep:progress'>>) =>
      this.emit('sweep:progress', {
        sweepId,
        variantId,
        state: 'running',
        epoch: 0,
        epochs: epochsOf.get(variantId) ?? 0,
        valLoss: null,
        status: null,
        ...p,
      });
    pool
      .run(plan, {
        onStart: (id) => progress(id, {}),
        onEpoch: (id, e) => progress(id, { epoch: e.epoch, valLoss: e.val?.loss ?? null }),
        onDone: (r) =>
          progress(r.variant.id, { state: 'done', epoch: r.epochs.length, status: r.status }),
      })
      .then((runs) => this.emit('sweep:done', sweepResult(sweepId, params, runs, info.task)))
      .catch(() => undefined)
      .finally(() => this.pools.delete(sweepId));
    return {
      sweepId,
      datasetHash: sweepDataHash(plan),
      workers: Math.min(this.workers, plan.length),
      variants: plan.map(({ variant: v }) => ({
        id: v.id,
        group: v.group,
        values: v.values,
        seed: v.seed,
      })),
    };
  }

  cancel(req: ParsedRequestOf<'sweep:cancel'>): ResponseOf<'sweep:cancel'> {
    const pool = this.pools.get(req.sweepId);
    if (!pool) return { cancelled: false };
    pool.cancel(req.variantId);
    return { cancelled: true };
  }

  dispose(): void {
    for (const p of this.pools.values()) p.cancel();
  }
}
