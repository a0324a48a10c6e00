import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoundaryFrame } from '../../../../electron/contract/boundary';
import { useBoundaryStore } from '../../../../renderer/panels/boundary/store';

/** A stand-in frame: only its epoch is looked at here. */
const frame = (epoch: number) => ({ epoch }) as unknown as BoundaryFrame;

/** Animation frames run by hand. */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let id = 0;
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => (queue.set(++id, f), id));
  vi.stubGlobal('cancelAnimationFrame', (i: number) => queue.delete(i));
  return {
    pending: () => queue.size,
    run() {
      const fs = [...queue.values()];
      queue.clear();
      fs.forEach((f) => f());
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  useBoundaryStore.getState().setFrame(null);
});

describe('boundary frames from the worker', () => {
  it('shows only the latest of the frames that arrive before the next animation frame', () => {
    const raf = manualFrames();
    const seen: number[] = [];
    const off = useBoundaryStore.subscribe((s) => s.frame && seen.push(s.frame.epoch));
    const { receiveFrame } = useBoundaryStore.getState();
    receiveFrame(frame(1));
    receiveFrame(frame(2));
    receiveFrame(frame(3));
    expect(raf.pending()).toBe(1);
    raf.run();
    receiveFrame(frame(4));
    raf.run();
    off();
    expect(seen).toEqual([3, 4]);
  });

  it('drops a waiting frame when the frame is set directly (another dataset)', () => {
    const raf = manualFrames();
    useBoundaryStore.getState().receiveFrame(frame(7));
    useBoundaryStore.getState().setFrame(null);
    raf.run();
    expect(useBoundaryStore.getState().frame).toBeNull();
  });
});
