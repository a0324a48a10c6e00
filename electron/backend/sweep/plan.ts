/**
 * A sweep's runs, prepared on the main side: each variant's graph and settings (the single run
 * with its values), compiled and checked by the same prepareRun as the app and the CLI. The
 * encoded data is copied once into SharedArrayBuffers and every variant's start message views
 * it, so N workers read one copy instead of N.
 */
import { Rng } from '../../../engine/data/rng';
import type { Encoded } from '../../../engine/data/encode';
import type { Graph } from '../../../engine/graph/document';
import {
  applyVariant,
  checkLayerKeys,
  expandSweep,
  rowsOfFraction,
  type SweepSpec,
  type Variant,
} from '../../../engine/experiments';
import type { TrainSettings } from '../../contract/training';
import type { Matrix, StartMessage } from '../training/protocol';
import { prepareRun, type RunData } from '../training/setup';

export interface PlannedVariant {
  variant: Variant;
  graph: Graph;
  settings: TrainSettings;
  start: StartMessage;
  targetStd: number;
  targetMean: number;
  datasetHash: string;
}

/** Throws SweepSpecError (bad parameter) or AppError (a variant that cannot train). */
export function planSweep(
  data: RunData,
  graph: Graph,
  settings: TrainSettings,
  spec: SweepSpec,
): PlannedVariant[] {
  checkLayerKeys(
    graph,
    spec.params.map((p) => p.key),
  );
  const variants = expandSweep(spec, settings.seed);
  const shared = shareData(data);
  const subsets = new Map<number, RunData>();
  const ys = new Map<string, Matrix>();
  return variants.map((variant) => {
    const applied = applyVariant(graph, settings, variant.values, variant.seed);
    let d = shared;
    if (applied.fraction < 1) {
      d = subsets.get(applied.fraction) ?? subsetOf(shared, applied.fraction, settings.seed);
      subsets.set(applied.fraction, d);
    }
    const prepared = prepareRun(d, applied.graph, applied.settings as TrainSettings, 'cpu');
    const { start } = prepared;
    // Targets (one-hot or a column) are built per run: keep one shared copy per shape.
    const share = (split: string, set: { x: Matrix; y: Matrix } | null) => {
      if (!set) return;
      const key = `${split}:${applied.fraction}:${set.y.rows}x${set.y.cols}`;
      let y = ys.get(key);
      if (!y) {
        y = { rows: set.y.rows, cols: set.y.cols, data: sharedCopy(set.y.data) };
        ys.set(key, y);
      }
      set.y = y;
    };
    share('train', start.train);
    share('validation', start.validation);
    share('test', start.test);
    return {
      variant,
      graph: applied.graph,
      settings: applied.settings as TrainSettings,
      start,
      targetStd: prepared.targetStd,
      targetMean: prepared.targetMean,
      datasetHash: prepared.datasetHash,
    };
  });
}

function sharedCopy<T extends Float32Array | Int32Array>(a: T): T {
  const buf = new SharedArrayBuffer(a.byteLength);
  const out = (a instanceof Float32Array ? new Float32Array(buf) : new Int32Array(buf)) as T;
  out.set(a);
  return out;
}

const shareEncoded = (e: Encoded): Encoded => ({ ...e, x: sharedCopy(e.x), y: sharedCopy(e.y) });

function shareData(d: RunData): RunData {
  return {
    ...d,
    train: shareEncoded(d.train),
    validation: shareEncoded(d.validation),
    test: shareEncoded(d.test),
  };
}

/**
 * A seeded share of the training rows, nested across fractions (the 25 % rows are among the
 * 50 % rows), kept in their original order; validation and test stay whole.
 */
function subsetOf(d: RunData, fraction: number, seed: number): RunData {
  const t = d.train;
  const order = new Int32Array(t.rows);
  for (let i = 0; i < t.rows; i++) order[i] = i;
  new Rng(seed).shuffle(order);
  const keep = order.subarray(0, rowsOfFraction(t.rows, fraction)).sort();
  const x = new Float32Array(new SharedArrayBuffer(keep.length * t.width * 4));
  const y =
    t.y instanceof Float32Array
      ? new Float32Array(new SharedArrayBuffer(keep.length * 4))
      : new Int32Array(new SharedArrayBuffer(keep.length * 4));
  keep.forEach((r, i) => {
    x.set(t.x.subarray(r * t.width, (r + 1) * t.width), i * t.width);
    y[i] = t.y[r]!;
  });
  return { ...d, train: { ...t, rows: keep.length, x, y } };
}

/**
 * The hash of the training rows the sweep trains on (as a run records it): a learning-curve
 * sweep's smaller fractions train on other rows, so the hash of a variant on all rows.
 */
export function sweepDataHash(plan: readonly PlannedVariant[]): string {
  return (plan.find((p) => (p.variant.values.fraction ?? 1) === 1) ?? plan[0]!).datasetHash;
}
