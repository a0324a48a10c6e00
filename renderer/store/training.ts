/**
 * Training as the renderer sees it: the settings form, the current run (epochs, latest batch,
 * alerts, result) fed by contract events, and finished runs kept for comparison.
 */
import { create } from 'zustand';
import {
  DEFAULT_TRAIN_SETTINGS,
  type BackendPreference,
  type RunAlert,
  type RunDone,
  type RunEpoch,
  type RunProgress,
  type TrainSettings,
} from '../../electron/contract/training';
import type { RunGraph } from '../../engine/graph/run-graph';
import { sameNetwork } from '../../engine/graph/graph-diff';
import { useGraphStore } from './graph';
import { useDataStore } from './data';

export interface RunView {
  runId: string;
  state: RunProgress['state'];
  settings: TrainSettings;
  dataset: string;
  /** Identifies the training data (null for runs saved by older projects). */
  datasetHash: string | null;
  /** The loaded dataset's id while this session trained it; absent for runs from a file. */
  datasetId?: string;
  /** The network the run trained (runGraphOf the canvas at Train); null when not recorded. */
  graph: RunGraph | null;
  /** The requested preference at first, then the chosen backend ("cpu" or "gpu"). */
  backend: string;
  /** The chosen kernel and why it was chosen (measured for auto), once the worker said so. */
  backendReason?: string;
  backendKernel?: string;
  startedAt: number;
  epochs: RunEpoch[];
  batch: RunProgress['batch'];
  alerts: RunAlert[];
  done: RunDone | null;
}

interface TrainingState {
  settings: TrainSettings;
  /** Where the next run trains: auto (measured, the default), cpu or gpu. */
  backendPreference: BackendPreference;
  setBackendPreference(b: BackendPreference): void;
  current: RunView | null;
  /** Finished runs, newest first (kept for overlaying curves). */
  history: RunView[];
  setSettings(patch: Partial<TrainSettings>): void;
  begin(run: Omit<RunView, 'epochs' | 'batch' | 'alerts' | 'done' | 'state'>): void;
  progress(p: RunProgress): void;
  finish(d: RunDone): void;
  /** A project's settings and runs (newest first); the newest run is shown. */
  load(settings: TrainSettings, runs: RunView[]): void;
  /** The best epoch's weights were put back: the run's result is now theirs. */
  restored(runId: string, epoch: number, evaluation: RunDone['evaluation']): void;
}

const HISTORY = 10;

/**
 * Progress arrives up to ~20 messages a second; every subscriber (the toolbar, the Training and
 * Diagnostics tabs, a badge per node) re-rendered on each, and a click waited behind them. The
 * store takes them in at most every `PROGRESS_MS` (5 times a second, what a person can follow),
 * folding the messages in between: every epoch and alert is kept, in order.
 */
export const PROGRESS_MS = 200;
let pending: RunProgress[] = [];
let lastApplied = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** One progress message applied to the run it belongs to. */
function withProgress(cur: RunView, p: RunProgress): RunView {
  if (cur.runId !== p.runId) return cur;
  return {
    ...cur,
    state: cur.done ? 'done' : p.state,
    epochs: p.epochs.length ? cur.epochs.concat(p.epochs) : cur.epochs,
    batch: p.batch ?? cur.batch,
    alerts: p.alerts.length ? [...cur.alerts, ...p.alerts] : cur.alerts,
    ...(p.backend
      ? {
          backend: p.backend.backend,
          backendKernel: p.backend.kernel,
          backendReason: p.backend.reason,
        }
      : {}),
  };
}

/** Applies the progress messages taken in since the last time, in one store update. */
function flushProgress(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  lastApplied = Date.now();
  if (!pending.length) return;
  const messages = pending;
  pending = [];
  const cur = useTrainingStore.getState().current;
  if (!cur) return;
  // Epochs of all the messages joined once, rather than the whole list copied per message;
  // `concat` copies the run's list ~3× faster than a spread (~1.6 ms at 100,000 epochs).
  const epochs = messages.flatMap((p) => (p.runId === cur.runId ? p.epochs : []));
  const next = messages.reduce((run, p) => withProgress(run, { ...p, epochs: [] }), cur);
  if (next === cur) return;
  useTrainingStore.setState({
    current: epochs.length ? { ...next, epochs: cur.epochs.concat(epochs) } : next,
  });
}

export const useTrainingStore = create<TrainingState>()((set, get) => ({
  settings: DEFAULT_TRAIN_SETTINGS,
  backendPreference: 'auto',
  setBackendPreference: (backendPreference) => set({ backendPreference }),
  current: null,
  history: [],
  setSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
  begin(run) {
    flushProgress();
    set({ current: { ...run, state: 'running', epochs: [], batch: null, alerts: [], done: null } });
  },
  progress(p) {
    // Coalesced: see `PROGRESS_MS`. A change of state (paused, stopping, …) lands at once.
    pending.push(p);
    const cur = get().current;
    const now = Date.now();
    if (now - lastApplied >= PROGRESS_MS || (cur && p.state !== cur.state)) flushProgress();
    else timer ??= setTimeout(flushProgress, lastApplied + PROGRESS_MS - now);
  },
  load(settings, runs) {
    flushProgress();
    set({ settings, history: runs.slice(0, HISTORY), current: runs[0] ?? null });
  },
  restored(runId, epoch, evaluation) {
    flushProgress();
    const cur = get().current;
    if (!cur || cur.runId !== runId || !cur.done) return;
    const done: RunView = { ...cur, done: { ...cur.done, restoredEpoch: epoch, evaluation } };
    set({ current: done, history: get().history.map((r) => (r.runId === runId ? done : r)) });
  },
  finish(d) {
    // The run's last epochs first: a finished run has all of them.
    flushProgress();
    const cur = get().current;
    if (!cur || cur.runId !== d.runId) return;
    const done: RunView = { ...cur, state: 'done', done: d };
    set({
      current: done,
      history: [done, ...get().history.filter((r) => r.runId !== d.runId)].slice(0, HISTORY),
    });
  },
}));

export const isTraining = (s: { current: RunView | null }) =>
  !!s.current && s.current.state !== 'done';

/**
 * Whether the canvas network is no longer the one `run` trained, so its results (evaluation,
 * predictions, weights) are an earlier network's. Derived from both stores on every change, never
 * kept; false when the run did not record its network. Re-renders only when the answer changes.
 */
export function useNetworkChanged(run: RunView | null): boolean {
  const trained = run?.graph ?? null;
  return useGraphStore((s) => trained !== null && !sameNetwork(trained, s.graph));
}

/**
 * The name of the dataset `run` trained on when that is not the dataset loaded now (another file
 * was opened, or none is loaded), else null: its curves and results are then of that dataset.
 * Runs trained in this session know their dataset's id; runs from a project file, its name.
 */
export function useOtherDataset(run: RunView | null): string | null {
  return useDataStore((s) => {
    if (!run) return null;
    const now = s.summary;
    const same =
      now !== null &&
      (run.datasetId !== undefined ? run.datasetId === now.id : run.dataset === now.file.name);
    return same ? null : run.dataset;
  });
}
