/**
 * Bounded summaries (./summary.ts) of values picked from a run's epochs, grown as epochs arrive.
 * A run's epochs are only ever appended (the training store copies the list and adds the new
 * ones), so each redraw reads only the epochs it has not seen: a chart's work per redraw is
 * O(new epochs + buckets), the same at epoch 100 and at epoch 100,000. Before, the Training tab
 * downsampled the whole run (LTTB) three times per redraw: ~150 ms per redraw at 20,000 epochs.
 */
import { SeriesSummary, type Summary } from './summary';

export class GrowingSummaries<E> {
  private first: E | undefined;
  private seen = 0;
  private sums: SeriesSummary[] = [];

  /** One summary per `pick`, of the values it takes from each epoch; `ok`: see SeriesSummary. */
  constructor(
    private readonly picks: readonly ((e: E) => number | null | undefined)[],
    private readonly ok: (v: number | null | undefined) => v is number,
  ) {}

  /** The summaries of `epochs`, reading only the epochs appended since the last call. */
  update(epochs: readonly E[]): Summary[] {
    // Another run, or a shorter list: start over.
    if (epochs[0] !== this.first || epochs.length < this.seen || !this.sums.length) {
      this.sums = this.picks.map(() => new SeriesSummary(this.ok));
      this.seen = 0;
      this.first = epochs[0];
    }
    for (let i = this.seen; i < epochs.length; i++)
      this.picks.forEach((pick, k) => this.sums[k]!.push(pick(epochs[i]!)));
    this.seen = epochs.length;
    return this.sums.map((s) => s.summary());
  }
}

const shared = new Map<string, GrowingSummaries<unknown>>();

/**
 * The app's one builder for `key` (e.g. a chart's metric and scale), made with `make` the first
 * time. It outlives the chart, so reopening a tab reads only the epochs since it was closed
 * rather than the whole run (~0.4 s at 50,000 epochs on a busy machine); another run's epochs
 * make it start over by themselves.
 */
export function sharedGrowing<E>(
  key: string,
  make: () => GrowingSummaries<E>,
): GrowingSummaries<E> {
  let g = shared.get(key) as GrowingSummaries<E> | undefined;
  if (!g) shared.set(key, (g = make()) as GrowingSummaries<unknown>);
  return g;
}
