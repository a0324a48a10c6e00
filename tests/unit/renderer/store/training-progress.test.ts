import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TRAIN_SETTINGS,
  type RunDone,
  type RunEpoch,
  type RunProgress,
} from '../../../../electron/contract/training';
import { PROGRESS_MS, useTrainingStore } from '../../../../renderer/store/training';

const epoch = (e: number) =>
  ({
    epoch: e,
    epochs: 100,
    lr: 0.01,
    train: { loss: 1 / e },
    val: null,
    elapsedMs: e,
  }) as RunEpoch;

function message(epochs: number[], state: RunProgress['state'] = 'running'): RunProgress {
  return { runId: 'r1', state, epochs: epochs.map(epoch), batch: null, alerts: [] };
}

const shown = () => useTrainingStore.getState().current!.epochs.map((e) => e.epoch);

beforeEach(() => {
  vi.useFakeTimers();
  // Past any earlier test's last update, so the first message lands at once.
  vi.advanceTimersByTime(10 * PROGRESS_MS);
  useTrainingStore.getState().begin({
    runId: 'r1',
    settings: DEFAULT_TRAIN_SETTINGS,
    dataset: 'iris.csv',
    datasetHash: null,
    graph: null,
    backend: 'cpu',
    startedAt: 0,
  });
  vi.advanceTimersByTime(10 * PROGRESS_MS);
});
afterEach(() => vi.useRealTimers());

describe('training progress in the store', () => {
  it('shows the first message at once and folds a burst into one later update', () => {
    const updates = vi.fn();
    const off = useTrainingStore.subscribe(updates);
    const { progress } = useTrainingStore.getState();
    progress(message([1]));
    expect(shown()).toEqual([1]);
    for (let e = 2; e <= 6; e++) progress(message([e]));
    expect(shown()).toEqual([1]);
    vi.advanceTimersByTime(PROGRESS_MS);
    expect(shown()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(updates).toHaveBeenCalledTimes(2);
    off();
  });

  it('shows a pause at once', () => {
    const { progress } = useTrainingStore.getState();
    progress(message([1]));
    progress(message([2], 'paused'));
    expect(useTrainingStore.getState().current!.state).toBe('paused');
    expect(shown()).toEqual([1, 2]);
  });

  it('keeps every epoch of a run that finishes between two updates', () => {
    const { progress, finish } = useTrainingStore.getState();
    progress(message([1]));
    progress(message([2, 3]));
    finish({ runId: 'r1', reason: 'completed', epochs: 3 } as RunDone);
    expect(shown()).toEqual([1, 2, 3]);
    expect(useTrainingStore.getState().current!.state).toBe('done');
  });

  it('ignores messages of another run', () => {
    const { progress } = useTrainingStore.getState();
    progress({ ...message([1]), runId: 'old' });
    vi.advanceTimersByTime(PROGRESS_MS);
    expect(shown()).toEqual([]);
  });
});
