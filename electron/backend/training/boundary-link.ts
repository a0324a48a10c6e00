/**
 * The main side of the decision boundary: remembers what the renderer watches, tells the worker
 * (with the dataset's columns, so axes read in the file's units, and the target's scaling), and
 * passes the worker's frames on as `training:boundary` events with their run id.
 */
import type { Worker } from 'node:worker_threads';
import { AppError, type ParsedRequestOf, type ResponseOf } from '../../contract';
import type { Encoder } from '../../../engine/data/encode';
import type { BoundaryWatch } from './boundary-eval';
import type { ColumnInfo } from './boundary-plane';
import type { FromWorker, ToWorker } from './protocol';

export interface BoundaryRun {
  id: string;
  datasetId: string;
  targetStd: number;
  targetMean: number;
  worker: Worker;
  /** A reopened project's network (./boundary-adopt.ts), not one trained in this session. */
  saved?: boolean;
}

/** The encoded columns as the plane shows them: names, and the scaling back to file units. */
export function columnsOf(enc: Encoder): ColumnInfo[] {
  return enc.features.flatMap((f, group): ColumnInfo[] =>
    f.categories
      ? f.categories.map((c) => ({ label: `${f.name}=${c}`, center: null, scale: null, group }))
      : [{ label: f.name, center: f.center, scale: f.scale, group }],
  );
}

export class BoundaryLink {
  private request: ParsedRequestOf<'training:boundary'> | null = null;
  /** The latest message a frame could not be made for (shown once to the caller). */
  private failure: string | null = null;

  constructor(private readonly encoder: (datasetId: string) => Encoder) {}

  /** A new watch from the renderer, passed to the worker of the latest run (if any). */
  watch(
    req: ParsedRequestOf<'training:boundary'>,
    run: BoundaryRun | null,
  ): ResponseOf<'training:boundary'> {
    this.request = req.plane ? req : null;
    this.failure = null;
    if (run) this.send(run);
    return { watching: this.request !== null };
  }

  /** A run started (or its worker changed): it gets the current watch. */
  started(run: BoundaryRun): void {
    if (this.request) this.send(run);
  }

  /** A worker message about the boundary, as an event payload (null for other messages). */
  frameOf(run: BoundaryRun, m: FromWorker) {
    if (m.type === 'boundaryFailed') {
      this.failure = m.message;
      this.request = null;
      return null;
    }
    if (m.type !== 'boundary') return null;
    return { runId: run.id, ...m.frame, ...(run.saved ? { saved: true } : {}) };
  }

  /** Whether the renderer watches the boundary now. */
  get watching(): boolean {
    return this.request !== null;
  }

  lastFailure(): string | null {
    return this.failure;
  }

  private send(run: BoundaryRun): void {
    const req = this.request;
    let watch: BoundaryWatch | null = null;
    if (req?.plane) {
      let columns: ColumnInfo[] | null = null;
      try {
        columns = columnsOf(this.encoder(run.datasetId));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
      watch = {
        plane: req.plane,
        nodeId: req.nodeId,
        seed: req.seed ?? null,
        columns,
        targetStd: run.targetStd,
        targetMean: run.targetMean,
      };
    }
    run.worker.postMessage({ type: 'boundary', watch } satisfies ToWorker);
  }
}
