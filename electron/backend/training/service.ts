/**
 * Training sessions on the main side: runs train in a worker thread (the main process stays
 * responsive), read their data from the dataset store (rows never go to the renderer), and
 * push coalesced progress and a final result as contract events.
 *
 * One worker serves every run, one run at a time: headless-gl (the gpu.js backend's GL context)
 * loads in a single thread per process, so a fresh worker per run would lose the GPU after the
 * first run (see ./gpu.ts). A worker that crashed is replaced by a new one.
 */
import { Worker } from 'node:worker_threads';
import {
  AppError,
  type EventName,
  type EventOf,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../contract';
import type { Encoded, Encoder } from '../../../engine/data/encode';
import { toPixels, type ImageShape, type PixelGrid } from '../../../engine/data/image';
import { predictRecord } from './predict';
import { augmentConfig } from './augment-config';
import { checkAugment, previewAugmentation } from '../../../engine/train/augment';
import type { ModelSpec } from '../../../engine/train/spec';
import { WorkerAnalyses } from './analyses';
import { Coalescer } from './coalesce';
import type { FromWorker, ToWorker } from './protocol';
import type { AnalyseRequest } from './worker-analysis';
import { cleanLayers } from './layer-diagnostics';
import { cleanMetrics as clean } from './run';
import { inUnits, prepareRun, runDataOf } from './setup';
import { BoundaryLink, type BoundaryRun } from './boundary-link';
import { adoptedBoundary } from './boundary-adopt';
import { weightMatrices } from './boundary-weights';

/** Training rows shown in the augmentation preview. */
const PREVIEW_ROWS = 5;

/** What training needs from the dataset store. */
export interface TrainingData {
  /** The encoded split, or an AppError when the dataset is missing or not ready. */
  encodeSplit(id: string, split: 'train' | 'validation' | 'test'): Encoded;
  /** Task and class names of a loaded dataset. */
  describe(id: string): {
    task: 'classification' | 'regression';
    classNames: string[] | null;
    features: number;
  };
  /** The fitted encoder of a loaded dataset (for typed rows). */
  encoder(id: string): Encoder;
  /** The pixel grid of `shape` over the file's number columns (AppError when it does not fit). */
  pixelGrid?(id: string, shape: ImageShape): PixelGrid;
  /** Original rows (file line and cells) at positions of a split. */
  rows(
    id: string,
    split: 'validation' | 'test',
    positions: readonly number[],
  ): ResponseOf<'training:rows'>;
}

type Emit = <E extends EventName>(event: E, payload: EventOf<E>) => void;

interface Run {
  id: string;
  spec: ModelSpec;
  datasetId: string;
  /** Regression: the target's scaling, to report MAE and predictions in the target's own units. */
  targetStd: number;
  targetMean: number;
  /** A pending "restore best epoch" request. */
  restoring: {
    resolve(m: Extract<FromWorker, { type: 'restored' }>): void;
    reject(e: Error): void;
  } | null;
  /** The split the final evaluation used. */
  evaluatedOn: 'validation' | 'test' | null;
  worker: Worker;
  coalescer: Coalescer;
  state: ResponseOf<'training:control'>['state'];
}

/** The most recently trained model: what a saved project stores. */
export interface TrainedModel {
  runId: string;
  datasetId: string;
  spec: ModelSpec;
  weights: Float32Array[];
}

export class TrainingService {
  private readonly runs = new Map<string, Run>();
  private next = 1;
  private worker: Worker | null = null;
  /** The run the worker's messages belong to. */
  private current: Run | null = null;
  private latest: TrainedModel | null = null;
  private boundaryLink: BoundaryLink | null = null;
  /** The run whose network the worker's boundary watcher shows (a run, or a saved network). */
  private boundaryRun: BoundaryRun | null = null;
  /** A model from a project file, until a run replaces it; shown in the worker once asked. */
  private adopted: { model: TrainedModel; run: BoundaryRun | null } | null = null;
  private readonly analyses = new WorkerAnalyses();

  /** Use a model trained earlier (weights from a project file) for predictions and the boundary. */
  adoptModel(model: TrainedModel): void {
    this.latest = model;
    this.adopted = { model, run: null };
    if (this.boundaryOf().watching) {
      const run = this.adoptedRun();
      if (run) this.boundaryOf().started(run);
    }
  }

  /** The weights of the last finished run (null before any). */
  latestModel(): TrainedModel | null {
    return this.latest;
  }

  constructor(
    private readonly workerPath: string,
    private readonly data: TrainingData,
    private readonly emit: Emit,
  ) {}

  async start(req: ParsedRequestOf<'training:start'>): Promise<ResponseOf<'training:start'>> {
    for (const r of this.runs.values()) {
      if (r.state !== 'done')
        throw new AppError('NOT_ALLOWED', 'A training run is already going; stop it first.');
    }
    if (this.analyses.busy)
      throw new AppError('NOT_ALLOWED', 'An analysis of the model is running; wait for it.');
    const data = runDataOf(this.data, req.datasetId);
    const prepared = prepareRun(data, req.graph, req.settings, req.backend ?? 'auto');
    const { start } = prepared;
    const id = `run${this.next++}`;
    // The worker keeps only the latest run's model (for "restore best epoch").
    const worker = this.sharedWorker();
    const coalescer = new Coalescer(id, (p) => this.emit('training:progress', p));
    const run: Run = {
      id,
      spec: prepared.spec,
      datasetId: req.datasetId,
      evaluatedOn: null,
      restoring: null,
      targetStd: prepared.targetStd,
      targetMean: prepared.targetMean,
      worker,
      coalescer,
      state: 'starting',
    };
    this.runs.set(id, run);
    this.current = run;
    this.boundaryRun = run;
    this.adopted = null;
    worker.postMessage(start);
    this.boundaryOf().started(run);
    run.state = 'running';
    coalescer.setState('running');
    return {
      runId: id,
      backend: req.backend ?? 'auto',
      datasetHash: prepared.datasetHash,
      features: data.features,
      trainRows: start.train.x.rows,
      validationRows: start.validation?.x.rows ?? 0,
      testRows: start.test?.x.rows ?? 0,
    };
  }

  control(req: ParsedRequestOf<'training:control'>): ResponseOf<'training:control'> {
    const run = this.runs.get(req.runId);
    if (!run)
      throw new AppError('NOT_FOUND', 'That training run is not known.', { runId: req.runId });
    if (run.state === 'done') return { state: 'done' };
    run.worker.postMessage({ type: 'control', action: req.action } satisfies ToWorker);
    if (req.action === 'stop') run.state = 'stopping';
    else if (req.action === 'pause') run.state = 'paused';
    else run.state = 'running';
    run.coalescer.setState(run.state);
    return { state: run.state };
  }

  setLearningRate(
    req: ParsedRequestOf<'training:setLearningRate'>,
  ): ResponseOf<'training:setLearningRate'> {
    const run = this.runs.get(req.runId);
    if (!run || run.state === 'done')
      throw new AppError('NOT_ALLOWED', 'That training is not running.');
    run.worker.postMessage({ type: 'setLearningRate', lr: req.lr } satisfies ToWorker);
    return { lr: req.lr };
  }

  async restoreBest(
    req: ParsedRequestOf<'training:restoreBest'>,
  ): Promise<ResponseOf<'training:restoreBest'>> {
    const run = this.runs.get(req.runId);
    if (!run)
      throw new AppError('NOT_FOUND', 'That training run is not known.', { runId: req.runId });
    if (run.state !== 'done')
      throw new AppError('NOT_ALLOWED', 'Stop the training first, then restore its best epoch.');
    if (this.latest?.runId !== run.id)
      throw new AppError(
        'NOT_ALLOWED',
        'Only the latest run can be restored; its model is the one kept.',
      );
    const reply = new Promise<Extract<FromWorker, { type: 'restored' }>>((resolve, reject) => {
      run.restoring = { resolve, reject };
      setTimeout(
        () => reject(new AppError('INTERNAL', 'The training worker did not answer.')),
        30_000,
      ).unref();
    });
    run.worker.postMessage({ type: 'restoreBest' } satisfies ToWorker);
    const m = await reply;
    run.restoring = null;
    if (m.epoch === 0)
      throw new AppError(
        'NOT_ALLOWED',
        'No best epoch was recorded: training needs validation data for that.',
      );
    this.latest = { runId: run.id, datasetId: run.datasetId, spec: run.spec, weights: m.weights };
    return { epoch: m.epoch, evaluation: inUnits(m.evaluation, run.targetStd, run.targetMean) };
  }

  previewAugment(
    req: ParsedRequestOf<'training:previewAugment'>,
  ): ResponseOf<'training:previewAugment'> {
    const image = req.augment.image;
    const grid = image && this.data.pixelGrid ? this.data.pixelGrid(req.datasetId, image) : null;
    const config = augmentConfig(req.augment, req.seed, grid);
    const enc = this.data.encoder(req.datasetId);
    const train = this.data.encodeSplit(req.datasetId, 'train');
    const n = Math.min(PREVIEW_ROWS, train.rows);
    const original = Array.from({ length: n }, (_, i) =>
      Array.from(train.x.subarray(i * train.width, (i + 1) * train.width)),
    );
    const names = enc.featureNames;
    if (!config) return { featureNames: names, original, augmented: original, images: null };
    try {
      if (config.image) checkAugment(config, train.width);
      const { rows } = previewAugmentation(original, config, { seed: req.seed });
      const images = grid && {
        width: grid.width,
        height: grid.height,
        channels: grid.channels,
        original: original.map((r) => pixelsOf(grid, r)),
        augmented: rows.map((r) => pixelsOf(grid, r)),
      };
      return { featureNames: names, original, augmented: rows, images };
    } catch (err) {
      throw new AppError('BAD_REQUEST', err instanceof Error ? err.message : String(err));
    }
  }

  rows(req: ParsedRequestOf<'training:rows'>): ResponseOf<'training:rows'> {
    const run = this.runs.get(req.runId);
    if (!run)
      throw new AppError('NOT_FOUND', 'That training run is not known.', { runId: req.runId });
    if (!run.evaluatedOn) throw new AppError('BAD_REQUEST', 'That run has not been evaluated yet.');
    return this.data.rows(run.datasetId, run.evaluatedOn, req.positions);
  }

  predict(req: ParsedRequestOf<'training:predict'>): ResponseOf<'training:predict'> {
    const model = this.latest;
    if (!model)
      throw new AppError('NOT_FOUND', 'Train the network first: there is no trained model yet.');
    return predictRecord(this.data.encoder(model.datasetId), model.spec, model.weights, req.values);
  }

  /** The latest network's Dense weight matrices (trained here or brought by a project). */
  weights(req: ParsedRequestOf<'training:weights'>): ResponseOf<'training:weights'> {
    const m = this.latest;
    if (!m) return { runId: null, layers: [] };
    return { runId: m.runId, layers: weightMatrices(m.spec, m.weights, req.max) };
  }

  /** Watch the decision boundary of the latest run (frames come as events). */
  boundary(req: ParsedRequestOf<'training:boundary'>): ResponseOf<'training:boundary'> {
    const run = this.adopted ? this.adoptedRun() : this.current;
    return this.boundaryOf().watch(req, run);
  }

  /**
   * The adopted model as a boundary run: sent to the worker once (with its dataset's splits),
   * null when its dataset is gone or no longer fits it.
   */
  private adoptedRun(): BoundaryRun | null {
    const a = this.adopted;
    if (!a) return null;
    if (a.run) return a.run;
    let shown;
    try {
      shown = adoptedBoundary(runDataOf(this.data, a.model.datasetId), a.model.spec);
    } catch (err) {
      if (err instanceof AppError) return null;
      throw err;
    }
    const worker = this.sharedWorker();
    const { spec, weights } = a.model;
    worker.postMessage({ type: 'adopt', spec, weights, data: shown.data } satisfies ToWorker);
    a.run = {
      id: a.model.runId,
      datasetId: a.model.datasetId,
      targetStd: shown.targetStd,
      targetMean: shown.targetMean,
      worker,
      saved: true,
    };
    this.boundaryRun = a.run;
    return a.run;
  }

  private boundaryOf(): BoundaryLink {
    return (this.boundaryLink ??= new BoundaryLink((id) => this.data.encoder(id)));
  }

  /** An analysis of the latest trained model in the worker (see ./worker-analysis.ts). */
  async analyse<R>(request: AnalyseRequest): Promise<R> {
    // A reopened project's network is not the worker's session (run ids may even repeat).
    if (this.adopted)
      throw new AppError(
        'NOT_ALLOWED',
        'Train the network once in this session first: the analyses retrain or perturb it.',
      );
    const run = this.current;
    if (!run || run.state !== 'done' || this.latest?.runId !== run.id || !this.worker)
      throw new AppError(
        'NOT_ALLOWED',
        run && run.state !== 'done'
          ? 'Wait until the training has ended.'
          : 'Train the network first: there is no trained model yet.',
      );
    return (await this.analyses.request(this.worker, request)) as R;
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.runs.clear();
    if (w) await w.terminate();
  }

  /** The one training worker, started on first use (and again after a crash). */
  private sharedWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = (this.worker = new Worker(this.workerPath));
    const lost = (message: string) => {
      if (this.worker === worker) this.worker = null;
      if (this.adopted) this.adopted.run = null;
      this.analyses.failAll(message);
      const run = this.current;
      if (run && run.state !== 'done') this.finish(run, { reason: 'failed', message });
    };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'boundary' || m.type === 'boundaryFailed') this.onBoundary(m);
      else if (this.current) this.onMessage(this.current, m);
    });
    worker.on('error', (err) => {
      lost(`Training stopped unexpectedly: ${err.message}`);
      void worker.terminate();
    });
    worker.on('exit', (code) => lost(`Training stopped unexpectedly (exit code ${code}).`));
    return worker;
  }

  private onMessage(run: Run, m: FromWorker): void {
    if (m.type === 'analysed') {
      this.analyses.settle(m);
    } else if (m.type === 'backend') {
      run.coalescer.chosen(m.backend);
    } else if (m.type === 'event') {
      const e = m.event;
      if (e.type === 'epoch') {
        run.coalescer.epoch({
          epoch: e.epoch,
          epochs: e.epochs,
          lr: e.lr,
          train: clean(e.train, run.targetStd),
          val: e.val ? clean(e.val, run.targetStd) : null,
          ...(e.penalty !== undefined && Number.isFinite(e.penalty) ? { penalty: e.penalty } : {}),
          elapsedMs: e.elapsedMs,
          ...(e.layers ? { layers: cleanLayers(e.layers) } : {}),
        });
      } else if (e.type === 'batch') {
        run.coalescer.progress({
          epoch: e.epoch,
          batch: e.batch,
          batches: e.batches,
          loss: Number.isFinite(e.loss) ? e.loss : null,
          samplesPerSec: m.samplesPerSec ?? 0,
        });
      } else if (e.type === 'alert') {
        run.coalescer.alert({
          kind: e.kind,
          epoch: e.epoch,
          message: e.message,
          evidence: e.evidence,
          remedies: e.remedies,
        });
      } else if (e.type === 'paused' && run.state !== 'stopping') {
        run.state = 'paused';
        run.coalescer.setState('paused');
      }
    } else if (m.type === 'boundary' || m.type === 'boundaryFailed') {
      this.onBoundary(m);
    } else if (m.type === 'restored') {
      run.restoring?.resolve(m);
    } else if (m.type === 'finished') {
      this.latest = { runId: run.id, datasetId: run.datasetId, spec: run.spec, weights: m.weights };
      run.evaluatedOn = m.evaluation?.split ?? null;
      this.finish(run, m);
    } else if (run.restoring) {
      run.restoring.reject(new AppError('INTERNAL', m.message));
    } else {
      this.finish(run, { reason: 'failed', message: m.message });
    }
  }

  /** A boundary frame from the worker, for the run (or saved network) it is watching. */
  private onBoundary(m: Extract<FromWorker, { type: 'boundary' | 'boundaryFailed' }>): void {
    const run = this.boundaryRun;
    if (!run) return;
    const frame = this.boundaryOf().frameOf(run, m);
    if (frame) this.emit('training:boundary', frame);
  }

  private finish(
    run: Run,
    m: {
      reason: EventOf<'training:done'>['reason'];
      message: string | null;
      epochs?: number;
      restoredEpoch?: number | null;
      evaluation?: EventOf<'training:done'>['evaluation'];
      weightStats?: EventOf<'training:done'>['weightStats'];
    },
  ): void {
    if (run.state === 'done') return;
    run.state = 'done';
    run.coalescer.setState('done');
    run.coalescer.flush();
    this.emit('training:done', {
      runId: run.id,
      reason: m.reason,
      message: m.message,
      epochs: m.epochs ?? 0,
      restoredEpoch: m.restoredEpoch ?? null,
      evaluation: inUnits(m.evaluation ?? null, run.targetStd, run.targetMean),
      weightStats: m.weightStats ?? null,
    });
    // The worker stays, holding the trained model (restore best epoch), until the next run.
  }
}

/** The full raw pixel grid of an encoded row (constant pixel columns put back). */
function pixelsOf(grid: PixelGrid, row: readonly number[]): number[] {
  const out: number[] = [];
  toPixels(grid, row, out);
  return out;
}
