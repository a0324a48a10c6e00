import { describe, expect, it } from 'vitest';
import { classScores, settingsDiff } from '../../../../renderer/panels/training/runStats';
import { downsample } from '../../../../renderer/charts/downsample';
import { DEFAULT_TRAIN_SETTINGS } from '../../../../electron/contract/training';

describe('per-class scores', () => {
  it('computes precision, recall and F1 from a confusion matrix', () => {
    // actual × predicted
    const scores = classScores([
      [8, 2, 0],
      [1, 6, 3],
      [0, 0, 10],
    ]);
    expect(scores[0]).toEqual({
      precision: 8 / 9,
      recall: 0.8,
      f1: expect.closeTo((2 * (8 / 9) * 0.8) / (8 / 9 + 0.8), 10),
      support: 10,
    });
    expect(scores[1]!.precision).toBeCloseTo(6 / 8);
    expect(scores[2]).toMatchObject({ precision: 10 / 13, recall: 1, support: 10 });
  });

  it('says "undefined" (null) for a class never predicted and never present', () => {
    expect(
      classScores([
        [0, 0],
        [0, 5],
      ])[0],
    ).toEqual({ precision: null, recall: null, f1: null, support: 0 });
  });
});

describe('settings diff', () => {
  it('lists only what differs between two runs, in words', () => {
    const b = {
      ...DEFAULT_TRAIN_SETTINGS,
      lr: 0.001,
      l2: 0.01,
      earlyStopping: { patience: 5, minDelta: 0, restoreBest: true },
    };
    expect(settingsDiff(DEFAULT_TRAIN_SETTINGS, b)).toEqual([
      'learning rate 0.01 → 0.001',
      'L2 λ 0 → 0.01',
      'early stopping off → patience 5',
    ]);
    expect(settingsDiff(b, b)).toEqual([]);
  });
});

describe('chart downsampling', () => {
  it('keeps short series whole and long ones to the limit, with their ends and their peak', () => {
    const short = [1, 2, 3];
    expect(downsample(short, 600, (v) => v)).toEqual(short);
    const long = Array.from({ length: 10_000 }, (_, i) => (i === 5000 ? 100 : Math.sin(i / 50)));
    const thin = downsample(long, 600, (v) => v);
    expect(thin).toHaveLength(600);
    expect(thin[0]).toBe(long[0]);
    expect(thin.at(-1)).toBe(long.at(-1));
    expect(thin).toContain(100);
  });
});
