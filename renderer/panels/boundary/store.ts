/** The Boundary tab's state: what to show (plane, points) and the latest frame from the worker. */
import { create } from 'zustand';
import type { BoundaryFrame, BoundaryPlane } from '../../../electron/contract/boundary';

interface BoundaryState {
  plane: BoundaryPlane;
  showPoints: boolean;
  frame: BoundaryFrame | null;
  /** Whether the Boundary tab is open (it owns the worker's watch then). */
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
  setPlane(plane: BoundaryPlane): void;
  setShowPoints(show: boolean): void;
  setFrame(frame: BoundaryFrame | null): void;
}

export const useBoundaryStore = create<BoundaryState>()((set) => ({
  plane: { kind: 'features', x: 0, y: 1 },
  showPoints: true,
  frame: null,
  panelOpen: false,
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setPlane: (plane) => set({ plane }),
  setShowPoints: (showPoints) => set({ showPoints }),
  setFrame: (frame) => set({ frame }),
}));
