/**
 * The Diagnostics tab's per-layer series (dead share, saturated share, gradient and weight norm
 * by epoch), grown as epochs arrive. A run's epochs are only ever appended (the training store
 * copies the array and adds the new ones), so each redraw reads only the epochs it has not seen:
 * O(new epochs) instead of regrouping the whole run, which took ~50 ms per redraw at a few
 * thousand epochs and made the tab slow to open while training. Each line is kept as a bounded
 * summary (charts/summary.ts), so what a redraw hands to the charts does not grow with the run either.
 */
import type { RunLayerDiagnostics } from '../../../electron/contract/diagnostics';
import type { RunEpoch } from '../../../electron/contract/training';
import type { MiniSeries } from './MiniChart';
import { SeriesSummary, drawable } from '../../charts/summary';

type Key = 'deadShare' | 'saturatedShare' | 'gradNorm' | 'weightNorm';
const KEYS: readonly Key[] = ['deadShare', 'saturatedShare', 'gradNorm', 'weightNorm'];

const linear = drawable(false);

export const layerName = (l: RunLayerDiagnostics) => l.nodeId ?? `layer ${l.layer + 1}`;

interface Layer {
  fn: string;
  values: Record<Key, SeriesSummary>;
}

export interface LayerSeriesSet {
  dead: MiniSeries[];
  saturated: MiniSeries[];
  grad: MiniSeries[];
  weight: MiniSeries[];
}

export class LayerSeries {
  private first: RunEpoch | undefined;
  private seen = 0;
  private layers = new Map<string, Layer>();

  /** The series of `epochs`, reading only the epochs appended since the last call. */
  update(epochs: readonly RunEpoch[]): LayerSeriesSet {
    // Another run, or a shorter list: start over.
    if (epochs[0] !== this.first || epochs.length < this.seen) {
      this.layers = new Map();
      this.seen = 0;
      this.first = epochs[0];
    }
    for (let i = this.seen; i < epochs.length; i++)
      for (const l of epochs[i]!.layers ?? []) {
        const name = layerName(l);
        let layer = this.layers.get(name);
        if (!layer) {
          layer = {
            fn: l.fn,
            values: {
              deadShare: new SeriesSummary(linear),
              saturatedShare: new SeriesSummary(linear),
              // The gradient norm's chart is on a log scale: zero is a gap there.
              gradNorm: new SeriesSummary(drawable(true)),
              weightNorm: new SeriesSummary(linear),
            },
          };
          this.layers.set(name, layer);
        }
        for (const k of KEYS) layer.values[k].push(l[k]);
      }
    this.seen = epochs.length;
    // Snapshots: the charts get summaries that no later update changes under them.
    const of = (key: Key, keep: (fn: string) => boolean): MiniSeries[] =>
      [...this.layers]
        .filter(([, l]) => keep(l.fn))
        .map(([name, l]) => ({ name, values: l.values[key].summary() }));
    return {
      dead: of('deadShare', (fn) => fn === 'relu'),
      saturated: of('saturatedShare', (fn) => fn === 'sigmoid' || fn === 'tanh'),
      grad: of('gradNorm', () => true),
      weight: of('weightNorm', () => true),
    };
  }
}
