/** The document's sweeps (saved in the project file, newest first). */
import { create } from 'zustand';
import type { SavedSweep } from '../../../engine/graph/project/sweeps';

interface SweepState {
  saved: SavedSweep[];
  add(sweep: SavedSweep): void;
  load(sweeps: SavedSweep[]): void;
}

export const useSweepStore = create<SweepState>()((set, get) => ({
  saved: [],
  add: (sweep) => set({ saved: [sweep, ...get().saved].slice(0, 100) }),
  load: (saved) => set({ saved }),
}));
