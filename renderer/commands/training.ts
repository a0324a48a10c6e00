/**
 * Train, pause, resume and stop as commands: the same calls as the Training tab's buttons, so
 * the palette, the menus and Mod+Enter can drive a run from anywhere.
 */
import type { Api } from '../../electron/contract/client';
import { runGraphOf } from '../../engine/graph/run-graph';
import { describeError } from '../src/errors';
import { analyse } from '../store/analysis';
import { useDataStore } from '../store/data';
import { useGraphStore } from '../store/graph';
import { isTraining, useTrainingStore } from '../store/training';
import { useUiStore } from '../store/ui';

/** Why a run cannot start now, or null. */
export function trainBlocker(): string | null {
  const { summary, shape } = useDataStore.getState();
  if (isTraining(useTrainingStore.getState())) return 'A training is already running.';
  if (!summary) return 'Open a dataset in the Data tab first.';
  if (!summary.ready) return 'The dataset has problems to fix in the Data tab.';
  const analysis = analyse(useGraphStore.getState().graph, shape);
  if (!analysis.ok) return `The network has problems: ${analysis.problems[0]?.message ?? ''}`;
  return null;
}

/** Starts a run on the canvas network; returns the error in words, or null once it runs. */
export async function startTraining(api: Api): Promise<string | null> {
  const { summary } = useDataStore.getState();
  if (!summary) return 'Open a dataset in the Data tab first.';
  try {
    const { settings, backendPreference } = useTrainingStore.getState();
    const { graph } = useGraphStore.getState();
    const res = await api.invoke('training:start', {
      datasetId: summary.id,
      graph,
      settings,
      backend: backendPreference,
    });
    useTrainingStore.getState().begin({
      runId: res.runId,
      datasetHash: res.datasetHash,
      graph: runGraphOf(graph),
      settings,
      dataset: summary.file.name,
      datasetId: summary.id,
      backend: res.backend,
      startedAt: Date.now(),
    });
    return null;
  } catch (err) {
    return describeError(err);
  }
}

export type RunAction = 'pause' | 'resume' | 'stop' | 'step';

/** Why `action` does not apply to the current run, or null. */
export function controlBlocker(action: RunAction): string | null {
  const state = useTrainingStore.getState().current?.state;
  if (action === 'resume' || action === 'step')
    return state === 'paused' ? null : 'The training is not paused.';
  if (action === 'pause') return state === 'running' ? null : 'Nothing is training.';
  return state && state !== 'done' ? null : 'Nothing is training.';
}

export async function controlTraining(api: Api, action: RunAction): Promise<void> {
  const run = useTrainingStore.getState().current;
  if (!run) return;
  try {
    await api.invoke('training:control', { runId: run.runId, action });
  } catch (err) {
    useUiStore.getState().notify(describeError(err), 'error');
  }
}
