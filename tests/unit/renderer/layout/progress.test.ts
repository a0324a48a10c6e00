import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_SETTINGS } from '../../../../electron/contract/training';
import type { RunView } from '../../../../renderer/store/training';
import { duration, msPerEpoch, progressText } from '../../../../renderer/layout/progress';

const metrics = { loss: 0.5, acc: 0.8 };

/** A run of `total` epochs that finished the epochs ending at the given elapsed times (ms). */
function run(
  state: RunView['state'],
  elapsed: number[],
  total = 50,
  extra: Partial<RunView> = {},
): RunView {
  return {
    runId: 'run-1',
    state,
    settings: { ...DEFAULT_TRAIN_SETTINGS, epochs: total },
    dataset: 'iris.csv',
    datasetHash: null,
    graph: null,
    backend: 'cpu',
    startedAt: 0,
    epochs: elapsed.map((elapsedMs, i) => ({
      epoch: i + 1,
      epochs: total,
      lr: 0.01,
      train: metrics,
      val: metrics,
      elapsedMs,
    })),
    batch: { epoch: elapsed.length, batch: 3, batches: 8, loss: 0.5, samplesPerSec: 1234.4 },
    alerts: [],
    done: null,
    ...extra,
  };
}

describe('the progress text of a run', () => {
  it('says a run has not started when there is none', () => {
    const p = progressText(null);
    expect(p.words).toBe('Not started');
    expect(p.short).toBe('Not trained yet');
    expect(p.etaMs).toBeNull();
  });

  it('gives the epoch, the batch speed and an ETA from the time per epoch while running', () => {
    const p = progressText(run('running', [1000, 2000, 3000, 4000]));
    expect(p.words).toBe('Training');
    expect(p.etaMs).toBe(46 * 1000);
    expect(p.short).toBe('Epoch 4/50 · 46 s left');
    expect(p.detail).toBe(
      'epoch 4/50 · batch 3/8 · 1,234 samples/s · 4 s elapsed · about 46 s left',
    );
  });

  it('shows no ETA and no samples per second while paused', () => {
    const p = progressText(
      run('paused', [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000]),
    );
    expect(p.etaMs).toBeNull();
    expect(p.short).toBe('Paused at epoch 12/50');
    expect(p.detail).toBe('epoch 12/50 · 12 s elapsed');
    expect(p.detail).not.toMatch(/left|samples/);
  });

  it('does not count a long pause in the ETA after resuming', () => {
    // Epoch 3 took 1 s of training plus a 3-hour pause; the others took 1 s each.
    const pause = 3 * 3600_000;
    const p = progressText(run('running', [1000, 2000, 3000 + pause, 4000 + pause], 50));
    expect(p.etaMs).toBe(46 * 1000);
    expect(p.short).toContain('46 s left');
  });

  it('ignores a pause even when only two epochs are known', () => {
    expect(msPerEpoch([{ elapsedMs: 1000 }, { elapsedMs: 600_000 }])).toBe(1000);
  });

  it('says finished, with no ETA and no batch, once the run is done', () => {
    const done = run('done', [1000, 2000, 3000], 3, {
      done: {
        runId: 'run-1',
        reason: 'completed',
        epochs: 3,
        elapsedMs: 3000,
        evaluation: null,
      } as unknown as RunView['done'],
    });
    const p = progressText(done);
    expect(p.words).toBe('Finished');
    expect(p.short).toBe('Finished · epoch 3/3');
    expect(p.detail).toBe('epoch 3/3 · 3 s elapsed');
    expect(p.etaMs).toBeNull();
  });

  it('says where a stopped run stopped', () => {
    const stopped = run('done', [1000, 2000], 50, {
      done: { reason: 'stopped' } as unknown as RunView['done'],
    });
    expect(progressText(stopped).short).toBe('Stopped at epoch 2/50');
  });

  it('gives no ETA before the first epoch ends', () => {
    const p = progressText(run('starting', []));
    expect(p.etaMs).toBeNull();
    expect(p.short).toBe('Starting · epoch 0/50');
  });

  it('writes durations in seconds, minutes and hours', () => {
    expect(duration(45_000)).toBe('45 s');
    expect(duration(200_000)).toBe('3 min 20 s');
    expect(duration(3_900_000)).toBe('1 h 5 min');
  });
});
