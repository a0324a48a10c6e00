/**
 * Encoding a table for the network: imputation of missing values, one-hot categories, scaling,
 * label indices (classification) or a scaled target (regression).
 *
 * Every statistic (means, medians, most frequent values, categories, scaling) is fitted on the
 * training rows only, so nothing about the validation or test rows leaks into training.
 */
import { parseBoolean } from './csv/cells';
import { CHUNK, type Column } from './csv/column';
import { categoryCounts, categoryIndexer } from './infer';
import { runSteps } from './steps';
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
  return runSteps(fitEncoderSteps(plans, target, task, classes, train, scaling));
}

/** fitEncoder as a generator that yields between features (so a caller can pause). */
export function* fitEncoderSteps(
  plans: FeaturePlan[],
  target: Column,
  task: 'classification' | 'regression',
  classes: string[] | null,
  train: Int32Array,
  scaling: Scaling,
): Generator<void, Encoder> {
  // Statistics do not depend on row order: read the columns in file order, picking the
  // training rows by a mask (sequential reads, no sort).
  const mask = new Uint8Array(target.length);
  for (let i = 0; i < train.length; i++) mask[train[i]!] = 1;
  const features: FittedFeature[] = [];
  for (const p of plans) {
    yield;
    features.push(fitFeature(p, mask, train.length, scaling));
  }
  const featureNames = features.flatMap((f) =>
    f.categories ? f.categories.map((c) => `${f.name}=${c}`) : [f.name],
  );
  let t: TargetEncoder;
  if (task === 'classification') {
    const names = classes ?? [];
    t = { task, col: target, classes: names, index: new Map(names.map((c, i) => [c, i])) };
  } else {
    const values = trainValues({ col: target, kind: 'numeric' }, mask, train.length);
    const { mean, std } = meanStd(values);
    t = { task, col: target, mean, std: std || 1 };
  }
  return { features, plans, width: featureNames.length, featureNames, scaling, target: t };
}

/** The values of the rows marked in `mask` (`n` of them), in file order; NaN for gaps. */
function trainValues(
  p: { col: Column; kind: ColumnKind },
  mask: Uint8Array,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  const col = p.col;
  let k = 0;
  if (p.kind === 'boolean' && col.hasStrings) {
    for (let r = 0; r < col.length; r++) if (mask[r]) out[k++] = numericCell(p, r);
    return out;
  }
  for (let c = 0; c < col.chunkCount; c++) {
    const num = col.numberChunk(c);
    const base = c * CHUNK;
    const end = col.chunkLength(c);
    for (let i = 0; i < end; i++) if (mask[base + i]) out[k++] = num[i]!;
  }
  return out;
}

function fitFeature(p: FeaturePlan, mask: Uint8Array, n: number, scaling: Scaling): FittedFeature {
  const name = p.col.name;
  if (p.kind === 'categorical') {
    const counts = categoryCounts(p.col, mask);
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
  // One pass: the raw training values, gaps marked NaN; then fill the gaps in place.
  const filled = trainValues(p, mask, n);
  let present = 0;
  for (let i = 0; i < n; i++) if (filled[i] === filled[i]) present++;
  const values = present === n ? filled : filled.filter((v) => v === v);
  // Without gaps the mean fill and the standardisation need the same statistics: one pass pair.
  let stats: { mean: number; std: number } | null = null;
  const statsOfFilled = () => (stats ??= meanStd(filled));
  const meanFill = present === n && n > 0 && (p.impute === 'mean' || p.impute === 'drop');
  const fill = meanFill ? statsOfFilled().mean : numericFill(p, values);
  if (present < n)
    for (let i = 0; i < filled.length; i++) if (filled[i] !== filled[i]) filled[i] = fill;
  let center = 0;
  let scale = 1;
  if (p.kind !== 'boolean' && scaling === 'standardize') {
    const s = statsOfFilled();
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

function numericFill(p: FeaturePlan, values: Float64Array): number {
  if (values.length === 0) return 0;
  switch (p.impute) {
    case 'median': {
      const s = values.slice().sort();
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
  /** Regression: y = (target − mean) / std; predictions go back with `decodeTarget`. */
  targetScale?: { mean: number; std: number };
}

/** Encodes table rows `rows` (indices) into a row-major Float32 matrix and targets. */
export function encodeRows(enc: Encoder, rows: Int32Array): Encoded {
  const w = enc.width;
  const n = rows.length;
  const x = new Float32Array(n * w);
  const t = enc.target;
  const y = t.task === 'classification' ? new Int32Array(n) : new Float32Array(n);
  const F = enc.features.length;
  const offsets = new Int32Array(F);
  for (let f = 1; f < F; f++) {
    const prev = enc.features[f - 1]!;
    offsets[f] = offsets[f - 1]! + (prev.categories ? prev.categories.length : 1);
  }
  // Category lookups cached per distinct value (a string lookup per cell is the slow part).
  const indexers = enc.features.map((feat, f) =>
    feat.index
      ? categoryIndexer(enc.plans[f]!.col, feat.index, feat.index.get(feat.fill as string) ?? -1)
      : null,
  );
  const labelOf = t.task === 'classification' ? categoryIndexer(t.col, t.index) : null;
  const { mean, std } = t.task === 'regression' ? t : { mean: 0, std: 1 };
  // Plain numeric features are read straight from their storage chunks; the rest cell by cell.
  const plain = enc.plans.map(
    (p) => !p.col.hasStrings || (p.kind !== 'boolean' && p.kind !== 'categorical'),
  );
  const fills = Float64Array.from(enc.features, (f) => (typeof f.fill === 'number' ? f.fill : 0));
  const centers = Float64Array.from(enc.features, (f) => f.center);
  const scales = Float64Array.from(enc.features, (f) => f.scale);
  // Visit the rows in file order (the columns are then read sequentially, which matters on big
  // files), writing each to its place in the output.
  let maxRow = -1;
  for (let k = 0; k < n; k++) if (rows[k]! > maxRow) maxRow = rows[k]!;
  const at = new Int32Array(maxRow + 1).fill(-1);
  for (let k = 0; k < n; k++) at[rows[k]!] = k;
  // In blocks of rows: first which of them are wanted and where they go, then one tight loop
  // per feature (the block's output rows stay in cache across the features).
  const where = new Int32Array(BLOCK);
  const which = new Int32Array(BLOCK);
  for (let start = 0; start <= maxRow; start += BLOCK) {
    const c = start >>> CHUNK_SHIFT;
    const stop = Math.min(maxRow + 1, start + BLOCK);
    let m = 0;
    for (let r = start; r < stop; r++) {
      const k = at[r]!;
      if (k < 0) continue;
      where[m] = k;
      which[m++] = r;
    }
    for (let f = 0; f < F; f++) {
      const o = offsets[f]!;
      const indexOf = indexers[f];
      if (indexOf) {
        // An unseen category (not in training) encodes as all zeros.
        for (let i = 0; i < m; i++) {
          const j = indexOf(which[i]!);
          if (j >= 0) x[where[i]! * w + o + j] = 1;
        }
      } else if (plain[f]) {
        const num = enc.plans[f]!.col.numberChunk(c);
        encodePlain(num, c * CHUNK, which, where, m, x, w, o, fills[f]!, centers[f]!, scales[f]!);
      } else {
        for (let i = 0; i < m; i++) {
          const v = numericCell(enc.plans[f]!, which[i]!);
          x[where[i]! * w + o] = ((v === v ? v : fills[f]!) - centers[f]!) / scales[f]!;
        }
      }
    }
    for (let i = 0; i < m; i++) {
      const r = which[i]!;
      y[where[i]!] = labelOf ? labelOf(r) : (t.col.number(r) - mean) / std;
    }
  }
  return t.task === 'regression'
    ? { rows: n, width: w, x, y, targetScale: { mean: t.mean, std: t.std } }
    : { rows: n, width: w, x, y };
}

/** Rows per block in encodeRows (a divisor of CHUNK, so a block never spans two chunks). */
const BLOCK = 4096;
const CHUNK_SHIFT = Math.log2(CHUNK);

/** One plain numeric feature of a block of rows: x[row, o] = (value or fill − center) / scale. */
function encodePlain(
  num: Float32Array | Float64Array,
  chunkStart: number,
  which: Int32Array,
  where: Int32Array,
  m: number,
  x: Float32Array,
  w: number,
  o: number,
  fill: number,
  center: number,
  scale: number,
): void {
  for (let i = 0; i < m; i++) {
    const v = num[which[i]! - chunkStart]!;
    x[where[i]! * w + o] = ((v === v ? v : fill) - center) / scale;
  }
}

/** A regression prediction (in training scale) back in the target's own units. */
export function decodeTarget(enc: Encoder, scaled: number): number {
  return enc.target.task === 'regression' ? scaled * enc.target.std + enc.target.mean : scaled;
}
