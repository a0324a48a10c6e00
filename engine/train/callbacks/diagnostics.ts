/**
 * Per-layer diagnostics of each epoch, for every Dense layer: the mean gradient norm over the
 * epoch's batches (collected at onGradients, before clipping and the update), the weight norm at
 * the epoch's end, and the dead (ReLU) / saturated (sigmoid, tanh) share of its activation from
 * the epoch's validation statistics. Written into EpochEvent.layers, so it must run before
 * EpochLog; the monitor reads them there (vanishing / exploding gradients).
 *
 * The gradient norms are sampled on every `every`-th batch of an epoch (default 4, from its
 * first): on small networks a pass over all gradients costs about a tenth of a step, a quarter of
 * that keeps training near full speed, and the epoch mean changes little. A sampled batch only
 * adds squared sums into a preallocated Float64Array: nothing is allocated.
 */
import type { ActivationKind } from '../../backend/backend';
import { Dense } from '../../layers/dense';
import type { Param } from '../../layers/layer';
import type { EpochEvent } from '../events';
import type { LayerDiagnostics } from '../monitor/types';
import type { Network } from '../network';
import type { Callback, FitState } from './callback';

interface Watched {
  layer: number;
  /** The spec layer whose activation statistics belong to this Dense. */
  statsLayer: number;
  nodeId: string | null;
  activationNodeId: string | null;
  fn: ActivationKind;
  units: number;
  params: readonly Param[];
  count: number;
}

/** The Dense layers of a network with the graph nodes they came from. */
function watchedLayers(net: Network): Watched[] {
  const out: Watched[] = [];
  net.layers.forEach((layer, i) => {
    if (!(layer instanceof Dense)) return;
    const ids = net.spec.layers[i]?.nodeIds ?? [];
    const next = net.spec.layers[i + 1];
    // A separate (unfused) Activation right after the Dense is its activation.
    const sep = next?.type === 'activation' && layer.activation === 'linear' ? next : null;
    out.push({
      layer: i,
      statsLayer: sep ? i + 1 : i,
      nodeId: ids[0] ?? null,
      activationNodeId: sep ? (sep.nodeIds?.[0] ?? null) : (ids[1] ?? ids[0] ?? null),
      fn: sep ? sep.fn : layer.activation,
      units: layer.outSize,
      params: layer.params,
      count: layer.params.reduce((s, p) => s + p.value.length, 0),
    });
  });
  return out;
}

export class DiagnosticsCallback implements Callback {
  private readonly layers: Watched[];
  /** Per layer: the sum over this epoch's batches of ‖g‖₂. */
  private readonly gradSum: Float64Array;
  private batches = 0;
  private seen = 0;

  constructor(
    net: Network,
    private readonly every = 4,
  ) {
    if (!(Number.isInteger(every) && every >= 1))
      throw new RangeError(`diagnostics sampling must be a whole number ≥ 1, got ${every}`);
    this.layers = watchedLayers(net);
    this.gradSum = new Float64Array(this.layers.length);
  }

  onEpochBegin(): void {
    this.gradSum.fill(0);
    this.batches = 0;
    this.seen = 0;
  }

  onGradients(fit: FitState): void {
    if (this.seen++ % this.every !== 0) return;
    const backend = fit.network.backend;
    for (let i = 0; i < this.layers.length; i++) {
      const ps = this.layers[i]!.params;
      let s = 0;
      for (let j = 0; j < ps.length; j++) s += backend.sumSquares(ps[j]!.grad);
      this.gradSum[i]! += Math.sqrt(s);
    }
    this.batches++;
  }

  onEpochEnd(fit: FitState, event: EpochEvent): void {
    event.layers = this.result(fit.network, event);
  }

  /** The epoch's numbers (after onEpochEnd's validation statistics are in `event`). */
  result(net: Network, event: Pick<EpochEvent, 'activations'>): LayerDiagnostics[] {
    const backend = net.backend;
    return this.layers.map((w, i) => {
      let ws = 0;
      for (const p of w.params) ws += backend.sumSquares(p.value);
      const gradNorm = this.batches > 0 ? this.gradSum[i]! / this.batches : NaN;
      const act = event.activations?.find((a) => a.layer === w.statsLayer);
      const measured = act !== undefined && act.samples > 0;
      return {
        layer: w.layer,
        nodeId: w.nodeId,
        activationNodeId: w.activationNodeId,
        fn: w.fn,
        units: w.units,
        params: w.count,
        gradNorm,
        gradRms: gradNorm / Math.sqrt(w.count),
        weightNorm: Math.sqrt(ws),
        deadShare: measured && act.fn === 'relu' ? act.deadShare : null,
        saturatedShare: measured && act.fn !== 'relu' ? act.saturatedShare : null,
      };
    });
  }
}
