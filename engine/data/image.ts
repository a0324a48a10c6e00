/**
 * Rows that are images: which file columns are the pixels, the grid's shape, and how the
 * network's encoded inputs map onto the full pixel grid.
 *
 * The pixel columns are every non-target column that holds numbers, in file order — constant
 * ones included (digits have three always-blank pixels): they are left out of training, but an
 * image operation (shift, zoom, flip) must run on the whole grid, so they come back for it.
 * Pixel p (channel-last: p = (r·W + c)·C + k) is either encoded feature j, whose raw value is
 * x_j·scale_j + center_j (the inverse of the encoder's scaling), or a column that is no network
 * input, which keeps a fixed raw value (the constant, or the training mean of a column the user
 * left out).
 */
import type { Column } from './csv/column';
import type { Encoder } from './encode';
import { numericStats } from './stats';
import type { ColumnKind, ColumnSummary } from './types';

export interface ImageShape {
  width: number;
  height: number;
  channels: number;
}

/** What the Data panel is told: the pixel columns, a detected shape, and their value range. */
export interface ImageInfo extends ImageShape {
  /** Names of the pixel columns, in file order. */
  columns: string[];
  /** Smallest and largest pixel value in the file (for drawing in grey levels). */
  lo: number;
  hi: number;
}

/** The pixel grid of the network's inputs (plain arrays: it crosses to the training worker). */
export interface PixelGrid extends ImageShape {
  /** Per pixel: the encoded feature holding it, or −1 when the pixel is no network input. */
  feature: number[];
  /** Per pixel: the raw value of a pixel that is no network input (unused otherwise). */
  fill: number[];
  /** Per pixel: raw = encoded·scale + center. */
  center: number[];
  scale: number[];
  /** Largest minus smallest raw pixel value of the file (brightness changes are a share of it). */
  range: number;
}

/** Fewer columns than this are never taken for an image (iris' 4 columns are not 2×2 pixels). */
export const MIN_PIXELS = 64;
// Booleans too: a pixel that is only ever 0 or 1 is read as a yes/no column.
const PIXEL_KINDS: readonly ColumnKind[] = ['numeric', 'integer', 'boolean', 'constant'];

/** The columns that may be pixels: every non-target number column, constants included. */
export function pixelColumns(columns: readonly ColumnSummary[]): ColumnSummary[] {
  return columns.filter((c) => c.role !== 'target' && PIXEL_KINDS.includes(c.kind));
}

/** A square grey (n = s²) or colour (n = 3·s²) image of at least MIN_PIXELS values, or null. */
export function detectShape(n: number): ImageShape | null {
  if (n < MIN_PIXELS) return null;
  const grey = Math.round(Math.sqrt(n));
  if (grey * grey === n) return { width: grey, height: grey, channels: 1 };
  const rgb = Math.round(Math.sqrt(n / 3));
  if (rgb * rgb * 3 === n) return { width: rgb, height: rgb, channels: 3 };
  return null;
}

/**
 * The image the rows look like, or null: the number columns form a square grid and every
 * number column of the file is one of its pixels (no other numeric feature in between).
 * `table` gives the value range (constant columns included).
 */
export function detectImage(
  columns: readonly ColumnSummary[],
  table: readonly Column[],
): ImageInfo | null {
  const pixels = pixelColumns(columns);
  const shape = detectShape(pixels.length);
  if (!shape) return null;
  if (columns.some((c) => c.role === 'feature' && !PIXEL_KINDS.includes(c.kind))) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of pixels) {
    const s = c.stats ?? numericStats(table[c.index]!, 'numeric');
    if (!s) continue;
    lo = Math.min(lo, s.min);
    hi = Math.max(hi, s.max);
  }
  if (!(hi >= lo)) return null;
  return { ...shape, columns: pixels.map((c) => c.name), lo, hi };
}

/**
 * The grid of `shape` over the pixel columns, mapped to the encoder's features. Throws a
 * RangeError naming both counts when the shape does not cover exactly the pixel columns.
 */
export function pixelGrid(
  columns: readonly ColumnSummary[],
  table: readonly Column[],
  encoder: Encoder,
  shape: ImageShape,
): PixelGrid {
  const pixels = pixelColumns(columns);
  const n = shape.width * shape.height * shape.channels;
  if (n !== pixels.length)
    throw new RangeError(
      `rows as images: ${shape.width} × ${shape.height} × ${shape.channels} = ${n} pixels, but the file has ${pixels.length} number columns besides the target`,
    );
  // Encoded position of each numeric feature (categories take several positions).
  const position = new Map<string, number>();
  let j = 0;
  for (const f of encoder.features) {
    if (!f.categories) position.set(f.name, j);
    j += f.categories ? f.categories.length : 1;
  }
  const grid: PixelGrid = { ...shape, feature: [], fill: [], center: [], scale: [], range: 1 };
  let lo = Infinity;
  let hi = -Infinity;
  const fitted = new Map(encoder.features.map((f) => [f.name, f]));
  for (const c of pixels) {
    const f = fitted.get(c.name);
    const at = position.get(c.name);
    const s = c.stats ?? numericStats(table[c.index]!, 'numeric');
    if (s) {
      lo = Math.min(lo, s.min);
      hi = Math.max(hi, s.max);
    }
    if (f && at !== undefined) {
      grid.feature.push(at);
      grid.fill.push(0);
      grid.center.push(f.center);
      grid.scale.push(f.scale);
    } else {
      grid.feature.push(-1);
      grid.fill.push(s ? s.mean : 0);
      grid.center.push(0);
      grid.scale.push(1);
    }
  }
  grid.range = hi > lo ? hi - lo : 1;
  return grid;
}

/** The full raw pixel grid of one encoded row (length W·H·C), written into `out`. */
export function toPixels(
  grid: PixelGrid,
  row: ArrayLike<number>,
  out: Float32Array | number[],
): void {
  for (let p = 0; p < grid.feature.length; p++) {
    const j = grid.feature[p]!;
    out[p] = j < 0 ? grid.fill[p]! : row[j]! * grid.scale[p]! + grid.center[p]!;
  }
}

/** Writes a raw pixel grid back into an encoded row (pixels that are no input are dropped). */
export function fromPixels(
  grid: PixelGrid,
  pixels: ArrayLike<number>,
  row: Float32Array | number[],
): void {
  for (let p = 0; p < grid.feature.length; p++) {
    const j = grid.feature[p]!;
    if (j >= 0) row[j] = (pixels[p]! - grid.center[p]!) / grid.scale[p]!;
  }
}
