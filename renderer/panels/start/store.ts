/**
 * The start screen and the guided first run: whether each is shown, and the tour's step. The
 * "Don't show at start" choice is kept in localStorage: per browser profile in browser mode, per
 * user profile (Electron's userData) in the desktop app.
 */
import { create } from 'zustand';

/** Set to '1' when the user asked not to see the start screen at launch. */
export const START_SKIP_KEY = 'layerlab-start:skip';

export function startSkipped(): boolean {
  try {
    return localStorage.getItem(START_SKIP_KEY) === '1';
  } catch {
    return false;
  }
}

export function setStartSkipped(skip: boolean): void {
  try {
    if (skip) localStorage.setItem(START_SKIP_KEY, '1');
    else localStorage.removeItem(START_SKIP_KEY);
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts this session only.
  }
}

interface StartUi {
  open: boolean;
  /** The guided first run: the index of its step (TOUR_STEPS.length = finished), or null. */
  tourStep: number | null;
  show(): void;
  close(): void;
  startTour(step: number): void;
  setTourStep(step: number): void;
  endTour(): void;
}

export const useStartUi = create<StartUi>((set) => ({
  open: false,
  tourStep: null,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
  startTour: (step) => set({ open: false, tourStep: step }),
  setTourStep: (tourStep) => set({ tourStep }),
  endTour: () => set({ tourStep: null }),
}));
