/**
 * What the canvas needs to know about the loaded dataset: the Input's width (encoded feature
 * count), the number of classes, and the training rows (for the "more parameters than rows"
 * warning). The dataset itself stays on the main side; only this summary reaches the renderer.
 */
import { create } from 'zustand';

export interface DataShape {
  /** File name, for display. */
  name: string;
  /** Width of the Input layer after encoding (one-hot columns counted). */
  features: number;
  /** Classes of a classification target; null for regression. */
  classes: number | null;
  /** Rows in the training split, when known. */
  trainRows: number | null;
}

interface DataState {
  shape: DataShape | null;
  setShape(shape: DataShape | null): void;
}

export const useDataStore = create<DataState>()((set) => ({
  shape: null,
  setShape: (shape) => set({ shape }),
}));
