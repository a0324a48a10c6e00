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

/** `id`, or `id-2`, `id-3`… when a saved sweep already has it. */
export function uniqueSweepId(id: string, saved: readonly SavedSweep[]): string {
  const taken = new Set(saved.map((s) => s.sweepId));
  let out = id;
  for (let k = 2; taken.has(out); k++) out = `${id}-${k}`;
  return out;
}
