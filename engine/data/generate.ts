/**
 * Built-in two-feature datasets (in the spirit of TensorFlow Playground), generated as CSV text
 * so they load exactly like an imported file (findings, split, saved in the project).
 *
 * Every generator is pure and seeded: the same kind, size, noise and seed give the same bytes.
 * Points lie roughly in [-1, 1]²; `noise` is the standard deviation of Gaussian noise added to
 * the coordinates (classification) or to the target (regression). Classes alternate row by row,
 * so the file is never sorted by class.
 */
import { Rng } from './rng';

export const GENERATED_KINDS = ['circles', 'xor', 'gaussians', 'spiral', 'plane', 'bump'] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];

export interface GenerateOptions {
  kind: GeneratedKind;
  /** Number of rows, 10 to 20 000. */
  size: number;
  /** Standard deviation of the added noise, 0 to 1. */
  noise: number;
  seed: number;
}

export interface GeneratedData {
  /** x1, x2 per row. */
  x: Float64Array;
  /** Class index (classification) or value (regression) per row. */
  y: Float64Array;
  task: 'classification' | 'regression';
  /** Class labels as written in the CSV (classification only). */
  classNames: string[] | null;
}

export const GENERATED_ABOUT: Record<GeneratedKind, string> = {
  circles: 'a disc inside a ring (2 classes)',
  xor: 'the four quadrants, opposite ones alike (2 classes)',
  gaussians: 'two overlapping clouds (2 classes)',
  spiral: 'two interleaved spiral arms (2 classes)',
  plane: 'regression: y = 0.6·x1 − 0.4·x2',
  bump: 'regression: a Gaussian bump in the middle',
};

const CLASS_NAMES: Record<string, [string, string]> = {
  circles: ['inner', 'outer'],
  xor: ['different', 'same'],
  gaussians: ['left', 'right'],
  spiral: ['arm_a', 'arm_b'],
};

/** Refuses options out of range, naming the field. */
export function checkGenerateOptions(o: GenerateOptions): void {
  if (!GENERATED_KINDS.includes(o.kind)) throw new RangeError(`unknown dataset kind "${o.kind}"`);
  if (!Number.isInteger(o.size) || o.size < 10 || o.size > 20_000)
    throw new RangeError(`size must be a whole number from 10 to 20000, got ${o.size}`);
  if (!(o.noise >= 0 && o.noise <= 1))
    throw new RangeError(`noise must be from 0 to 1, got ${o.noise}`);
  if (!Number.isInteger(o.seed) || o.seed < 0)
    throw new RangeError(`seed must be a whole number ≥ 0, got ${o.seed}`);
}

export function generate(o: GenerateOptions): GeneratedData {
  checkGenerateOptions(o);
  const rng = new Rng(o.seed);
  const n = o.size;
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  const regression = o.kind === 'plane' || o.kind === 'bump';
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    let a: number;
    let b: number;
    switch (o.kind) {
      case 'circles': {
        // Inner disc radius < 0.4, outer ring 0.7..1: a clear gap without noise.
        const r = c === 0 ? 0.4 * Math.sqrt(rng.float()) : rng.uniform(0.7, 1);
        const t = rng.uniform(0, 2 * Math.PI);
        a = r * Math.cos(t);
        b = r * Math.sin(t);
        break;
      }
      case 'xor': {
        // Away from the axes by 0.05 so the quadrant is unambiguous before noise.
        const sa = rng.float() < 0.5 ? -1 : 1;
        const sb = c === 1 ? sa : -sa;
        a = sa * rng.uniform(0.05, 1);
        b = sb * rng.uniform(0.05, 1);
        break;
      }
      case 'gaussians': {
        const m = c === 0 ? -0.5 : 0.5;
        a = m + 0.25 * rng.normal();
        b = m + 0.25 * rng.normal();
        break;
      }
      case 'spiral': {
        const k = Math.floor(i / 2);
        const r = (k / Math.ceil(n / 2)) * 0.95 + 0.05;
        const t = 1.75 * r * 2 * Math.PI + c * Math.PI;
        a = r * Math.sin(t);
        b = r * Math.cos(t);
        break;
      }
      default:
        a = rng.uniform(-1, 1);
        b = rng.uniform(-1, 1);
    }
    if (regression) {
      const v = o.kind === 'plane' ? 0.6 * a - 0.4 * b : Math.exp(-(a * a + b * b) / 0.3);
      y[i] = v + o.noise * rng.normal();
    } else {
      a += o.noise * rng.normal();
      b += o.noise * rng.normal();
      y[i] = c;
    }
    x[2 * i] = a;
    x[2 * i + 1] = b;
  }
  return {
    x,
    y,
    task: regression ? 'regression' : 'classification',
    classNames: regression ? null : [...CLASS_NAMES[o.kind]!],
  };
}

const num = (v: number) => String(Number(v.toFixed(5)));

/** The dataset as CSV text: header x1,x2,class (or x1,x2,y), one row per point. */
export function generateCsv(o: GenerateOptions): string {
  const d = generate(o);
  const lines = [d.task === 'classification' ? 'x1,x2,class' : 'x1,x2,y'];
  for (let i = 0; i < d.y.length; i++) {
    const target = d.classNames ? d.classNames[d.y[i]!]! : num(d.y[i]!);
    lines.push(`${num(d.x[2 * i]!)},${num(d.x[2 * i + 1]!)},${target}`);
  }
  return lines.join('\n') + '\n';
}

/** The file name a generated dataset gets: how it was made, readable in the project. */
export function generatedName(o: GenerateOptions): string {
  return `${o.kind}-n${o.size}-noise${o.noise}-seed${o.seed}.csv`;
}
