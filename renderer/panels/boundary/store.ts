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
}

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
  setFrame: (frame) => set({ frame }),
}));
