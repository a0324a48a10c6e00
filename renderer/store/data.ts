/**
 * What the renderer knows about the loaded dataset: the compact summary from the main side (the
 * rows never come here), the loading state, and the shape the canvas needs — the Input's width
 * (encoded feature count), the number of classes, and the training rows (for the "more
 * parameters than rows" warning).
 */
import { create } from 'zustand';
import type { DatasetSummaryData } from '../../electron/contract';

export interface DataShape {
  /** File name, for display. */
  name: string;
  /** Width of the Input layer after encoding (one-hot columns counted). */
  features: number;
  /** Classes of a classification target; null for regression. */
  classes: number | null;
  /** Columns of a numeric (regression) target; absent for a class target or when none is chosen. */
  targets?: number;
  /** Rows in the training split, when known. */
  trainRows: number | null;
}

export interface DataLoading {
  file: string;
  phase: 'reading' | 'parsing' | 'analysing' | null;
  fraction: number | null;
}

export interface DataError {
  message: string;
  /** The file has rows with the wrong field count: offer to skip them. */
  canSkipBadRows: boolean;
}

interface DataState {
  shape: DataShape | null;
  setShape(shape: DataShape | null): void;
  summary: DatasetSummaryData | null;
  loading: DataLoading | null;
  error: DataError | null;
  /** The user accepted the current settings (the dataset is the one to train on). */
  accepted: boolean;
  /** A new summary; a changed dataset must be accepted again unless `keepAccepted`. */
  setSummary(summary: DatasetSummaryData | null, keepAccepted?: boolean): void;
  setLoading(loading: DataLoading | null): void;
  setError(error: DataError | null): void;
  accept(): void;
}

/** The canvas's view of a summary. */
export function shapeOf(s: DatasetSummaryData): DataShape {
  return {
    name: s.file.name,
    features: s.encoding.features,
    classes: s.target?.task === 'classification' ? (s.target.classes?.length ?? null) : null,
    ...(s.target?.task === 'regression' ? { targets: 1 } : {}),
    trainRows: s.split?.train ?? null,
  };
}

export const useDataStore = create<DataState>()((set) => ({
  shape: null,
  setShape: (shape) => set({ shape }),
  summary: null,
  loading: null,
  error: null,
  accepted: false,
  setSummary: (summary, keepAccepted = false) =>
    set((state) => ({
      summary,
      shape: summary ? shapeOf(summary) : null,
      accepted: keepAccepted && state.accepted && Boolean(summary?.ready),
      error: null,
    })),
  setLoading: (loading) => set({ loading }),
  setError: (error) => set({ error }),
  accept: () => set({ accepted: true }),
}));
