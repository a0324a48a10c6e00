/** Import settings from flags (--target, --val-split, …), as a patch on the dataset's options. */
import { DEFAULT_OPTIONS } from '../../engine/data/options';
import type { DatasetOptions } from '../../engine/data/types';
import { num, oneOf, str } from './args';
import { usage } from './errors';

type Values = Record<string, string | boolean | undefined>;

export const DATASET_FLAGS = {
  target: { type: 'string' },
  'val-split': { type: 'string' },
  'test-split': { type: 'string' },
  'split-seed': { type: 'string' },
  scaling: { type: 'string' },
  standardize: { type: 'boolean' },
  'skip-bad-rows': { type: 'boolean' },
} as const;

/** The patch the flags make, on top of `base` (the app's defaults or the project's options). */
export function datasetPatch(
  v: Values,
  base: DatasetOptions,
  task: DatasetOptions['task'] | null,
  hasTestFile: boolean,
): Partial<DatasetOptions> {
  const patch: Partial<DatasetOptions> = {};
  const target = str(v.target);
  if (target !== undefined) patch.target = target;
  if (task !== null) patch.task = task;
  const scaling =
    oneOf('scaling', v.scaling, ['standardize', 'minmax', 'none'] as const) ??
    (v.standardize === true ? 'standardize' : undefined);
  if (scaling !== undefined) patch.scaling = scaling;
  if (v['skip-bad-rows'] === true) patch.skipBadRows = true;
  const seed = num(
    'split-seed',
    v['split-seed'],
    (n) => Number.isInteger(n) && n >= 0,
    'a whole number ≥ 0',
  );
  if (seed !== undefined) patch.seed = seed;
  const fraction = (n: number) => n >= 0 && n < 1;
  const val = num('val-split', v['val-split'], fraction, 'at least 0 and below 1');
  const test = num('test-split', v['test-split'], fraction, 'at least 0 and below 1');
  if (val !== undefined || test !== undefined || hasTestFile) {
    const validation = val ?? base.split.validation;
    const t = hasTestFile ? 0 : (test ?? base.split.test);
    if (validation + t >= 1)
      throw usage(`--val-split and --test-split leave no training rows (${validation} + ${t})`);
    patch.split = { train: Number((1 - validation - t).toFixed(9)), validation, test: t };
  }
  return patch;
}

export const DEFAULT_DATASET_OPTIONS = DEFAULT_OPTIONS;

/** The import settings a patch changes, for the "flags override" lines. */
export function changedOptions(
  base: DatasetOptions,
  patch: Partial<DatasetOptions>,
): { setting: string; from: unknown; to: unknown }[] {
  return (Object.keys(patch) as (keyof DatasetOptions)[])
    .filter((k) => JSON.stringify(base[k]) !== JSON.stringify(patch[k]))
    .map((k) => ({ setting: k, from: base[k], to: patch[k] }));
}
