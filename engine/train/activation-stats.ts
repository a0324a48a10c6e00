/**
 * Activation statistics over an evaluation pass (the validation set), per activation layer:
 * - ReLU: a unit is dead when its output a = max(0, z) is 0 for every sample; deadShare = dead / units.
 * - sigmoid: a unit is saturated on a sample when a < 0.03 or a > 0.97; tanh: when |a| > 0.97;
 *   a unit counts as saturated when that holds on more than half of the samples.
 * Counters are allocated once (Int32Array per layer); `add` after each forward allocates nothing.
 */
import type { ActivationKind } from '../backend/backend';
import { Activation } from '../layers/activation';
import { Dense } from '../layers/dense';
import type { ActivationLayerStats } from './monitor/types';
import type { Network } from './network';

/** |a| beyond which tanh (and, mirrored around 0.5, sigmoid) counts as saturated. */
export const SATURATION = 0.97;

interface Watched {
  layer: number;
  source: Dense | Activation;
  fn: ActivationKind;
  units: number;
  nodeId: string | null;
  denseNodeId: string | null;
  active: Int32Array;
  saturated: Int32Array;
}

export class ActivationProbe {
  private readonly watched: Watched[] = [];
  private samples = 0;

  constructor(private readonly net: Network) {
    net.layers.forEach((layer, i) => {
      const spec = net.spec.layers[i]!;
      let fn: ActivationKind;
      let nodeId: string | null;
      let denseNodeId: string | null = null;
      if (layer instanceof Dense) {
        fn = layer.activation;
        denseNodeId = spec.nodeIds?.[0] ?? null;
        nodeId = spec.nodeIds?.[1] ?? denseNodeId;
      } else if (layer instanceof Activation) {
        fn = layer.fn;
        nodeId = spec.nodeIds?.[0] ?? null;
        const prev = net.spec.layers[i - 1];
        if (prev?.type === 'dense') denseNodeId = prev.nodeIds?.[0] ?? null;
      } else return;
      if (fn !== 'relu' && fn !== 'sigmoid' && fn !== 'tanh') return;
      const units = layer.outSize;
      this.watched.push({
        layer: i,
        source: layer,
        fn,
        units,
        nodeId,
        denseNodeId,
        active: new Int32Array(units),
        saturated: new Int32Array(units),
      });
    });
  }

  /** Whether the network has any ReLU, sigmoid or tanh layer to watch. */
  get empty(): boolean {
    return this.watched.length === 0;
  }

  reset(): void {
    this.samples = 0;
    for (const w of this.watched) {
      w.active.fill(0);
      w.saturated.fill(0);
    }
  }

  /** Counts the outputs of the network's last forward pass (evaluation mode), `rows` samples. */
  add(rows: number): void {
    this.samples += rows;
    for (const w of this.watched) {
      const y = w.source.lastOutput;
      if (y === null) continue;
      this.net.backend.download(y.data);
      const a = y.data;
      const u = w.units;
      const active = w.active;
      const sat = w.saturated;
      if (w.fn === 'relu') {
        for (let r = 0; r < rows; r++) {
          const o = r * u;
          for (let c = 0; c < u; c++) if (a[o + c]! > 0) active[c]!++;
        }
      } else {
        // sigmoid: a > 0.97 or a < 0.03; tanh: a > 0.97 or a < −0.97
        const hi = SATURATION;
        const lo = w.fn === 'sigmoid' ? 1 - SATURATION : -SATURATION;
        for (let r = 0; r < rows; r++) {
          const o = r * u;
          for (let c = 0; c < u; c++) {
            const v = a[o + c]!;
            if (v > hi || v < lo) sat[c]!++;
          }
        }
      }
    }
  }

  /** The statistics so far, as plain data. */
  result(): ActivationLayerStats[] {
    return this.watched.map((w) => {
      let dead = 0;
      let saturated = 0;
      if (w.fn === 'relu') for (let c = 0; c < w.units; c++) if (w.active[c] === 0) dead++;
      if (w.fn !== 'relu')
        for (let c = 0; c < w.units; c++) if (w.saturated[c]! * 2 > this.samples) saturated++;
      return {
        layer: w.layer,
        nodeId: w.nodeId,
        denseNodeId: w.denseNodeId,
        fn: w.fn,
        units: w.units,
        samples: this.samples,
        deadUnits: dead,
        deadShare: this.samples === 0 ? 0 : dead / w.units,
        saturatedUnits: saturated,
        saturatedShare: this.samples === 0 ? 0 : saturated / w.units,
      };
    });
  }
}
