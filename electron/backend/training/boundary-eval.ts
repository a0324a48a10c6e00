/**
 * The decision boundary on the current weights, evaluated in the training worker: the plane's
 * grid (built once per plane) goes through the network as one batched prediction into a
 * preallocated output, then a sample of the training and validation points; when a layer is
 * watched, its units' outputs are kept from the same passes (thumbnails and dead/saturated
 * counts over the training points). The result is a contract frame without its run id.
 */
import type { Trainer } from '../../../engine/train/trainer';
import type { Mat } from '../../../engine/backend/backend';
import { Dense } from '../../../engine/layers/dense';
import type { Activation } from '../../../engine/layers/activation';
import { SATURATION } from '../../../engine/train/activation-stats';
import {
  BOUNDARY_SIZE,
  MAX_NEURONS,
  NEURON_SIZE,
  type BoundaryFrame,
  type BoundaryNeurons,
  type BoundaryPlane,
} from '../../contract/boundary';
import type { Matrix } from './protocol';
import { buildPlane, type ColumnInfo, type Plane } from './boundary-plane';

/** Points drawn at most, per split. */
const TRAIN_POINTS = 400;
const VALIDATION_POINTS = 200;
const MAX_WEIGHTS = 64;

export interface BoundaryWatch {
  plane: BoundaryPlane;
  nodeId: string | null;
  /** Which seed's network to show (see ./boundary-seeds.ts); null or absent: the run's. */
  seed?: number | null;
  columns: ColumnInfo[] | null;
  /** Regression: prediction and target back in the target's units. */
  targetStd: number;
  targetMean: number;
}

export interface BoundaryData {
  train: { x: Matrix; y: Matrix };
  validation: { x: Matrix; y: Matrix } | null;
  classNames: string[] | null;
}

const toBase64 = (b: Uint8Array) =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

export class BoundaryEvaluator {
  private readonly plane: Plane;
  private readonly gridMat: Mat;
  private readonly gridOut: Mat;
  private readonly pointsMat: Mat;
  private readonly pointsOut: Mat;
  private readonly trainCount: number;
  private readonly regression: boolean;
  private readonly cls: Uint8Array;
  private readonly prob: Uint8Array;
  private readonly coords: Float64Array;
  private readonly layer: number;

  constructor(
    private readonly trainer: Trainer,
    private readonly data: BoundaryData,
    private readonly watch: BoundaryWatch,
  ) {
    const net = trainer.network;
    const { x } = data.train;
    this.regression = net.spec.loss === 'mse' && !data.classNames;
    this.plane = buildPlane(
      x.data,
      x.rows,
      x.cols,
      watch.plane,
      watch.columns,
      BOUNDARY_SIZE,
      this.regression,
    );
    this.gridMat = { rows: this.plane.rows, cols: x.cols, data: this.plane.grid };
    this.gridOut = {
      rows: this.plane.rows,
      cols: net.outputs,
      data: new Float32Array(this.plane.rows * net.outputs),
    };
    const t = Math.min(TRAIN_POINTS, x.rows);
    const v = Math.min(VALIDATION_POINTS, data.validation?.x.rows ?? 0);
    this.trainCount = t;
    const pts = new Float32Array((t + v) * x.cols);
    pts.set(x.data.subarray(0, t * x.cols));
    if (v) pts.set(data.validation!.x.data.subarray(0, v * x.cols), t * x.cols);
    this.pointsMat = { rows: t + v, cols: x.cols, data: pts };
    this.pointsOut = {
      rows: t + v,
      cols: net.outputs,
      data: new Float32Array((t + v) * net.outputs),
    };
    this.cls = new Uint8Array(this.plane.rows);
    this.prob = new Uint8Array(this.plane.rows);
    this.coords = new Float64Array(2);
    this.layer = watch.nodeId
      ? net.spec.layers.findIndex((l) => l.nodeIds?.includes(watch.nodeId!) && l.type !== 'dropout')
      : -1;
  }

  /** Whether the evaluator was built for this watch (else build a new one). */
  serves(w: BoundaryWatch): boolean {
    return (
      JSON.stringify([w.plane, w.columns, w.targetStd]) ===
      JSON.stringify([this.watch.plane, this.watch.columns, this.watch.targetStd])
    );
  }

  frame(epoch: number, nodeId: string | null): Omit<BoundaryFrame, 'runId'> {
    const layer = nodeId === this.watch.nodeId ? this.layer : this.findLayer(nodeId);
    const gridUnits = layer >= 0 ? this.predictCapturing(this.gridMat, this.gridOut, layer) : null;
    if (!gridUnits) this.trainer.predict(this.gridMat, this.gridOut);
    const pointUnits =
      layer >= 0 ? this.predictCapturing(this.pointsMat, this.pointsOut, layer) : null;
    if (!pointUnits) this.trainer.predict(this.pointsMat, this.pointsOut);
    const { std, mean } = { std: this.watch.targetStd, mean: this.watch.targetMean };
    const k = this.trainer.network.outputs;
    const out = this.gridOut.data;
    let values: number[] | null = null;
    if (this.regression) {
      values = Array.from({ length: this.plane.rows }, (_, i) => out[i * k]! * std + mean);
    } else {
      for (let c = 0; c < this.plane.rows; c++) {
        const [best, p] = classOf(out, c, k);
        this.cls[c] = best;
        this.prob[c] = Math.round(Math.min(1, Math.max(0, p)) * 255);
      }
    }
    return {
      epoch,
      task: this.regression ? 'regression' : 'classification',
      plane: this.watch.plane,
      axes: this.plane.axes,
      size: this.plane.size,
      classNames: this.data.classNames,
      cls: this.regression ? null : toBase64(this.cls),
      prob: this.regression ? null : toBase64(this.prob),
      values,
      points: this.points(),
      neurons: gridUnits && pointUnits ? this.neurons(layer, nodeId!, gridUnits, pointUnits) : null,
    };
  }

  private findLayer(nodeId: string | null): number {
    if (!nodeId) return -1;
    return this.trainer.network.spec.layers.findIndex(
      (l) => l.nodeIds?.includes(nodeId) && l.type !== 'dropout',
    );
  }

  /** Predicts x into out batch by batch, keeping the outputs of `layer` (rows × units). */
  private predictCapturing(x: Mat, out: Mat, layer: number): Float32Array | null {
    const net = this.trainer.network;
    const l = net.layers[layer];
    if (!l) return null;
    const units = l.outSize;
    const kept = new Float32Array(x.rows * units);
    for (let start = 0; start < x.rows; start += net.maxBatch) {
      const rows = Math.min(net.maxBatch, x.rows - start);
      const slice = {
        rows,
        cols: x.cols,
        data: x.data.subarray(start * x.cols, (start + rows) * x.cols),
      };
      const pred = net.predictBatch(slice);
      net.backend.download(pred.data);
      out.data.set(pred.data.subarray(0, rows * net.outputs), start * net.outputs);
      const y = (l as Dense | Activation).lastOutput;
      if (!y) return null;
      net.backend.download(y.data);
      kept.set(y.data.subarray(0, rows * units), start * units);
    }
    return kept;
  }

  private points(): BoundaryFrame['points'] {
    const n = this.pointsMat.rows;
    const k = this.trainer.network.outputs;
    const { std, mean } = { std: this.watch.targetStd, mean: this.watch.targetMean };
    const p = {
      x: [] as number[],
      y: [] as number[],
      target: [] as number[],
      wrong: [] as boolean[],
      validation: [] as boolean[],
    };
    for (let r = 0; r < n; r++) {
      const val = r >= this.trainCount;
      const set = val ? this.data.validation! : this.data.train;
      const row = val ? r - this.trainCount : r;
      this.plane.project(this.pointsMat.data, r, this.coords);
      const yc = set.y.cols;
      let target: number;
      if (this.regression) target = set.y.data[row]! * std + mean;
      else if (yc === 1) target = set.y.data[row]! > 0.5 ? 1 : 0;
      else target = classOf(set.y.data, row, yc)[0];
      const predicted = this.regression ? 0 : classOf(this.pointsOut.data, r, k)[0];
      p.x.push(round(this.coords[0]!));
      p.y.push(this.regression ? round(target) : round(this.coords[1]!));
      p.target.push(this.regression ? round(target) : target);
      p.wrong.push(!this.regression && predicted !== target);
      p.validation.push(val);
    }
    return p;
  }

  private neurons(
    layer: number,
    nodeId: string,
    grid: Float32Array,
    pts: Float32Array,
  ): BoundaryNeurons {
    const net = this.trainer.network;
    const l = net.layers[layer] as Dense | Activation;
    const units = l.outSize;
    const shown = Math.min(MAX_NEURONS, units);
    const fn = l instanceof Dense ? l.activation : l.fn;
    const size = this.plane.size;
    const step = size / NEURON_SIZE;
    const twoD = this.plane.rows === size * size;
    const values: string[] = [];
    const lo: number[] = [];
    const hi: number[] = [];
    const bytes = new Uint8Array(NEURON_SIZE * NEURON_SIZE);
    for (let u = 0; u < shown; u++) {
      let a = Infinity;
      let b = -Infinity;
      for (let c = 0; c < this.plane.rows; c++) {
        const v = grid[c * units + u]!;
        if (v < a) a = v;
        if (v > b) b = v;
      }
      const span = b - a > 1e-9 ? b - a : 1;
      for (let j = 0; j < NEURON_SIZE; j++)
        for (let i = 0; i < NEURON_SIZE; i++) {
          const c = twoD ? j * step * size + i * step : i * step;
          bytes[j * NEURON_SIZE + i] = Math.round(((grid[c * units + u]! - a) / span) * 255);
        }
      values.push(toBase64(bytes));
      lo.push(round(a));
      hi.push(round(b));
    }
    // Dead / saturated over the training points, with the engine's thresholds.
    const rows = this.trainCount;
    const dead: boolean[] = [];
    const saturated: boolean[] = [];
    let deadAll = 0;
    let satAll = 0;
    const sLo = fn === 'sigmoid' ? 1 - SATURATION : -SATURATION;
    for (let u = 0; u < units; u++) {
      let active = 0;
      let sat = 0;
      for (let r = 0; r < rows; r++) {
        const v = pts[r * units + u]!;
        if (v > 0) active++;
        if (v > SATURATION || v < sLo) sat++;
      }
      const isDead = fn === 'relu' && active === 0;
      const isSat = (fn === 'sigmoid' || fn === 'tanh') && sat * 2 > rows;
      if (isDead) deadAll++;
      if (isSat) satAll++;
      if (u < shown) {
        dead.push(isDead);
        saturated.push(isSat);
      }
    }
    return {
      nodeId,
      fn,
      shown,
      units,
      values,
      lo,
      hi,
      weights: this.incoming(layer, shown),
      dead,
      saturated,
      deadShare: deadAll / units,
      saturatedShare: satAll / units,
    };
  }

  /** Incoming weights of the first units of the layer (of the Dense layer before an Activation). */
  private incoming(layer: number, shown: number): number[][] {
    const net = this.trainer.network;
    let i = layer;
    while (i >= 0 && !(net.layers[i] instanceof Dense)) i--;
    const dense = net.layers[i] as Dense | undefined;
    if (!dense) return Array.from({ length: shown }, () => []);
    net.backend.download(dense.W.value);
    const w = dense.W.value;
    const units = dense.outSize;
    const inputs = Math.min(MAX_WEIGHTS, dense.inSize);
    return Array.from({ length: shown }, (_, u) =>
      Array.from({ length: inputs }, (_, k) => round(w[k * units + u]!)),
    );
  }
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0);

/** Predicted class of row r of k outputs (one sigmoid output: two classes) and its probability. */
function classOf(out: Float32Array, r: number, k: number): [number, number] {
  if (k === 1) {
    const p = out[r]!;
    return p >= 0.5 ? [1, p] : [0, 1 - p];
  }
  let best = 0;
  for (let j = 1; j < k; j++) if (out[r * k + j]! > out[r * k + best]!) best = j;
  return [best, out[r * k + best]!];
}
