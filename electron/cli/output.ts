/** How metrics print: JSON keys (full precision) and readable "name value" lines (6 digits). */
import type { RunMetrics } from '../contract/training';

export type Fields = Record<string, number | null | undefined>;

export function metricFields(m: RunMetrics, prefix = ''): Fields {
  return {
    [`${prefix}loss`]: m.loss,
    [`${prefix}acc`]: m.acc,
    [`${prefix}mae`]: m.mae,
    [`${prefix}r2`]: m.r2,
  };
}

/** Drops absent fields (JSON has no undefined). */
export function present(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

const six = (v: number | null | undefined) =>
  v === null || v === undefined ? 'n/a' : String(Number(v.toPrecision(6)));

export const human = (fields: Fields): string =>
  Object.entries(present(fields))
    .map(([k, v]) => `${k} ${six(v)}`)
    .join('  ');

export const fmt = six;
