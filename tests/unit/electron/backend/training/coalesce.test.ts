import { describe, expect, it } from 'vitest';
import { Coalescer, type Timer } from '../../../../../electron/backend/training/coalesce';
import type { RunProgress } from '../../../../../electron/contract/training';

function fakeClock() {
  let now = 0;
  const pending: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timer: Timer = {
    set(fn, ms) {
      const id = ++ids;
      pending.push({ at: now + ms, fn, id });
      return id;
    },
    clear(h) {
      const i = pending.findIndex((p) => p.id === h);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      const p = pending[0];
      if (!p || p.at > end) break;
      pending.shift();
      now = p.at;
      p.fn();
    }
    now = end;
  };
  return { timer, advance, now: () => now };
}

const epoch = (n: number) => ({
  epoch: n,
  epochs: 1000,
  lr: 0.01,
  train: { loss: 1 / n },
  val: null,
  elapsedMs: n,
});

describe('progress coalescing', () => {
  it('sends at most one message per 50 ms however many batches arrive, keeping every epoch in order', () => {
    const clock = fakeClock();
    const sent: RunProgress[] = [];
    const c = new Coalescer('run1', (p) => sent.push(p), 50, clock.timer, clock.now);
    let e = 0;
    for (let t = 0; t < 1000; t++) {
      c.progress({ epoch: e + 1, batch: t, batches: 100, loss: 0.5, samplesPerSec: 1e5 });
      if (t % 3 === 0) c.epoch(epoch(++e));
      clock.advance(1);
    }
    clock.advance(100);
    expect(sent.length).toBeLessThanOrEqual(21);
    expect(sent.flatMap((s) => s.epochs.map((x) => x.epoch))).toEqual(
      Array.from({ length: e }, (_, i) => i + 1),
    );
    // Only the newest batch of each window is kept.
    expect(sent.at(-1)!.batch!.batch).toBe(999);
  });

  it('flushes pending epochs at once at the end of a run', () => {
    const clock = fakeClock();
    const sent: RunProgress[] = [];
    const c = new Coalescer('run1', (p) => sent.push(p), 50, clock.timer, clock.now);
    c.epoch(epoch(1));
    c.setState('done');
    c.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ state: 'done', epochs: [{ epoch: 1 }] });
    clock.advance(200);
    expect(sent).toHaveLength(1);
  });
});
