/**
 * Encoding a table for the network: imputation of missing values, one-hot categories, scaling,
 * label indices (classification) or a scaled target (regression).
 *
 * Every statistic (means, medians, most frequent values, categories, scaling) is fitted on the
 * training rows only, so nothing about the validation or test rows leaks into training.
 */
import { parseBoolean } from './csv/cells';
import { NUMBER, type Column } from './csv/column';
import { categoryKey } from './infer';
import type { ColumnKind, ImputeStrategy, Scaling } from './types';

export interface FeaturePlan {
  col: Column;
  kind: ColumnKind;
  impute: ImputeStrategy;
  fill?: string | undefined;
}

export interface FittedFeature {
  name: string;
  kind: ColumnKind;
  /** Value used for a missing cell: a number, or a category key. */
  fill: number | string;
  /** Categorical: the training categories, one output column each. */
  categories: string[] | null;
  index: Map<string, number> | null;
  center: number;
  scale: number;
}

export type TargetEncoder =
  | { task: 'classification'; col: Column; classes: string[]; index: Map<string, number> }
  | { task: 'regression'; col: Column; mean: number; std: number };

export interface Encoder {
  features: FittedFeature[];
  plans: FeaturePlan[];
  width: number;
  featureNames: string[];
  scaling: Scaling;
  target: TargetEncoder;
}

/** A numeric/boolean feature's value at row r, NaN when missing or unreadable. */
export function numericCell(plan: { col: Column; kind: ColumnKind }, r: number): number {
  const v = plan.col.number(r);
  if (plan.kind !== 'boolean' || v === v) return v;
  const code = plan.col.code(r);
  return code >= 0 ? parseBoolean(plan.col.strings[code]!) : NaN;
}

/** Class names in a stable order: numerically when all are numbers, else alphabetically. */
export function classOrder(keys: Iterable<string>): string[] {
  const all = [...keys];
  const numeric = all.every((k) => k !== '' && Number.isFinite(Number(k)));
  return numeric
    ? all.sort((a, b) => Number(a) - Number(b))
    : all.sort((a, b) => a.localeCompare(b));
}

export function fitEncoder(
  plans: FeaturePlan[],
  target: Column,
  task: 'classification' | 'regression',
  classes: string[] | null,
  train: Int32Array,
  scaling: Scaling,
): Encoder {
  const features = plans.map((p) => fitFeature(p, train, scaling));
  const featureNames = features.flatMap((f) =>
    f.categories ? f.categories.map((c) => `${f.name}=${c}`) : [f.name],
  );
  let t: TargetEncoder;
  if (task === 'classification') {
    const names = classes ?? [];
    t = { task, col: target, classes: names, index: new Map(names.map((c, i) => [c, i])) };
  } else {
    const values = Float64Array.from(train, (r) => target.number(r));
    const { mean, std } = meanStd(values);
    t = { task, col: target, mean, std: std || 1 };
  }
  return { features, plans, width: featureNames.length, featureNames, scaling, target: t };
}

function fitFeature(p: FeaturePlan, train: Int32Array, scaling: Scaling): FittedFeature {
  const name = p.col.name;
  if (p.kind === 'categorical') {
    const counts = new Map<string, number>();
    for (const r of train) {
      const k = categoryKey(p.col, r);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const categories = [...counts.keys()].sort((a, b) => a.localeCompare(b));
    const fill = p.impute === 'constant' && p.fill !== undefined ? p.fill : mostFrequent(counts);
    return {
      name,
      kind: p.kind,
      fill,
      categories,
      index: new Map(categories.map((c, i) => [c, i])),
      center: 0,
      scale: 1,
    };
  }
  const values: number[] = [];
  for (const r of train) {
    const v = numericCell(p, r);
    if (v === v) values.push(v);
  }
  const fill = numericFill(p, values);
  const filled = Float64Array.from(train, (r) => {
    const v = numericCell(p, r);
    return v === v ? v : fill;
  });
  let center = 0;
  let scale = 1;
  if (p.kind !== 'boolean' && scaling === 'standardize') {
    const s = meanStd(filled);
    center = s.mean;
    scale = s.std || 1;
  } else if (p.kind !== 'boolean' && scaling === 'minmax') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of filled) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    center = Number.isFinite(lo) ? lo : 0;
    scale = hi - lo || 1;
  }
  return { name, kind: p.kind, fill, categories: null, index: null, center, scale };
}

function numericFill(p: FeaturePlan, values: number[]): number {
  if (values.length === 0) return 0;
  switch (p.impute) {
    case 'median': {
      const s = Float64Array.from(values).sort();
      const m = s.length >> 1;
      return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
    }
    case 'mostFrequent': {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      return Number(mostFrequent(counts));
    }
    case 'constant': {
      const v = Number(p.fill ?? 0);
      return Number.isFinite(v) ? v : 0;
    }
    default: // mean, and 'drop' (rows were dropped; the mean serves prediction-time gaps)
      return meanStd(values).mean;
  }
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, c] of counts) if (c > n || (c === n && k < best)) [best, n] = [k, c];
  return best;
}

export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(ss / n) };
}

export interface Encoded {
  rows: number;
  width: number;
  x: Float32Array;
  /** Class indices (classification) or the scaled target (regression). */
  y: Int32Array | Float32Array;
}

/** Encodes table rows `rows` (indices) into a row-major Float32 matrix and targets. */
export function encodeRows(enc: Encoder, rows: Int32Array): Encoded {
  const w = enc.width;
  const x = new Float32Array(rows.length * w);
  let off = 0;
  for (let f = 0; f < enc.features.length; f++) {
    const feat = enc.features[f]!;
    const plan = enc.plans[f]!;
    if (feat.index) {
      const fillIdx = feat.index.get(feat.fill as string);
      for (let i = 0; i < rows.length; i++) {
        const k = categoryKey(plan.col, rows[i]!);
        // An unseen category (not in training) encodes as all zeros.
        const j = k === null ? fillIdx : feat.index.get(k);
        if (j !== undefined) x[i * w + off + j] = 1;
      }
      off += feat.categories!.length;
      continue;
    }
    const fill = feat.fill as number;
    for (let i = 0; i < rows.length; i++) {
      const v = numericCell(plan, rows[i]!);
      x[i * w + off] = ((v === v ? v : fill) - feat.center) / feat.scale;
    }
    off++;
  }
  const t = enc.target;
  let y: Int32Array | Float32Array;
  if (t.task === 'classification') {
    y = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++)
      y[i] = t.index.get(categoryKey(t.col, rows[i]!) ?? '') ?? -1;
  } else {
    y = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) y[i] = (t.col.number(rows[i]!) - t.mean) / t.std;
  }
  return { rows: rows.length, width: w, x, y };
}

/** A regression prediction (in training scale) back in the target's own units. */
export function decodeTarget(enc: Encoder, scaled: number): number {
  return enc.target.task === 'regression' ? scaled * enc.target.std + enc.target.mean : scaled;
}

/** True when a column's cell is a number (used by callers that need the raw distinction). */
export function isNumberCell(col: Column, r: number): boolean {
  return col.code(r) === NUMBER;
}
