/** Default import options, and merging a partial patch (from the UI or a one-click fix). */
import type { DatasetOptions, NonFiniteChoice } from './types';

export const DEFAULT_SEED = 42;

/** Numbers without a finite value count as missing unless a column's override refuses them. */
export const DEFAULT_NON_FINITE: NonFiniteChoice = 'missing';

export function nonFiniteChoice(options: DatasetOptions, column: string): NonFiniteChoice {
  return options.columns[column]?.nonFinite ?? DEFAULT_NON_FINITE;
}

export const DEFAULT_OPTIONS: DatasetOptions = {
  target: null,
  task: 'auto',
  columns: {},
  scaling: 'standardize',
  split: { train: 0.7, validation: 0.15, test: 0.15 },
  shuffle: true,
  stratify: true,
  seed: DEFAULT_SEED,
  skipBadRows: false,
  dropDuplicates: false,
  parameters: null,
};

/** `base` with `patch` applied; column overrides merge per column. */
export function mergeOptions(
  base: DatasetOptions,
  patch: Partial<DatasetOptions> | undefined,
): DatasetOptions {
  if (!patch) return base;
  const columns = { ...base.columns };
  for (const [name, o] of Object.entries(patch.columns ?? {})) {
    columns[name] = { ...columns[name], ...o };
  }
  return { ...base, ...patch, columns, split: { ...base.split, ...patch.split } };
}
