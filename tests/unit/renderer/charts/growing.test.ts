import { describe, expect, it } from 'vitest';
import { GrowingSummaries } from '../../../../renderer/charts/growing';
import { drawable, summarise } from '../../../../renderer/charts/summary';

type E = { epoch: number; loss: number; val: number | null };
const run = (n: number, from = 1): E[] =>
  Array.from({ length: n }, (_, i) => ({
    epoch: from + i,
    loss: 1 / (i + 1) + 0.1 * Math.sin(i),
    val: i % 5 ? 1 / (i + 2) : null,
  }));
const ok = drawable(false);
const picks = [(e: E) => e.loss, (e: E) => e.val];

describe('summaries grown with a run', () => {
  it('equal a summary of the whole run after epochs are appended in many steps', () => {
    const epochs = run(30_000);
    const g = new GrowingSummaries(picks, ok);
    for (let n = 0; n <= epochs.length; n += 997) g.update(epochs.slice(0, n));
    const [loss, val] = g.update(epochs);
    expect(loss).toEqual(summarise(epochs.map(picks[0]!), ok));
    expect(val).toEqual(summarise(epochs.map(picks[1]!), ok));
  });

  it('start over for another run or a shorter list', () => {
    const g = new GrowingSummaries(picks, ok);
    g.update(run(500));
    expect(g.update(run(3, 7))[0]!.n).toBe(3);
    const again = run(10);
    g.update(again);
    expect(g.update(again.slice(0, 4))[0]!.n).toBe(4);
    expect(g.update([])[0]!.n).toBe(0);
  });
});
