import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_SETTINGS } from '../../../electron/contract/training';
import { DEFAULT_OPTIONS } from '../../../engine/data/options';
import { chooseSettings } from '../../../electron/cli/settings';
import { changedOptions, datasetPatch } from '../../../electron/cli/dataset-flags';

describe('CLI training settings', () => {
  it("takes the app's defaults when no flag and no project says otherwise", () => {
    const c = chooseSettings({}, null);
    expect(c).toEqual({ settings: DEFAULT_TRAIN_SETTINGS, overridden: [], base: 'defaults' });
  });
  it("starts from the project's settings and lists what each flag changed", () => {
    const project = { ...DEFAULT_TRAIN_SETTINGS, epochs: 7, lr: 0.05 };
    const c = chooseSettings({ epochs: '7', batch: '32', 'early-stop': '4' }, project);
    expect(c.base).toBe('project');
    expect(c.settings).toMatchObject({ epochs: 7, lr: 0.05, batchSize: 32 });
    expect(c.settings.earlyStopping).toEqual({ patience: 4, minDelta: 0, restoreBest: true });
    // --epochs 7 equals the project's value: not an override.
    expect(c.overridden.map((o) => o.setting)).toEqual(['batchSize', 'earlyStopping']);
  });
  it('refuses a value the app would refuse, with its rule', () => {
    expect(() => chooseSettings({ batch: '5000' }, null)).toThrow(
      'the batch size must be at most 4096',
    );
    expect(() => chooseSettings({ augment: 'noise:-1' }, null)).toThrow('--augment must be');
  });
});

describe('CLI import settings', () => {
  it('turns --val-split/--test-split into split fractions that add up to 1', () => {
    const p = datasetPatch(
      { 'val-split': '0.1', 'test-split': '0.2' },
      DEFAULT_OPTIONS,
      null,
      false,
    );
    expect(p.split).toEqual({ train: 0.7, validation: 0.1, test: 0.2 });
  });
  it('gives a separate test file the whole test role', () => {
    expect(datasetPatch({}, DEFAULT_OPTIONS, null, true).split).toMatchObject({ test: 0 });
  });
  it('refuses splits that leave no training rows', () => {
    expect(() =>
      datasetPatch({ 'val-split': '0.5', 'test-split': '0.5' }, DEFAULT_OPTIONS, null, false),
    ).toThrow('leave no training rows');
  });
  it('names the import settings a patch changes', () => {
    const patch = datasetPatch(
      { target: 'y', scaling: 'minmax' },
      DEFAULT_OPTIONS,
      'regression',
      false,
    );
    expect(changedOptions(DEFAULT_OPTIONS, patch).map((o) => o.setting)).toEqual([
      'target',
      'task',
      'scaling',
    ]);
  });
});
