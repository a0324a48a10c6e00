/** Whether the Compare view is open, and which two sides it shows (picker keys, see model.ts). */
import { create } from 'zustand';
import { useTrainingStore } from '../../store/training';
import { useSweepStore } from '../sweep/sweepStore';

interface CompareUi {
  shown: boolean;
  a: string | null;
  b: string | null;
  /** Opens the view on two sides; by default the run before the shown one (A) and it (B). */
  open(a?: string, b?: string): void;
  pick(side: 'a' | 'b', key: string): void;
  close(): void;
}

const runKeys = () =>
  useTrainingStore
    .getState()
    .history.filter((r) => r.state === 'done')
    .map((r) => `run:${r.runId}`);

export const useCompareUi = create<CompareUi>()((set) => ({
  shown: false,
  a: null,
  b: null,
  open(a, b) {
    const keys = runKeys();
    // The older run on the left, so differences read "from A to B".
    set({ shown: true, a: a ?? keys[1] ?? keys[0] ?? null, b: b ?? keys[0] ?? null });
  },
  pick: (side, key) => set({ [side]: key }),
  close: () => set({ shown: false }),
}));

/** Why Compare cannot open yet (for menus and the palette), or null. */
export function compareBlocker(): string | null {
  const runs = runKeys().length;
  const groups = useSweepStore.getState().saved.length;
  return runs + groups === 0 ? 'Train a run (or run a sweep) first.' : null;
}
