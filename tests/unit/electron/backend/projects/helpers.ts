import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseProject } from '../../../../../engine/graph/project';
import type { ProjectDraft } from '../../../../../electron/contract/projects';
import { WorkspaceAccess } from '../../../../../electron/backend/files/access';
import { appParts } from '../../../../../electron/backend/projects/app-parts';
import {
  projectHandlers,
  type DatasetContent,
  type ProjectServiceOptions,
  type ProjectSources,
  type TrainedWeights,
  type WeightsToRestore,
} from '../../../../../electron/backend/projects';

export const FIXTURES = path.join(__dirname, '../../../../fixtures/projects');
export const V1_FILE = path.join(FIXTURES, 'v1/iris-classifier.layerlab');

/** The v1 fixture's document, its weights and its dataset bytes. */
export function v1() {
  const r = parseProject(readFileSync(V1_FILE, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r;
}

export const IRIS_CSV = 'sepal,petal,label\n5.1,1.4,0\n6.2,4.3,1\n7.7,6.1,2\n';

/** In-memory stand-ins for the dataset store and the training service. */
export class FakeSources implements ProjectSources {
  datasets = new Map<string, DatasetContent>();
  weights: TrainedWeights | null = null;
  restored: WeightsToRestore[] = [];
  opened: { name: string; text: string; path: string | null; options: unknown }[] = [];
  private next = 1;

  add(content: Partial<DatasetContent> & { name: string }): string {
    const id = `ds${this.next++}`;
    this.datasets.set(id, { path: null, bytes: null, options: {}, ...content });
    return id;
  }

  datasetContent(id: string) {
    return this.datasets.get(id) ?? null;
  }

  latestWeights() {
    return this.weights;
  }

  async openDataset(input: {
    name: string;
    bytes: Uint8Array;
    path: string | null;
    options: Record<string, unknown>;
  }) {
    const text = Buffer.from(input.bytes).toString('utf8');
    if (text.startsWith('REFUSE')) throw new Error('the dataset feature refused it');
    this.opened.push({ name: input.name, text, path: input.path, options: input.options });
    const id = this.add({
      name: input.name,
      path: input.path,
      bytes: input.bytes,
      options: input.options,
    });
    return { id, summary: { rows: text.trim().split('\n').length - 1 } };
  }

  restoreWeights(input: WeightsToRestore) {
    this.restored.push(input);
    this.weights = { runId: input.runId, features: input.features, weights: input.weights };
  }
}

export interface Env {
  root: string;
  workspace: string;
  recovery: string;
  sources: FakeSources;
  handlers: ReturnType<typeof projectHandlers>;
  cleanup(): void;
}

/** A browser-mode backend on a fresh temporary workspace. */
export async function env(opts: ProjectServiceOptions = {}, root?: string): Promise<Env> {
  const base = root ?? mkdtempSync(path.join(tmpdir(), 'layerlab-projects-'));
  const workspace = path.join(base, 'ws');
  const recovery = path.join(base, 'recovery');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(workspace, { recursive: true });
  const access = await WorkspaceAccess.open(workspace);
  const sources = new FakeSources();
  const handlers = projectHandlers(
    access,
    { mode: 'browser', version: '0.1.0', workspace: access.root, recoveryDir: recovery },
    sources,
    { isAlive: () => false, ...opts },
  );
  return {
    root: base,
    workspace: access.root,
    recovery,
    sources,
    handlers,
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** A draft like the renderer sends for the v1 fixture's graph and runs. */
export function draftOf(dataset: ProjectDraft['dataset'] = null): ProjectDraft {
  const { project } = v1();
  const { training, runs } = appParts(project, 'v1');
  return { graph: project.graph, training, runs, dataset };
}
