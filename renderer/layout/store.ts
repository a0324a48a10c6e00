/**
 * The workspace layout the user chose: where the dock sits, and handles on the collapsible panes
 * so that commands (menus, palette) can show or hide them. Pane sizes themselves are kept by
 * react-resizable-panels in localStorage (one key per panel group, so one per dock side).
 */
import { create } from 'zustand';
import type { ImperativePanelHandle } from 'react-resizable-panels';

export type DockSide = 'bottom' | 'right';
export type PaneId = 'palette' | 'inspector' | 'dock';

/** localStorage keys; sizes live under the library's own `react-resizable-panels:<id>` keys. */
export const SIDE_KEY = 'layerlab.layout.dockSide';
export const GROUP_IDS = {
  columns: 'layerlab.layout.columns',
  dock: (side: DockSide) => `layerlab.layout.dock.${side}`,
};

function readSide(): DockSide {
  try {
    return localStorage.getItem(SIDE_KEY) === 'right' ? 'right' : 'bottom';
  } catch {
    // Storage refused (private mode, blocked cookies): the default layout still works.
    return 'bottom';
  }
}

interface LayoutState {
  dockSide: DockSide;
  /** Which panes are collapsed now (reported by the panes themselves). */
  collapsed: Record<PaneId, boolean>;
  setDockSide(side: DockSide): void;
  setCollapsed(pane: PaneId, collapsed: boolean): void;
}

export const useLayoutStore = create<LayoutState>()((set, get) => ({
  dockSide: readSide(),
  collapsed: { palette: false, inspector: false, dock: false },
  setDockSide(dockSide) {
    if (get().dockSide === dockSide) return;
    try {
      localStorage.setItem(SIDE_KEY, dockSide);
    } catch {
      // Not remembered, but the dock still moves.
    }
    // The new side's group reports its own collapsed state when it mounts.
    set({ dockSide, collapsed: { ...get().collapsed, dock: false } });
  },
  setCollapsed(pane, value) {
    if (get().collapsed[pane] !== value) set({ collapsed: { ...get().collapsed, [pane]: value } });
  },
}));

const handles: Partial<Record<PaneId, ImperativePanelHandle>> = {};

/** Called by the pane's ref: the handle commands use to collapse or expand it. */
export function registerPane(pane: PaneId, handle: ImperativePanelHandle | null): void {
  if (handle) handles[pane] = handle;
  else delete handles[pane];
}

export function togglePane(pane: PaneId): void {
  const h = handles[pane];
  if (!h) return;
  if (h.isCollapsed()) h.expand();
  else h.collapse();
}

/** Opens a pane if it is collapsed (e.g. the dock when a tab is asked for). */
export function revealPane(pane: PaneId): void {
  const h = handles[pane];
  if (h?.isCollapsed()) h.expand();
}
