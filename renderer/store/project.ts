/**
 * The open document: where it is saved, and whether it has unsaved changes. "Unsaved" compares
 * the saved references of the graph, the training settings, the runs and the dataset with the
 * current ones (every edit makes new objects, undo can bring the saved ones back).
 */
import { create } from 'zustand';
import type { DatasetLink } from '../../electron/contract/projects';
import { useGraphStore } from './graph';
import { useTrainingStore } from './training';
import { useDataStore } from './data';

interface Snapshot {
  graph: unknown;
  settings: unknown;
  history: unknown;
  dataset: unknown;
}

interface ProjectState {
  /** Where the document is saved (renderer path form); null for a new one. */
  path: string | null;
  name: string;
  /** Identifies this document's autosave in the recovery folder. */
  key: string;
  /** Embed the dataset in the file, or link it by path. */
  datasetMode: 'embed' | 'link';
  /** A linked dataset whose file was not found (kept so a save keeps the link). */
  missingLink: DatasetLink | null;
  saved: Snapshot;
  /** Set when the document was recovered: it counts as unsaved until saved. */
  forcedDirty: boolean;
  opened(p: {
    path: string | null;
    name: string;
    datasetMode: 'embed' | 'link';
    missingLink: DatasetLink | null;
    dirty: boolean;
  }): void;
  markSaved(path: string, name: string): void;
  setDatasetMode(mode: 'embed' | 'link'): void;
}

export const newKey = () => crypto.randomUUID();

/** JSON with sorted keys: the same settings give the same text whatever order they came in. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The dataset as far as the document is concerned: which one, with which import options (a
 * summary refreshed by the sanity checks is the same dataset).
 */
function datasetKey(summary: ReturnType<typeof useDataStore.getState>['summary']): string | null {
  if (!summary) return null;
  // `parameters` only tells the sanity checks about the network; it is not a data setting.
  const { parameters: _parameters, ...options } = summary.options;
  return `${summary.id}:${stableJson(options)}`;
}

function snapshot(): Snapshot {
  return {
    graph: useGraphStore.getState().graph,
    settings: useTrainingStore.getState().settings,
    history: useTrainingStore.getState().history,
    dataset: datasetKey(useDataStore.getState().summary),
  };
}

export const useProjectStore = create<ProjectState>()((set) => ({
  path: null,
  name: 'Untitled',
  key: newKey(),
  datasetMode: 'embed',
  missingLink: null,
  saved: { graph: null, settings: null, history: null, dataset: null },
  forcedDirty: false,
  opened: (p) => set({ ...p, key: newKey(), saved: snapshot(), forcedDirty: p.dirty }),
  markSaved: (path, name) => set({ path, name, saved: snapshot(), forcedDirty: false }),
  setDatasetMode: (datasetMode) => set({ datasetMode }),
}));

/** Whether the document differs from what was last saved or opened. */
export function isDirty(): boolean {
  const p = useProjectStore.getState();
  if (p.forcedDirty) return true;
  const now = snapshot();
  if (p.saved.graph === null) {
    // A new document counts as changed once it has anything in it.
    return (
      useGraphStore.getState().graph.nodes.length > 0 ||
      now.dataset !== null ||
      (now.history as unknown[]).length > 0
    );
  }
  return (
    now.graph !== p.saved.graph ||
    now.settings !== p.saved.settings ||
    now.history !== p.saved.history ||
    now.dataset !== p.saved.dataset
  );
}

/** Whether the document is unsaved, re-rendering only when that answer changes (not per drag frame). */
export function useDirty(): boolean {
  const saved = useProjectStore((s) => s.saved);
  const forced = useProjectStore((s) => s.forcedDirty);
  const isNew = saved.graph === null;
  const graph = useGraphStore((s) => (isNew ? s.graph.nodes.length > 0 : s.graph !== saved.graph));
  const settings = useTrainingStore((s) => !isNew && s.settings !== saved.settings);
  const history = useTrainingStore((s) =>
    isNew ? s.history.length > 0 : s.history !== saved.history,
  );
  const dataset = useDataStore((s) =>
    isNew ? s.summary !== null : datasetKey(s.summary) !== saved.dataset,
  );
  return forced || graph || settings || history || dataset;
}
