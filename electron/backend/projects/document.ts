/**
 * Draft ↔ document: builds the saved document from the renderer's draft plus what the backend
 * holds (dataset bytes, trained weights), and loads an opened document's dataset and weights.
 */
import path from 'node:path';
import {
  MAX_DATASET_BYTES,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  packWeights,
  type DatasetSource,
  type Project,
  type ProjectDataset,
} from '../../../engine/graph/project';
import type { ModelSpec } from '../../../engine/train/spec';
import { AppError } from '../../contract';
import type {
  DatasetLink,
  DatasetStatus,
  OpenedProject,
  ProjectDraft,
} from '../../contract/projects';
import type { FileAccess } from '../files/access';
import { appParts } from './app-parts';
import { embedBytes, extractEmbedded, readCapped, sha256Hex } from './io';
import type { ProjectPlatform, ProjectSources } from './sources';

export interface Context {
  access: FileAccess;
  platform: ProjectPlatform;
  sources: ProjectSources;
}

export interface Built {
  project: Project;
  dataset: 'embedded' | 'linked' | 'none';
  weights: boolean;
  warnings: string[];
}

/** "/a/b/data.csv" relative to the folder "/a/c" → "../b/data.csv"; null across drives. */
function relativeLink(fromDir: string, abs: string): string | null {
  const rel = path.relative(fromDir, abs);
  if (rel === '' || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/** A path in the renderer's form → absolute. */
export function absFromShown(platform: ProjectPlatform, shown: string): string {
  return platform.workspace ? path.resolve(platform.workspace, shown) : path.resolve(shown);
}

/**
 * @param dir folder of the file being written (links are relative to it)
 * @param embed true for Share…: the dataset is always embedded
 */
export async function buildProject(
  ctx: Context,
  draft: ProjectDraft,
  dir: string,
  embed: boolean,
): Promise<Built> {
  const warnings: string[] = [];
  let dataset: ProjectDataset | null = null;
  const d = draft.dataset;
  if (d?.kind === 'loaded') {
    const content = await ctx.sources.datasetContent(d.id);
    if (!content) {
      warnings.push('The dataset is no longer loaded, so it was not saved with the project.');
    } else {
      let source: DatasetSource | null = null;
      const link =
        d.mode === 'link' && !embed && content.path ? relativeLink(dir, content.path) : null;
      if (link !== null && content.path) {
        const bytes = await readCapped(content.path, MAX_DATASET_BYTES, content.name);
        source = { kind: 'linked', path: link, bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
      } else {
        if (d.mode === 'link' && !embed) {
          warnings.push(`"${content.name}" cannot be linked from this folder, so it was embedded.`);
        }
        const bytes =
          content.bytes ??
          (content.path ? await readCapped(content.path, MAX_DATASET_BYTES, content.name) : null);
        if (bytes) source = await embedBytes(bytes);
        else
          warnings.push(`The bytes of "${content.name}" are not available, so it was not saved.`);
      }
      if (source) dataset = { name: content.name, source, options: content.options };
    }
  } else if (d?.kind === 'missing') {
    const abs = absFromShown(ctx.platform, d.link.path);
    const rel = relativeLink(dir, abs);
    if (embed) warnings.push(`"${d.link.name}" was not found, so the copy only links to it.`);
    if (rel === null) {
      warnings.push(`"${d.link.name}" cannot be linked from this folder, so it was left out.`);
    } else {
      dataset = {
        name: d.link.name,
        source: { kind: 'linked', path: rel, bytes: d.link.bytes, sha256: d.link.sha256 },
        options: d.link.options,
      };
    }
  }

  let weights: Project['weights'] = null;
  if (draft.includeWeights !== false) {
    const trained = await ctx.sources.latestWeights();
    if (trained) {
      const packed = packWeights(draft.graph, trained.features, trained.weights, trained.runId);
      if (packed.ok) weights = packed.weights;
      else warnings.push(packed.message);
    }
  }

  const project: Project = {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    app: { name: 'Layerlab', version: ctx.platform.version },
    graph: draft.graph,
    dataset,
    training: draft.training,
    runs: draft.runs,
    weights,
    sweeps: draft.sweeps ?? [],
    // Written only when there are some, so a file without them stays as it was.
    ...(draft.seedGroups?.length ? { seedGroups: draft.seedGroups } : {}),
  };
  return {
    project,
    dataset: dataset === null ? 'none' : dataset.source.kind,
    weights: weights !== null,
    warnings,
  };
}

function linkOf(ctx: Context, dataset: ProjectDataset, abs: string): DatasetLink {
  const src = dataset.source;
  return {
    name: dataset.name,
    path: ctx.access.display(abs),
    bytes: src.bytes,
    sha256: src.sha256,
    options: dataset.options,
  };
}

async function load(
  ctx: Context,
  name: string,
  bytes: Uint8Array,
  abs: string | null,
  options: Record<string, unknown>,
): Promise<DatasetStatus> {
  try {
    const { id, summary } = await ctx.sources.openDataset({ name, bytes, path: abs, options });
    return { status: 'loaded', name, id, embedded: abs === null, summary };
  } catch (err) {
    const message = err instanceof Error ? err.message : 'it could not be loaded';
    return { status: 'unreadable', name, message: `"${name}" could not be loaded: ${message}` };
  }
}

/**
 * Reads a linked dataset file through the access policy: confined to the workspace in browser
 * mode, only a granted file in desktop mode.
 */
async function readLinked(ctx: Context, abs: string): Promise<Uint8Array> {
  const real = await ctx.access.resolveRead(ctx.access.display(abs));
  return readCapped(real, MAX_DATASET_BYTES, ctx.access.display(abs));
}

/**
 * Desktop: a path named inside a project is read only once the user allowed that one file (a
 * project could name any file); one the user already chose is not asked about again.
 */
async function allowLinked(
  ctx: Context,
  dataset: ProjectDataset,
  abs: string,
  project: string,
): Promise<boolean> {
  if (ctx.platform.mode !== 'desktop') return true;
  try {
    await ctx.access.resolveRead(abs);
    return true;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'NOT_ALLOWED') return true;
  }
  const confirm = ctx.platform.confirmLinkedDataset;
  if (!confirm) return false;
  const ok = await confirm({ project, dataset: dataset.name, path: abs }).catch(() => false);
  if (ok) ctx.access.grant(abs);
  return ok;
}

/** Loads the document's dataset; a missing or changed linked file is reported, not thrown. */
export async function openDataset(
  ctx: Context,
  dataset: ProjectDataset,
  projectDir: string | null,
  project: string,
): Promise<DatasetStatus> {
  const src = dataset.source;
  if (src.kind === 'embedded') {
    let bytes: Uint8Array;
    try {
      bytes = await extractEmbedded(src);
    } catch (err) {
      const message = err instanceof Error ? err.message : 'unreadable';
      return {
        status: 'unreadable',
        name: dataset.name,
        message: `"${dataset.name}": ${message}.`,
      };
    }
    return load(ctx, dataset.name, bytes, null, dataset.options);
  }
  const base = projectDir ?? ctx.platform.workspace;
  if (base === null) {
    // A dropped file has no folder its links could be relative to.
    return {
      status: 'missing',
      name: dataset.name,
      link: {
        name: dataset.name,
        path: src.path,
        bytes: src.bytes,
        sha256: src.sha256,
        options: dataset.options,
      },
      message: `The linked dataset "${dataset.name}" (${src.path}) cannot be found from a dropped file. Locate it to load it.`,
    };
  }
  const abs = path.resolve(base, ...src.path.split('/'));
  if (!(await allowLinked(ctx, dataset, abs, project))) {
    return {
      status: 'missing',
      name: dataset.name,
      link: linkOf(ctx, dataset, abs),
      message: `The linked dataset "${dataset.name}" (${abs}) was not read, as reading that file was not allowed. Locate it to load it.`,
    };
  }
  return checkAndLoad(ctx, dataset, abs, false);
}

async function checkAndLoad(
  ctx: Context,
  dataset: ProjectDataset,
  abs: string,
  force: boolean,
): Promise<DatasetStatus> {
  const link = linkOf(ctx, dataset, abs);
  let bytes: Uint8Array;
  try {
    bytes = await readLinked(ctx, abs);
  } catch (err) {
    const why = err instanceof AppError && err.code !== 'NOT_FOUND' ? ` (${err.message})` : '';
    return {
      status: 'missing',
      name: dataset.name,
      link,
      message: `The linked dataset "${dataset.name}" was not found at ${link.path}${why}. Locate it to load it.`,
    };
  }
  if (!force && sha256Hex(bytes) !== dataset.source.sha256) {
    return {
      status: 'changed',
      name: dataset.name,
      link,
      message: `"${link.path}" is not the file this project was saved with (its content changed). Use it anyway, or locate the original.`,
    };
  }
  return load(ctx, path.basename(abs), bytes, abs, dataset.options);
}

/** "Locate…": the user chose another file for a linked dataset. */
export async function locateDataset(
  ctx: Context,
  shown: string,
  link: DatasetLink,
  force: boolean,
): Promise<DatasetStatus> {
  const abs = await ctx.access.resolveRead(shown);
  const dataset: ProjectDataset = {
    name: link.name,
    source: { kind: 'linked', path: 'located', bytes: link.bytes, sha256: link.sha256 },
    options: link.options,
  };
  return checkAndLoad(ctx, dataset, abs, force);
}

/** The renderer's view of an opened document, after loading its dataset and weights. */
export async function openedView(
  ctx: Context,
  project: Project,
  weights: { spec: ModelSpec; arrays: Float32Array[] } | null,
  where: { path: string | null; name: string; dir: string | null; recovered: boolean },
  warnings: string[],
): Promise<OpenedProject> {
  // First: a file whose settings the app refuses is refused before anything is loaded.
  const parts = appParts(project, where.name);
  const dataset = project.dataset
    ? await openDataset(ctx, project.dataset, where.dir, where.name)
    : null;
  let weightsView: OpenedProject['weights'] = null;
  if (project.weights && weights) {
    let restored = false;
    if (ctx.sources.restoreWeights) {
      await ctx.sources.restoreWeights({
        runId: project.weights.runId,
        features: project.weights.features,
        spec: weights.spec,
        weights: weights.arrays,
      });
      restored = true;
    }
    weightsView = {
      runId: project.weights.runId,
      features: project.weights.features,
      parameters: weights.arrays.reduce((s, a) => s + a.length, 0),
      restored,
    };
  }
  return {
    path: where.path,
    name: where.name,
    formatVersion: project.formatVersion,
    app: project.app,
    graph: project.graph,
    training: parts.training,
    runs: parts.runs,
    sweeps: project.sweeps,
    seedGroups: project.seedGroups ?? [],
    dataset,
    weights: weightsView,
    recovered: where.recovered,
    warnings: [...warnings, ...parts.warnings],
  };
}
