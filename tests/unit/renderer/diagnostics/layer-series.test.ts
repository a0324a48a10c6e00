import { describe, expect, it } from 'vitest';
import type { RunEpoch } from '../../../../electron/contract/training';
import type { MiniSeries } from '../../../../renderer/panels/diagnostics/MiniChart';
import { LayerSeries } from '../../../../renderer/panels/diagnostics/layerSeries';
import type { Summary } from '../../../../renderer/charts/summary';

/** A short series' values back from its summary (one epoch per bucket), null where unknown. */
const values = (s: MiniSeries) =>
  (s.values as Summary).buckets.map((b) => (b.loAt >= 0 ? b.lo : null));
const named = (s: MiniSeries) => ({ name: s.name, values: values(s) });

/** An epoch with a ReLU layer d1 and a sigmoid layer d2; values derived from the epoch. */
function epoch(e: number): RunEpoch {
  const layer = (i: number, fn: string) => ({
    layer: i,
    nodeId: `d${i + 1}`,
    activationNodeId: null,
    fn,
    units: 4,
    params: 20,
    gradNorm: e + i / 10,
    gradRms: null,
    weightNorm: 2 * e,
    deadShare: e / 100,
    saturatedShare: null,
  });
  return {
    epoch: e,
    epochs: 100,
    lr: 0.01,
    train: { loss: 1 / e },
    val: null,
    elapsedMs: e,
    layers: [layer(0, 'relu'), layer(1, 'sigmoid')],
  } as RunEpoch;
}

describe('per-layer diagnostics series', () => {
  it('groups each epoch by layer and metric', () => {
    const s = new LayerSeries().update([epoch(1), epoch(2)]);
    expect(s.dead.map(named)).toEqual([{ name: 'd1', values: [0.01, 0.02] }]);
    expect(s.saturated.map(named)).toEqual([{ name: 'd2', values: [null, null] }]);
    expect(s.grad.map(values)).toEqual([
      [1, 2],
      [1.1, 2.1],
    ]);
    expect(named(s.weight[1]!)).toEqual({ name: 'd2', values: [2, 4] });
  });

  it('adds appended epochs to what it already grouped, as a fresh grouping would', () => {
    const series = new LayerSeries();
    const first = [epoch(1), epoch(2)];
    const before = series.update(first);
    const grown = series.update([...first, epoch(3)]);
    expect(grown).toEqual(new LayerSeries().update([epoch(1), epoch(2), epoch(3)]));
    // The series handed out earlier are left as they were.
    expect(values(before.grad[0]!)).toEqual([1, 2]);
  });

  it('starts over for another run', () => {
    const series = new LayerSeries();
    series.update([epoch(1), epoch(2), epoch(3)]);
    expect(values(series.update([epoch(7)]).weight[0]!)).toEqual([14]);
    expect(series.update([]).grad).toEqual([]);
  });
});
