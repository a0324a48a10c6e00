/** The end of `layerlab sweep`: mean ± sd per value, the U-curve or heat-map, the verdicts. */
import {
  heatMap,
  learningCurve,
  summarizeGroups,
  uCurve,
  type Spread,
  type SweepParam,
  type VariantRun,
} from '../../engine/experiments';
import type { Io } from './io';
import { fmt } from './output';

const pm = (s: Spread | null) => (s ? `${fmt(s.mean)} ± ${fmt(s.sd)}` : 'n/a');
const plain = (s: Spread | null) => (s ? { mean: s.mean, sd: s.sd, n: s.n } : null);

export function reportSweep(
  io: Io,
  json: boolean,
  params: SweepParam[],
  runs: readonly VariantRun[],
): void {
  for (const g of summarizeGroups(runs)) {
    if (json)
      io.json({
        event: 'group',
        values: g.values,
        runs: g.variants.length,
        best_val_loss: plain(g.bestVal),
        train_loss_at_best: plain(g.bestTrain),
        gap: plain(g.gap),
        test: plain(g.test),
      });
    else
      io.out(
        `${g.group}: best val loss ${pm(g.bestVal)}, train ${pm(g.bestTrain)}, gap ${pm(g.gap)}, test ${pm(g.test)}`,
      );
  }
  const u = uCurve(params[0]!, runs);
  if (json) {
    io.json({
      event: 'ucurve',
      key: u.key,
      log: u.log,
      best_value: u.bestValue,
      at_end: u.atEnd,
      points: u.points.map((p) => ({
        value: p.value,
        train: plain(p.train),
        val: plain(p.val),
        gap: plain(p.gap),
      })),
      versus_neighbours: u.versusNeighbours.map((n) => ({
        value: n.value,
        verdict: n.comparison.verdict,
        p: n.comparison.p,
        difference: n.comparison.difference,
      })),
    });
  } else if (u.bestValue !== null) {
    io.out(
      `best ${u.key}: ${u.bestValue}${u.atEnd ? ' (at the end of the range: widen it to be sure)' : ''}`,
    );
    for (const n of u.versusNeighbours) io.out(`  vs ${u.key} ${n.value}: ${n.comparison.message}`);
  }
  if (params.length === 2) {
    const h = heatMap(params[0]!, params[1]!, runs);
    if (json) io.json({ event: 'heatmap', ...h });
    else if (h.best)
      io.out(
        `best cell: ${h.rowKey} ${h.rowValues[h.best.row]}, ${h.colKey} ${h.colValues[h.best.col]}`,
      );
  }
  const fraction = params.find((p) => p.key === 'fraction');
  if (fraction) {
    const lc = learningCurve(fraction, runs);
    if (json) io.json({ event: 'learning_curve', verdict: lc.verdict, message: lc.message });
    else io.out(lc.message);
  }
}
