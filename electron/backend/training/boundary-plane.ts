/**
 * The plane a decision boundary is drawn over, in the encoded input space the network sees:
 * either two chosen encoded columns (every other column held at a typical value: the median of
 * the training rows, or for a one-hot group its most frequent category) or the first two
 * principal components of the encoded training rows. A plane turns into a grid matrix (one row
 * per cell, built once) and projects data rows onto its axes.
 */
import type { BoundaryAxis, BoundaryPlane } from '../../contract/boundary';

/** What the plane needs to know of each encoded column. */
export interface ColumnInfo {
  label: string;
  /** original = encoded · scale + center (numbers only; null for one-hot columns). */
  center: number | null;
  scale: number | null;
  /** The input feature the column belongs to (one-hot columns of one feature share it). */
  group: number;
}

export interface Plane {
  axes: BoundaryAxis[];
  size: number;
  /** The grid, one row per cell: size² (row-major, top row = highest y) or size (1-D). */
  grid: Float32Array;
  rows: number;
  /** Plane coordinates of row r of x (width d), written to out[0..1]. */
  project(x: Float32Array, r: number, out: Float64Array): void;
}

/** Median of each column; a one-hot group gets 1 in its most frequent column, 0 elsewhere. */
export function heldValues(
  x: Float32Array,
  rows: number,
  d: number,
  columns: readonly ColumnInfo[] | null,
): Float32Array {
  const held = new Float32Array(d);
  const col = new Float32Array(rows);
  for (let j = 0; j < d; j++) {
    for (let r = 0; r < rows; r++) col[r] = x[r * d + j]!;
    col.sort();
    held[j] =
      rows === 0 ? 0 : rows % 2 ? col[rows >> 1]! : (col[rows / 2 - 1]! + col[rows / 2]!) / 2;
  }
  if (columns) {
    const groups = new Map<number, number[]>();
    columns.forEach((c, j) => groups.set(c.group, [...(groups.get(c.group) ?? []), j]));
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      let best = members[0]!;
      let bestSum = -Infinity;
      for (const j of members) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += x[r * d + j]!;
        if (s > bestSum) [best, bestSum] = [j, s];
      }
      for (const j of members) held[j] = j === best ? 1 : 0;
    }
  }
  return held;
}

/** Mean and the first two principal directions (unit vectors) of the rows, by power iteration. */
export function principalComponents(
  x: Float32Array,
  rows: number,
  d: number,
): { mean: Float64Array; components: Float64Array[]; variances: number[] } {
  const mean = new Float64Array(d);
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) mean[j]! += x[r * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= Math.max(1, rows);
  const cov = new Float64Array(d * d);
  for (let r = 0; r < rows; r++) {
    for (let a = 0; a < d; a++) {
      const va = x[r * d + a]! - mean[a]!;
      for (let b = a; b < d; b++) cov[a * d + b]! += va * (x[r * d + b]! - mean[b]!);
    }
  }
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      const v = cov[a * d + b]! / Math.max(1, rows - 1);
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
  const components: Float64Array[] = [];
  const variances: number[] = [];
  for (let k = 0; k < Math.min(2, d); k++) {
    // A fixed, uneven start vector: deterministic and never orthogonal to a typical component.
    let v = Float64Array.from({ length: d }, (_, j) => 1 + j * 0.37);
    let lambda = 0;
    for (let it = 0; it < 300; it++) {
      for (const c of components) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += v[j]! * c[j]!;
        for (let j = 0; j < d; j++) v[j]! -= dot * c[j]!;
      }
      const w = new Float64Array(d);
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b < d; b++) s += cov[a * d + b]! * v[b]!;
        w[a] = s;
      }
      const norm = Math.hypot(...w);
      if (norm < 1e-12) break;
      for (let j = 0; j < d; j++) w[j]! /= norm;
      const change = w.reduce((s, wj, j) => s + Math.abs(wj - v[j]!), 0);
      v = w;
      lambda = norm;
      if (change < 1e-10) break;
    }
    // Sign convention: the largest entry is positive, so the axes do not flip between frames.
    let big = 0;
    for (let j = 1; j < d; j++) if (Math.abs(v[j]!) > Math.abs(v[big]!)) big = j;
    if (v[big]! < 0) for (let j = 0; j < d; j++) v[j] = -v[j]!;
    components.push(v);
    variances.push(lambda);
  }
  return { mean, components, variances };
}

/** Range of the values, padded by 10 % on each side (±1 around a constant). */
export function paddedRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  if (hi - lo < 1e-9) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.1;
  return [lo - pad, hi + pad];
}

/** Centre of cell i of `size` along [lo, hi]. */
export const cellCentre = (lo: number, hi: number, i: number, size: number) =>
  lo + ((i + 0.5) / size) * (hi - lo);

/**
 * Builds the plane's grid over the training rows x (rows × d). `oneAxis` (regression): a line
 * along the first axis only.
 */
export function buildPlane(
  x: Float32Array,
  rows: number,
  d: number,
  plane: BoundaryPlane,
  columns: readonly ColumnInfo[] | null,
  size: number,
  oneAxis: boolean,
): Plane {
  const dims = oneAxis || d < 2 ? 1 : 2;
  // Plane → input: base + u·dirs[0] + v·dirs[1]; input → plane: (x − origin) · dirs[k].
  let base: Float64Array;
  let dirs: Float64Array[];
  let origin: Float64Array;
  let labels: string[];
  let units: { center: number | null; scale: number | null }[];
  if (plane.kind === 'pca') {
    const pc = principalComponents(x, rows, d);
    base = pc.mean;
    origin = pc.mean;
    dirs = pc.components.slice(0, dims);
    labels = dirs.map((_, k) => `principal component ${k + 1}`);
    units = dirs.map(() => ({ center: null, scale: null }));
  } else {
    const axesCols = [plane.x, plane.y ?? (plane.x + 1) % d].slice(0, dims);
    for (const j of axesCols)
      if (j >= d) throw new RangeError(`the data has ${d} encoded columns, not column ${j + 1}`);
    const held = heldValues(x, rows, d, columns);
    base = Float64Array.from(held);
    origin = new Float64Array(d);
    dirs = axesCols.map((j) => {
      const v = new Float64Array(d);
      v[j] = 1;
      base[j] = 0;
      return v;
    });
    labels = axesCols.map((j) => columns?.[j]?.label ?? `column ${j + 1}`);
    units = axesCols.map((j) => ({
      center: columns?.[j]?.center ?? null,
      scale: columns?.[j]?.scale ?? null,
    }));
  }
  const coord = (r: number, k: number) => {
    let s = 0;
    const dir = dirs[k]!;
    for (let j = 0; j < d; j++) s += (x[r * d + j]! - origin[j]!) * dir[j]!;
    return s;
  };
  const axes: BoundaryAxis[] = dirs.map((_, k) => {
    const [lo, hi] = paddedRange(Array.from({ length: rows }, (_, r) => coord(r, k)));
    return { label: labels[k]!, lo, hi, ...units[k]! };
  });
  const cells = dims === 2 ? size * size : size;
  const grid = new Float32Array(cells * d);
  for (let c = 0; c < cells; c++) {
    const i = dims === 2 ? c % size : c;
    const u = cellCentre(axes[0]!.lo, axes[0]!.hi, i, size);
    // Row 0 is the top of the picture: the highest v.
    const v =
      dims === 2 ? cellCentre(axes[1]!.lo, axes[1]!.hi, size - 1 - Math.floor(c / size), size) : 0;
    for (let j = 0; j < d; j++) {
      grid[c * d + j] = base[j]! + u * dirs[0]![j]! + (dims === 2 ? v * dirs[1]![j]! : 0);
    }
  }
  return {
    axes,
    size,
    grid,
    rows: cells,
    project(data, r, out) {
      for (let k = 0; k < dims; k++) {
        let s = 0;
        const dir = dirs[k]!;
        for (let j = 0; j < d; j++) s += (data[r * d + j]! - origin[j]!) * dir[j]!;
        out[k] = s;
      }
    },
  };
}
