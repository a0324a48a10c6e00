/**
 * The Boundary tab's state: what to show (plane, points, which seed's network) and the latest
 * frame from the worker.
 */
import { create } from 'zustand';
import type { BoundaryFrame, BoundaryPlane } from '../../../electron/contract/boundary';

interface BoundaryState {
  plane: BoundaryPlane;
  showPoints: boolean;
  /** After "Train with N seeds": the seed whose network to show (index), null for the run's. */
  seed: number | null;
  frame: BoundaryFrame | null;
  /** Whether the Boundary tab is open (it owns the worker's watch then). */
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
  setPlane(plane: BoundaryPlane): void;
  setShowPoints(show: boolean): void;
  setSeed(seed: number | null): void;
  setFrame(frame: BoundaryFrame | null): void;
  /**
   * A frame pushed by the worker: shown at the next animation frame, the latest of those that
   * arrived meanwhile. The worker sends up to 5 a second; when the page is busy (a tab opening,
   * a slow machine) several queue up, and each would be parsed into a render and a repaint of
   * which only the last is ever seen.
   */
  receiveFrame(frame: BoundaryFrame): void;
}

let waiting: BoundaryFrame | null = null;
let scheduled: number | null = null;

export const useBoundaryStore = create<BoundaryState>()((set) => ({
  plane: { kind: 'features', x: 0, y: 1 },
  showPoints: true,
  seed: null,
  frame: null,
  panelOpen: false,
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setPlane: (plane) => set({ plane }),
  setShowPoints: (showPoints) => set({ showPoints }),
  setSeed: (seed) => set({ seed }),
  setFrame: (frame) => {
    // Set at once; a frame still waiting for its animation frame is older.
    if (scheduled !== null) cancelAnimationFrame(scheduled);
    scheduled = null;
    waiting = null;
    set({ frame });
  },
  receiveFrame: (frame) => {
    if (typeof requestAnimationFrame !== 'function') return set({ frame });
    waiting = frame;
    scheduled ??= requestAnimationFrame(() => {
      scheduled = null;
      const f = waiting;
      waiting = null;
      if (f) set({ frame: f });
    });
  },
}));
