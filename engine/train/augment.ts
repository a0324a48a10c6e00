/**
 * Data augmentation of training batches (never validation or test data), seeded.
 *
 * Tabular rows:
 * - Gaussian noise: x_j ← x_j + σ·s_j·ε, ε ~ N(0, 1), on the chosen columns (default all); σ is in
 *   standardized units, s_j the column's standard deviation (default 1: inputs already standardized).
 * - mixup (Zhang et al. 2018): λ ~ Beta(α, α) once per batch, π a random permutation of the batch;
 *   x_i ← λ·x_i + (1−λ)·x_π(i), y_i ← λ·y_i + (1−λ)·y_π(i).
 * Image rows (width × height × channels, channel-last: value (r, c, k) at (r·W + c)·C + k), per row:
 * - horizontal flip with probability ½;
 * - shift / crop: a translation by (dx, dy) pixels, each uniform in [−shift, shift] (rounded);
 * - scaling: zoom z uniform in [1 − scale, 1 + scale] about the centre;
 *   output (r, c) samples the source at ((r − c_y)/z + c_y − dy, (c' − c_x)/z + c_x − dx) with
 *   c' = W − 1 − c when flipped, bilinear, 0 outside the image;
 * - brightness: every value of the row + δ, δ uniform in [−brightness, brightness].
 * With a pixel grid (engine/data/image.ts) the image operations run on the raw pixels of the whole
 * grid — pixel columns left out of training (constant ones) put back, the encoder's scaling undone
 * — and the result is scaled and written back into the network's inputs; δ is then a share of the
 * grid's raw value range (brightness 0.1 = ±10 % of it).
 * Buffers are allocated once for the largest batch; `apply` allocates nothing.
 */
import type { Mat } from '../backend/backend';
import { fromPixels, toPixels, type PixelGrid } from '../data/image';
import { Rng } from '../data/rng';

export interface ImageAugment {
  width: number;
  height: number;
  channels: number;
  /** Random horizontal flips (probability ½). */
  flip?: boolean;
  /** Largest shift in pixels (default 0). */
  shift?: number;
  /** Largest relative zoom change, e.g. 0.1 for ×[0.9, 1.1] (default 0). */
  scale?: number;
  /** Largest brightness change added to every value (default 0). */
  brightness?: number;
  /** How the inputs map onto the full pixel grid; without it the inputs are the pixels. */
  grid?: PixelGrid;
}

export interface AugmentConfig {
  /** Seed of the augmentation's random stream (default: the trainer's seed). */
  seed?: number;
  noise?: { sigma: number; columns?: number[]; std?: number[] };
  mixup?: { alpha: number };
  image?: ImageAugment;
}

function fail(what: string, v: unknown, rule: string): never {
  throw new RangeError(`augmentation ${what} must be ${rule}, got ${JSON.stringify(v)}`);
}

/** Checks a config against `inputs` features, throwing a RangeError that quotes the bad value. */
export function checkAugment(c: AugmentConfig, inputs: number): void {
  if (c.seed !== undefined && !Number.isFinite(c.seed)) fail('seed', c.seed, 'a finite number');
  if (c.noise) {
    const { sigma, columns, std } = c.noise;
    if (!(sigma >= 0 && Number.isFinite(sigma))) fail('noise σ', sigma, 'a number ≥ 0');
    for (const j of columns ?? [])
      if (!(Number.isInteger(j) && j >= 0 && j < inputs))
        fail('noise column', j, `a column index in 0..${inputs - 1}`);
    if (std && std.length !== inputs) fail('noise std', std.length, `${inputs} values long`);
  }
  if (c.mixup && !(c.mixup.alpha > 0 && Number.isFinite(c.mixup.alpha)))
    fail('mixup α', c.mixup.alpha, 'a number > 0');
  const im = c.image;
  if (im) {
    for (const k of ['width', 'height', 'channels'] as const)
      if (!(Number.isInteger(im[k]) && im[k] >= 1)) fail(`image ${k}`, im[k], 'a whole number ≥ 1');
    const pixels = im.grid ? im.grid.feature.length : inputs;
    if (im.width * im.height * im.channels !== pixels)
      fail(
        'image size',
        `${im.width}×${im.height}×${im.channels}`,
        `width × height × channels = ${pixels} ${im.grid ? 'pixel columns' : 'features'}`,
      );
    if (im.grid) {
      const g = im.grid;
      if (g.width !== im.width || g.height !== im.height || g.channels !== im.channels)
        fail('pixel grid', `${g.width}×${g.height}×${g.channels}`, 'the image size');
      for (const j of g.feature)
        if (!(Number.isInteger(j) && j >= -1 && j < inputs))
          fail('pixel grid feature', j, `−1 or a column index in 0..${inputs - 1}`);
    }
    if (im.shift !== undefined && !(im.shift >= 0 && im.shift < Math.max(im.width, im.height)))
      fail('image shift', im.shift, 'a number of pixels ≥ 0 and below the image size');
    if (im.scale !== undefined && !(im.scale >= 0 && im.scale < 1))
      fail('image scale', im.scale, 'at least 0 and below 1');
    if (im.brightness !== undefined && !(im.brightness >= 0 && Number.isFinite(im.brightness)))
      fail('image brightness', im.brightness, 'a number ≥ 0');
  }
}

/** Gamma(a, 1) by Marsaglia–Tsang (a ≥ 1), boosted with u^{1/a} for a < 1. */
function gamma(rng: Rng, a: number): number {
  if (a < 1) return gamma(rng, a + 1) * Math.pow(1 - rng.float(), 1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.float();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** λ ~ Beta(α, α) = G1 / (G1 + G2). */
export function sampleBeta(rng: Rng, alpha: number): number {
  const g1 = gamma(rng, alpha);
  const g2 = gamma(rng, alpha);
  return g1 + g2 > 0 ? g1 / (g1 + g2) : 0.5;
}

export class Augmenter {
  private readonly rng: Rng;
  private readonly noiseCols: Int32Array | null;
  private readonly perm: Int32Array;
  private readonly xCopy: Float32Array;
  private readonly yCopy: Float32Array;
  private readonly row: Float32Array;
  /** The pixels of one row (the full grid when there is one). */
  private readonly out: Float32Array;

  constructor(
    readonly config: AugmentConfig,
    readonly inputs: number,
    readonly outputs: number,
    maxBatch: number,
    seed: number,
  ) {
    checkAugment(config, inputs);
    this.rng = new Rng(((config.seed ?? seed) ^ 0x68e31da4) >>> 0);
    const n = config.noise;
    this.noiseCols =
      n && n.sigma > 0
        ? Int32Array.from(n.columns ?? Array.from({ length: inputs }, (_, j) => j))
        : null;
    const mix = config.mixup !== undefined;
    this.perm = new Int32Array(mix ? maxBatch : 0);
    this.xCopy = new Float32Array(mix ? maxBatch * inputs : 0);
    this.yCopy = new Float32Array(mix ? maxBatch * outputs : 0);
    const im = config.image;
    const pixels = im ? im.width * im.height * im.channels : 0;
    this.row = new Float32Array(pixels);
    this.out = new Float32Array(im?.grid ? pixels : 0);
  }

  /** Augments a training batch in place (x: rows × inputs, y: rows × outputs). */
  apply(x: Mat, y: Mat): void {
    if (this.config.image) for (let r = 0; r < x.rows; r++) this.image(x.data, r * this.inputs);
    if (this.noiseCols) this.noise(x);
    if (this.config.mixup) this.mixup(x, y, this.config.mixup.alpha);
  }

  private noise(x: Mat): void {
    const { sigma, std } = this.config.noise!;
    const cols = this.noiseCols!;
    const d = x.data;
    const f = this.inputs;
    for (let r = 0; r < x.rows; r++) {
      for (let i = 0; i < cols.length; i++) {
        const j = cols[i]!;
        d[r * f + j]! += sigma * (std ? std[j]! : 1) * this.rng.normal();
      }
    }
  }

  private mixup(x: Mat, y: Mat, alpha: number): void {
    const rows = x.rows;
    if (rows < 2) return;
    const lambda = sampleBeta(this.rng, alpha);
    const perm = this.perm;
    for (let i = 0; i < rows; i++) perm[i] = i;
    this.rng.shuffle(perm, rows);
    this.xCopy.set(x.data.subarray(0, rows * this.inputs));
    this.yCopy.set(y.data.subarray(0, rows * this.outputs));
    blend(x.data, this.xCopy, perm, rows, this.inputs, lambda);
    blend(y.data, this.yCopy, perm, rows, this.outputs, lambda);
  }

  private image(d: Float32Array, offset: number): void {
    const im = this.config.image!;
    const { width: W, height: H, channels: C, grid } = im;
    const rng = this.rng;
    const flip = im.flip === true && rng.float() < 0.5;
    const s = im.shift ?? 0;
    const dx = s > 0 ? Math.round(rng.uniform(-s, s)) : 0;
    const dy = s > 0 ? Math.round(rng.uniform(-s, s)) : 0;
    const z = im.scale ? rng.uniform(1 - im.scale, 1 + im.scale) : 1;
    const b = im.brightness
      ? rng.uniform(-im.brightness, im.brightness) * (grid ? grid.range : 1)
      : 0;
    const src = this.row;
    const input = d.subarray(offset, offset + this.inputs);
    if (grid) toPixels(grid, input, src);
    else src.set(input);
    // Without a grid the row is written in place; with one, into `out`, then scaled back.
    const dst = grid ? this.out : input;
    const cx = (W - 1) / 2;
    const cy = (H - 1) / 2;
    for (let r = 0; r < H; r++) {
      const sy = (r - cy) / z + cy - dy;
      const y0 = Math.floor(sy);
      const fy = sy - y0;
      for (let c = 0; c < W; c++) {
        const cc = flip ? W - 1 - c : c;
        const sx = (cc - cx) / z + cx - (flip ? -dx : dx);
        const x0 = Math.floor(sx);
        const fx = sx - x0;
        for (let k = 0; k < C; k++) {
          const v =
            (1 - fy) *
              ((1 - fx) * at(src, x0, y0, k, W, H, C) + fx * at(src, x0 + 1, y0, k, W, H, C)) +
            fy *
              ((1 - fx) * at(src, x0, y0 + 1, k, W, H, C) +
                fx * at(src, x0 + 1, y0 + 1, k, W, H, C));
          dst[(r * W + c) * C + k] = v + b;
        }
      }
    }
    if (grid) fromPixels(grid, dst, input);
  }
}

function at(
  src: Float32Array,
  x: number,
  y: number,
  k: number,
  W: number,
  H: number,
  C: number,
): number {
  return x < 0 || y < 0 || x >= W || y >= H ? 0 : src[(y * W + x) * C + k]!;
}

function blend(
  dst: Float32Array,
  copy: Float32Array,
  perm: Int32Array,
  rows: number,
  cols: number,
  lambda: number,
): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    const p = perm[i]! * cols;
    for (let j = 0; j < cols; j++) dst[o + j] = lambda * copy[o + j]! + (1 - lambda) * copy[p + j]!;
  }
}

/**
 * Augmented copies of the given rows, for a preview in the UI: `copies` augmented versions of
 * every row (row-major: all rows once, then again), deterministic for a seed. Targets are mixed
 * too when mixup is on and targets are given.
 */
export function previewAugmentation(
  rows: readonly (readonly number[])[],
  config: AugmentConfig,
  opts: { seed: number; copies?: number; targets?: readonly (readonly number[])[] },
): { rows: number[][]; targets: number[][] | null } {
  const copies = opts.copies ?? 1;
  if (!(Number.isInteger(copies) && copies >= 1))
    throw new RangeError(`preview copies must be a whole number ≥ 1, got ${copies}`);
  if (rows.length === 0) return { rows: [], targets: opts.targets ? [] : null };
  const f = rows[0]!.length;
  const k = opts.targets?.[0]?.length ?? 1;
  const n = rows.length * copies;
  const x = new Float32Array(n * f);
  const y = new Float32Array(n * k);
  for (let c = 0; c < copies; c++) {
    rows.forEach((r, i) => {
      if (r.length !== f)
        throw new RangeError(`preview row ${i} has ${r.length} values, expected ${f}`);
      x.set(r, (c * rows.length + i) * f);
      if (opts.targets) y.set(opts.targets[i]!, (c * rows.length + i) * k);
    });
  }
  const aug = new Augmenter(config, f, k, n, opts.seed);
  aug.apply({ rows: n, cols: f, data: x }, { rows: n, cols: k, data: y });
  const split = (d: Float32Array, w: number) =>
    Array.from({ length: n }, (_, i) => Array.from(d.subarray(i * w, (i + 1) * w)));
  return { rows: split(x, f), targets: opts.targets ? split(y, k) : null };
}
