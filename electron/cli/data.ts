/**
 * Datasets and projects for the CLI, through the app's own code: CSVs load into the app's
 * DatasetStore (type inference, imputation, one-hot, scaling on training rows, target scaling,
 * seeded stratified split, sanity findings), projects open through the app's ProjectService
 * (parser, format migrations, embedded or linked data, import settings, weights) and save
 * through it (atomic write, one .bak of the previous version).
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DatasetOptions, DatasetSummary } from '../../engine/data/types';
import { DatasetStore } from '../backend/datasets/store';
import type { FileAccess } from '../backend/files/access';
import { projectSources, type ProjectSourcesWithOrigins } from '../backend/project-sources';
import { ProjectService } from '../backend/projects';
import { trainingDataFrom } from '../backend/training/data';
import { runDataOf, type RunData } from '../backend/training/setup';
import type { TrainedModel } from '../backend/training/service';
import { APP_VERSION } from '../backend/version';
import { AppError } from '../contract';
import type { OpenedProject } from '../contract/projects';
import { dataError } from './errors';
import type { Io } from './io';

/** The CLI may read and write any path its user names. */
const cliAccess: FileAccess = {
  async resolveRead(p) {
    const abs = path.resolve(p);
    await stat(abs).catch(() => {
      throw new AppError('NOT_FOUND', `"${p}" does not exist.`, { path: p });
    });
    return abs;
  },
  resolveWrite: async (p) => path.resolve(p),
  resolveDir: async (p) => path.resolve(p),
  display: (abs) => abs,
  grant: () => undefined,
};

/** One CLI session's backend: the dataset store, the model it holds, the project service. */
export class Session {
  readonly store = new DatasetStore();
  model: TrainedModel | null = null;
  readonly sources: ProjectSourcesWithOrigins;
  readonly projects: ProjectService;

  constructor() {
    this.sources = projectSources(this.store, {
      latestModel: () => this.model,
      adoptModel: (m) => {
        this.model = m;
      },
    });
    this.projects = new ProjectService(
      cliAccess,
      {
        mode: 'desktop',
        version: APP_VERSION,
        workspace: null,
        recoveryDir: path.join(os.tmpdir(), 'layerlab-cli-recovery'),
      },
      this.sources,
    );
  }

  /** Loads a CSV file with import options; refuses a dataset that is not ready to train. */
  async loadCsv(io: Io, file: string, options: Partial<DatasetOptions>): Promise<DatasetSummary> {
    const bytes = await readCsv(io, file);
    const name = path.basename(file);
    const summary = await this.store.load({ name, size: bytes.length, bytes, options });
    this.sources.remember(summary.id, { name, path: path.resolve(file), bytes: null });
    return ready(summary);
  }

  /** Uses another file as the test split of a loaded dataset (same encoder, same columns). */
  async setTestFile(io: Io, id: string, file: string): Promise<DatasetSummary> {
    const bytes = await readCsv(io, file);
    const summary = await this.store.setTestFile(id, {
      name: path.basename(file),
      size: bytes.length,
      bytes,
    });
    return ready(summary);
  }

  /** Opens a project; its dataset must load (embedded, or the linked file unchanged). */
  async openProject(file: string): Promise<{ opened: OpenedProject; summary: DatasetSummary }> {
    const opened = await this.projects.open(file);
    const d = opened.dataset;
    if (d === null) throw dataError(`${file} has no dataset: give one with --data FILE.csv`);
    if (d.status !== 'loaded') throw dataError(`${file}: ${d.message}`);
    return { opened, summary: ready(d.summary as DatasetSummary) };
  }

  /** The encoded splits and task of a loaded, ready dataset. */
  runData(id: string): RunData {
    return runDataOf(trainingDataFrom(this.store), id);
  }
}

async function readCsv(io: Io, file: string): Promise<Uint8Array> {
  try {
    // Checked first: the reader's own message speaks of a file that disappeared while read.
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    return await io.readCsv(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw dataError(`cannot read ${file}: no such file`);
    if (code === 'EISDIR') throw dataError(`cannot read ${file}: it is a folder`);
    throw e;
  }
}

/** A dataset with error findings is refused, listing them. */
function ready(summary: DatasetSummary): DatasetSummary {
  if (summary.ready && summary.target) return summary;
  const errors = summary.findings.filter((f) => f.severity === 'error');
  const list = errors.map((f) => `${f.title}. ${f.detail}`).join(' ');
  throw dataError(
    `${summary.file.name} is not ready to train: ${list || 'it has no usable target column.'}`,
  );
}
