/**
 * The Electron-free backend: one handler per contract channel, requests parsed with the
 * channel's zod schema, results and errors returned as envelopes `{ ok, value | error }`.
 * Electron's ipcMain (main.ts) and the WebSocket host (host.ts) are thin adapters around it.
 */
import {
  AppError,
  channels,
  isChannel,
  type Channel,
  type EventName,
  type EventOf,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../contract';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Platform } from './platform';
import type { FileAccess } from './files/access';
import { fileHandlers } from './files/service';
import { datasetHandlers } from './datasets/service';
import { DatasetStore } from './datasets/store';
import { TrainingService } from './training/service';
import { trainingDataFrom } from './training/data';
import { SweepService } from './sweep/service';
import { savedSweepResult } from './sweep/result';
import { compareSeeds } from '../../engine/experiments';
import { projectHandlers } from './projects';
import { projectSources } from './project-sources';
import { modelHandlers } from './models/handlers';
import { Uploads } from './uploads';
import { checkExternalLink } from './links';
import { MAX_DATASET_BYTES } from '../../engine/graph/project/schema';
import os from 'node:os';
import { generateCsv, generatedName } from '../../engine/data/generate';

type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };
type EventListener = (event: EventName, payload: unknown) => void;

export interface Backend {
  /** Parse, dispatch and answer one request. Never throws. */
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Push an event to every connected renderer. */
  emit<E extends EventName>(event: E, payload: EventOf<E>): void;
  onEvent(listener: EventListener): () => void;
  dispose(): Promise<void>;
}

export interface BackendOptions {
  /** The built training worker (dist/electron/training-worker.cjs beside main/host). */
  workerPath?: string;
  /**
   * The built CSV worker (dist/electron/csv-worker.cjs beside main/host); when it is not there
   * (tests running the sources) files are parsed in-process.
   */
  csvWorkerPath?: string;
  /** Where uploads wait while their pieces arrive; default: the system's temp dir. */
  uploads?: Uploads;
}

export function createBackend(
  platform: Platform,
  access: FileAccess,
  options: BackendOptions = {},
): Backend {
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>) => {
    for (const l of listeners) l(event, payload);
  };
  const csvWorker = options.csvWorkerPath ?? path.join(__dirname, 'csv-worker.cjs');
  const store = new DatasetStore(
    existsSync(csvWorker) ? { workers: { workerPath: csvWorker } } : {},
  );
  const training: TrainingService = new TrainingService(
    options.workerPath ?? path.join(__dirname, 'training-worker.cjs'),
    trainingDataFrom(store),
    emit,
  );
  const sweeps = new SweepService(
    path.join(path.dirname(options.workerPath ?? path.join(__dirname, 'x')), 'sweep-worker.cjs'),
    trainingDataFrom(store),
    emit,
  );
  const sources = projectSources(store, training);
  const uploads = options.uploads ?? new Uploads();
  /** The project service saves a dataset by its origin: note it whenever one is opened. */
  const withOrigins = <H extends ReturnType<typeof datasetHandlers>>(h: H): H => ({
    ...h,
    async 'datasets:open'(req) {
      const summary = await h['datasets:open'](req);
      sources.remember(summary.id, {
        name: summary.file.name,
        path: await access.resolveRead(req.path),
        bytes: null,
      });
      return summary;
    },
    async 'datasets:openUpload'(req) {
      // Kept for saving the project (embedded); read before the upload is opened and removed.
      const file = uploads.peek(req.id);
      const bytes =
        file && file.complete && file.size <= MAX_DATASET_BYTES ? await readFile(file.path) : null;
      const summary = await h['datasets:openUpload'](req);
      sources.remember(summary.id, { name: summary.file.name, path: null, bytes });
      return summary;
    },
    async 'datasets:openText'(req) {
      const summary = await h['datasets:openText'](req);
      sources.remember(summary.id, {
        name: req.name,
        path: null,
        bytes: new TextEncoder().encode(req.text),
      });
      return summary;
    },
  });
  const datasets = withOrigins(
    datasetHandlers(access, (payload) => emit('datasets:progress', payload), store, uploads),
  );
  const projectPlatform = {
    mode: platform.mode,
    version: platform.version,
    workspace: platform.workspace,
    recoveryDir: platform.recoveryDir ?? path.join(os.tmpdir(), 'layerlab-recovery'),
    ...(platform.projectFolders ? { projectFolders: () => platform.projectFolders!() } : {}),
    ...(platform.confirmLinkedDataset
      ? { confirmLinkedDataset: platform.confirmLinkedDataset.bind(platform) }
      : {}),
  };
  const handlers: Handlers = {
    async 'app:info'() {
      return {
        name: 'Layerlab' as const,
        version: platform.version,
        mode: platform.mode,
        platform: platform.os,
        nativeDialogs: Boolean(platform.showOpenDialog),
        workspace: platform.workspace,
      };
    },
    async 'shell:openExternal'(req) {
      const refused = checkExternalLink(req.url);
      if (refused) {
        console.warn(`Refused to open ${req.url.slice(0, 200)}: ${refused}`);
        throw new AppError('NOT_ALLOWED', `That link does not open from Layerlab: ${refused}.`);
      }
      return { opened: platform.openExternal ? await platform.openExternal(req.url) : false };
    },
    ...fileHandlers(platform, access),
    ...datasets,
    // A built-in dataset loads as CSV text, so it is found, split and saved like any file.
    'datasets:generate': (req) =>
      datasets['datasets:openText']({ name: generatedName(req), text: generateCsv(req) }),
    ...projectHandlers(access, projectPlatform, sources),
    ...modelHandlers({ access, platform: projectPlatform, sources, store, training }),
    'uploads:begin': (req) => uploads.begin(req),
    'uploads:append': (req) => uploads.append(req),
    'uploads:cancel': (req) => uploads.cancel(req.id),
    async 'projects:openUpload'(req) {
      const upload = await uploads.finish(req.id, 'project');
      let text: string;
      try {
        // A leading UTF-8 byte order mark is dropped here, as when the file opens by its path.
        text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(upload.path));
      } catch {
        throw new AppError(
          'BAD_REQUEST',
          `"${upload.name}" cannot be opened: it is not a Layerlab project (not UTF-8 text).`,
          { file: upload.name, problem: 'not_text' },
        );
      } finally {
        await upload.discard();
      }
      return handlers['projects:openText']({ name: upload.name, text });
    },
    'training:start': (req) => training.start(req),
    async 'sweep:start'(req) {
      return sweeps.start(req);
    },
    async 'sweep:cancel'(req) {
      return sweeps.cancel(req);
    },
    async 'sweep:reopen'(req) {
      return savedSweepResult(req.sweep, req.task);
    },
    async 'sweep:compareSeeds'(req) {
      const c = compareSeeds(req.a, req.b);
      return {
        verdict: c.verdict,
        p: c.p,
        message: c.message,
        difference: Number.isFinite(c.difference) ? c.difference : null,
      };
    },
    async 'training:control'(req) {
      return training.control(req);
    },
    async 'training:rows'(req) {
      return training.rows(req);
    },
    async 'training:predict'(req) {
      return training.predict(req);
    },
    async 'training:setLearningRate'(req) {
      return training.setLearningRate(req);
    },
    'training:restoreBest': (req) => training.restoreBest(req),
    async 'training:boundary'(req) {
      return training.boundary(req);
    },
    async 'training:weights'(req) {
      return training.weights(req);
    },
    'training:mcDropout': (req) => training.analyse({ what: 'mcDropout', ...req }),
    'training:landscape': (req) => training.analyse({ what: 'landscape', ...req }),
    'training:seeds': (req) => training.analyse({ what: 'seeds', ...req }),
    async 'training:previewAugment'(req) {
      return training.previewAugment(req);
    },
  };

  return {
    async invoke(channel, payload) {
      if (!isChannel(channel)) {
        return fail(
          new AppError(
            'UNKNOWN_CHANNEL',
            `There is no request called "${String(channel).slice(0, 100)}".`,
          ),
        );
      }
      const parsed = channels[channel].request.safeParse(payload ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length ? issue.path.join('.') : 'payload';
        return fail(
          new AppError(
            'BAD_REQUEST',
            `Bad "${channel}" request: ${where}: ${issue?.message ?? 'invalid'}.`,
            {
              issues: parsed.error.issues
                .slice(0, 5)
                .map((i) => ({ path: i.path.map(String), message: i.message })),
            },
          ),
        );
      }
      try {
        const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        return fail(toAppError(err));
      }
    },
    emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await training.dispose();
      sweeps.dispose();
      await uploads.dispose();
      listeners.clear();
    },
  };
}

function fail(err: AppError): Result<never> {
  return { ok: false, error: err.toJSON() };
}

/** Maps anything thrown to a code the UI can put into words; never leaks a stack trace. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  const where = e?.path ? ` (${e.path})` : '';
  switch (e?.code) {
    case 'ENOENT':
      return new AppError('NOT_FOUND', `The file or folder does not exist${where}.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('IO_ERROR', `Permission denied${where}.`);
    case 'EISDIR':
      return new AppError('BAD_REQUEST', `That is a folder, not a file${where}.`);
    case 'ENOSPC':
      return new AppError('IO_ERROR', `The disk is full${where}.`);
    default:
      return new AppError('INTERNAL', e instanceof Error ? e.message : 'Unexpected error.');
  }
}
