/**
 * New, Open, Save, Save As and autosave of the .layerlab project, through the contract. The
 * renderer sends a draft (graph, settings, runs, which dataset); the main side adds the
 * dataset's bytes and the trained weights, writes atomically and keeps a backup.
 */
import { useSweepStore } from '../panels/sweep/sweepStore';
import { useSeedGroups } from '../panels/compare/seedGroups';
import type { Api } from '../../electron/contract/client';
import { uploadFile } from './upload';
import { datasetSummarySchema } from '../../electron/contract';
import type { OpenedProject, ProjectDraft } from '../../electron/contract/projects';
import { useGraphStore } from '../store/graph';
import { requestFit } from '../canvas/fitRequest';
import { useDataStore } from '../store/data';
import { isTraining, useTrainingStore, type RunView } from '../store/training';
import { isDirty, useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { describeError } from './errors';
import type { RendererPlatform } from './platform';

export const PROJECT_FILTERS = [{ name: 'Layerlab projects', extensions: ['layerlab'] }];
export const AUTOSAVE_MS = 30_000;
const RECENT_MAX = 8;

/** Browser mode's recent projects (workspace paths), per workspace, in this browser. */
export function recentProjects(workspace: string | null): string[] {
  try {
    const list: unknown = JSON.parse(
      localStorage.getItem(`layerlab-recent:${workspace ?? ''}`) ?? '[]',
    );
    return Array.isArray(list)
      ? list.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX)
      : [];
  } catch {
    return [];
  }
}

function rememberRecent(workspace: string | null, path: string | null): void {
  if (!path) return;
  const list = [path, ...recentProjects(workspace).filter((p) => p !== path)].slice(0, RECENT_MAX);
  localStorage.setItem(`layerlab-recent:${workspace ?? ''}`, JSON.stringify(list));
  window.dispatchEvent(new Event('layerlab-recent'));
}

export function draft(): ProjectDraft {
  const { graph } = useGraphStore.getState();
  const { settings, history } = useTrainingStore.getState();
  const summary = useDataStore.getState().summary;
  const project = useProjectStore.getState();
  return {
    graph,
    training: settings,
    runs: history.map((r) => ({
      runId: r.runId,
      settings: r.settings,
      dataset: r.dataset,
      backend: r.backend,
      graph: r.graph,
      datasetHash: r.datasetHash,
      startedAt: r.startedAt,
      epochs: r.epochs,
      alerts: r.alerts,
      done: r.done,
    })),
    sweeps: useSweepStore.getState().saved,
    seedGroups: useSeedGroups.getState().groups,
    dataset: summary
      ? { kind: 'loaded', id: summary.id, mode: project.datasetMode }
      : project.missingLink
        ? { kind: 'missing', link: project.missingLink }
        : null,
    includeWeights: true,
  };
}

/** Puts an opened (or recovered) project in place of the current document. */
export function applyProject(o: OpenedProject): void {
  const notify = useUiStore.getState().notify;
  const runs: RunView[] = o.runs.map((r) => ({ ...r, state: 'done', batch: null }));
  useTrainingStore.getState().load(o.training, runs);
  useSweepStore.getState().load(o.sweeps);
  useSeedGroups.getState().load(o.seedGroups ?? []);
  useGraphStore.getState().setLock(null);
  useGraphStore.getState().replaceGraph(o.graph);
  useGraphStore.temporal.getState().clear();
  requestFit();
  let missingLink = null;
  const data = useDataStore.getState();
  if (o.dataset?.status === 'loaded') {
    const parsed = datasetSummarySchema.safeParse(o.dataset.summary);
    if (parsed.success) {
      data.setSummary(parsed.data);
      data.accept();
    } else {
      data.setSummary(null);
      notify(`The dataset "${o.dataset.name}" opened, but its summary could not be read.`, 'error');
    }
  } else {
    data.setSummary(null);
    if (o.dataset) notify(o.dataset.message, 'error');
    if (o.dataset?.status === 'missing' || o.dataset?.status === 'changed')
      missingLink = o.dataset.link;
  }
  useProjectStore.getState().opened({
    path: o.path,
    name: o.name,
    datasetMode: o.dataset?.status === 'loaded' && !o.dataset.embedded ? 'link' : 'embed',
    missingLink,
    dirty: o.recovered,
  });
  for (const w of o.warnings) notify(w);
  if (o.weights && !o.weights.restored)
    notify('The saved weights do not fit this network; train again to predict.');
}

export function projectActions(platform: RendererPlatform) {
  const { api } = platform;
  const notify = (text: string, kind: 'info' | 'error' = 'info') =>
    useUiStore.getState().notify(text, kind);
  const guard = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      notify(describeError(err), 'error');
    }
  };
  const busyTraining = () => {
    if (!isTraining(useTrainingStore.getState())) return false;
    notify('Stop the training first.', 'error');
    return true;
  };
  const discardOk = () =>
    !isDirty() ||
    window.confirm(`Discard the unsaved changes to "${useProjectStore.getState().name}"?`);

  async function saveTo(path: string) {
    const project = useProjectStore.getState();
    const saved = await api.invoke('projects:save', {
      path,
      draft: draft(),
      recoveryKey: project.key,
    });
    useProjectStore.getState().markSaved(saved.path, saved.name);
    rememberRecent(platform.info.workspace, saved.path);
    notify(`Saved ${saved.name}${saved.backup ? ' (the previous version is kept as .bak)' : ''}.`);
    for (const w of saved.warnings) notify(w);
  }

  return {
    newProject: () =>
      guard(async () => {
        if (busyTraining() || !discardOk()) return;
        await api
          .invoke('projects:discardRecovery', { key: useProjectStore.getState().key })
          .catch(() => undefined);
        useTrainingStore.getState().load(useTrainingStore.getState().settings, []);
        // A new document has no sweeps or seed groups of its own (the old ones are in their file).
        useSweepStore.getState().load([]);
        useSeedGroups.getState().load([]);
        useGraphStore.getState().replaceGraph({ nodes: [], edges: [] });
        useGraphStore.temporal.getState().clear();
        useDataStore.getState().setSummary(null);
        useProjectStore.setState({
          path: null,
          name: 'Untitled',
          missingLink: null,
          saved: { graph: null, settings: null, history: null, dataset: null },
          forcedDirty: false,
        });
      }),
    open: () =>
      guard(async () => {
        if (busyTraining() || !discardOk()) return;
        const path = await platform.pickFile({ title: 'Open a project', filters: PROJECT_FILTERS });
        if (!path) return;
        const opened = await api.invoke('projects:open', { path });
        applyProject(opened);
        rememberRecent(platform.info.workspace, opened.path);
      }),
    openPath: (path: string) =>
      guard(async () => {
        if (busyTraining() || !discardOk()) return;
        const opened = await api.invoke('projects:open', { path });
        applyProject(opened);
        rememberRecent(platform.info.workspace, opened.path);
      }),
    /**
     * A .layerlab file dropped on the window (it then has no path: Save asks where). Uploaded in
     * pieces and decoded on the main side exactly like a file opened by its path (a UTF-8 byte
     * order mark included).
     */
    openDropped: (file: File) =>
      guard(async () => {
        if (busyTraining() || !discardOk()) return;
        const id = await uploadFile(api, file, 'project');
        applyProject(await api.invoke('projects:openUpload', { id }));
      }),
    /** Share…: a copy with the dataset embedded, for someone else; this document keeps its file. */
    share: () =>
      guard(async () => {
        const name = useProjectStore.getState().name.replace(/\.layerlab$/, '');
        const target = await platform.pickSavePath({
          title: 'Share a copy (dataset included)',
          filters: PROJECT_FILTERS,
          defaultName: `${name}-shared.layerlab`,
        });
        if (!target) return;
        const shared = await api.invoke('projects:share', { path: target, draft: draft() });
        notify(`Wrote ${shared.name} with the dataset inside; send that file.`);
      }),
    /** "Locate…": find a linked dataset that moved; `force` uses a file whose content changed. */
    locateDataset: () =>
      guard(async () => {
        const link = useProjectStore.getState().missingLink;
        if (!link) return;
        const path = await platform.pickFile({
          title: `Locate ${link.name}`,
          filters: [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }],
        });
        if (!path) return;
        let status = await api.invoke('projects:locateDataset', { path, link });
        if (
          status.status === 'changed' &&
          window.confirm(`${status.message}\n\nUse this file anyway?`)
        ) {
          status = await api.invoke('projects:locateDataset', { path, link, force: true });
        }
        if (status.status === 'loaded') {
          const parsed = datasetSummarySchema.safeParse(status.summary);
          if (parsed.success) {
            useDataStore.getState().setSummary(parsed.data);
            useDataStore.getState().accept();
            useProjectStore.setState({ missingLink: null, datasetMode: 'link' });
            notify(`Found ${status.name}.`);
          }
        } else if (status.status !== 'changed') notify(status.message, 'error');
      }),
    save: () =>
      guard(async () => {
        const { path } = useProjectStore.getState();
        const target =
          path ??
          (await platform.pickSavePath({
            title: 'Save the project',
            filters: PROJECT_FILTERS,
            defaultName: `${useProjectStore.getState().name}.layerlab`,
          }));
        if (target) await saveTo(target);
      }),
    saveAs: () =>
      guard(async () => {
        const name = useProjectStore.getState().name.replace(/\.layerlab$/, '');
        const target = await platform.pickSavePath({
          title: 'Save the project as',
          filters: PROJECT_FILTERS,
          defaultName: `${name}.layerlab`,
        });
        if (target) await saveTo(target);
      }),
    /** The 30-second autosave: only while there are unsaved changes. */
    autosave: async () => {
      if (!isDirty()) return;
      const p = useProjectStore.getState();
      await api
        .invoke('projects:autosave', { key: p.key, title: p.name, path: p.path, draft: draft() })
        .catch(() => undefined);
    },
  };
}

export type ProjectActions = ReturnType<typeof projectActions>;

/** Whether an earlier session left autosaved documents; the caller offers them. */
export async function recoverable(api: Api) {
  try {
    return (await api.invoke('projects:recoverable', {})).items;
  } catch {
    return [];
  }
}
