/** View state of the command UI: whether the palette is open and the keyboard connection in progress. */
import { create } from 'zustand';

export interface Connecting {
  source: string;
  /** Nodes that may take the source's output, nearest first; `index` is the one on offer. */
  targets: string[];
  index: number;
}

interface CommandUiState {
  palette: boolean;
  connecting: Connecting | null;
  openPalette(): void;
  closePalette(): void;
  startConnecting(c: Connecting): void;
  /** Offer the next (+1) or previous (-1) target, wrapping around. */
  moveTarget(step: number): void;
  stopConnecting(): void;
}

export const useCommandUi = create<CommandUiState>()((set, get) => ({
  palette: false,
  connecting: null,
  openPalette: () => set({ palette: true, connecting: null }),
  closePalette: () => set({ palette: false }),
  startConnecting: (connecting) => set({ connecting, palette: false }),
  moveTarget(step) {
    const c = get().connecting;
    if (!c || !c.targets.length) return;
    const n = c.targets.length;
    set({ connecting: { ...c, index: (((c.index + step) % n) + n) % n } });
  },
  stopConnecting: () => set({ connecting: null }),
}));
