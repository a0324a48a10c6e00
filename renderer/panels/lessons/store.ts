/** Help ▸ Lessons: whether the list is open, and the guide shown with its current step. */
import { create } from 'zustand';

interface LessonsUi {
  listOpen: boolean;
  /** The id of the lesson whose guide is shown, or null. */
  active: string | null;
  step: number;
  openList(): void;
  closeList(): void;
  show(id: string): void;
  setStep(step: number): void;
  closeGuide(): void;
}

export const useLessonsUi = create<LessonsUi>((set) => ({
  listOpen: false,
  active: null,
  step: 0,
  openList: () => set({ listOpen: true }),
  closeList: () => set({ listOpen: false }),
  show: (id) => set({ listOpen: false, active: id, step: 0 }),
  setStep: (step) => set({ step }),
  closeGuide: () => set({ active: null, step: 0 }),
}));
