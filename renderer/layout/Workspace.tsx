/**
 * The workspace below the toolbar: layers palette | canvas (+ dock) | inspector. Every separator
 * is draggable with the mouse and movable with the keyboard (arrow keys; Enter hides or shows the
 * pane beside it); the palette, the inspector and the dock collapse; the dock sits below the
 * canvas or on its right. Sizes are remembered per user (localStorage), per dock side.
 */
import { useEffect, type ReactNode } from 'react';
import {
  Panel,
  PanelGroup,
  PanelResizeHandle,
  disableGlobalCursorStyles,
} from 'react-resizable-panels';
import { useUiStore } from '../store/ui';
import {
  GROUP_IDS,
  registerPane,
  revealPane,
  togglePane,
  useLayoutStore,
  type PaneId,
} from './store';
import { CollapsedStrip } from './CollapsedStrip';
import './layout.css';

// The library would add a <style> element while dragging to set the cursor everywhere, which the
// Content-Security-Policy (style-src 'self') refuses; a class on <html> sets that cursor instead.
disableGlobalCursorStyles();

/** Enter on a separator whose pane is after it (the library only toggles the pane before it). */
const enterToggles = (pane: PaneId) => (e: { key: string }) => {
  if (e.key === 'Enter') togglePane(pane);
};

/**
 * How far beyond the 5 px separator the pointer grabs it: 3 px with a mouse (an 11 px target that
 * leaves a click 5 px into the canvas to the canvas), 15 px for touch.
 */
const HIT_AREA = { coarse: 15, fine: 3 };

/** The cursor class on <html> while a separator of this direction is dragged (layout.css). */
const dragging = (rows: boolean) => (on: boolean) =>
  document.documentElement.classList.toggle(rows ? 'resizing-rows' : 'resizing-columns', on);

function Handle({
  label,
  pane,
  after,
  rows = false,
}: {
  label: string;
  pane: PaneId;
  after?: boolean;
  rows?: boolean;
}) {
  return (
    <PanelResizeHandle
      className="resize-handle"
      hitAreaMargins={HIT_AREA}
      onDragging={dragging(rows)}
      aria-label={label}
      title={`${label}: drag, or focus and use the arrow keys; Enter hides or shows it`}
      onKeyDown={after ? enterToggles(pane) : undefined}
    />
  );
}

/** Sizes of a collapsible pane, in % of its group. */
interface PaneSizes {
  order: number;
  defaultSize: number;
  minSize: number;
  maxSize: number;
}

/**
 * A pane that collapses to nothing. Its content is hidden (not just squeezed) while collapsed: out
 * of the tab order and the accessibility tree, with its state kept for when it opens again.
 */
function CollapsiblePane({
  pane,
  children,
  ...sizes
}: PaneSizes & { pane: PaneId; children: ReactNode }) {
  const collapsed = useLayoutStore((s) => s.collapsed[pane]);
  return (
    <Panel
      id={pane}
      ref={(h) => registerPane(pane, h)}
      collapsible
      collapsedSize={0}
      {...sizes}
      onResize={(size) => useLayoutStore.getState().setCollapsed(pane, size === 0)}
      className={`pane pane-${pane}`}
    >
      <div className="pane-body" hidden={collapsed}>
        {children}
      </div>
    </Panel>
  );
}

export interface WorkspaceSlots {
  palette: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  dock: ReactNode;
}

export function Workspace({ palette, canvas, inspector, dock }: WorkspaceSlots) {
  const side = useLayoutStore((s) => s.dockSide);
  const collapsed = useLayoutStore((s) => s.collapsed);

  // Asking for a tab (a command, a dropped file, an alert) opens a hidden dock.
  useEffect(
    () =>
      useUiStore.subscribe((s, prev) => {
        if (s.bottomTab !== prev.bottomTab) revealPane('dock');
      }),
    [],
  );

  const right = side === 'right';

  return (
    <PanelGroup direction="horizontal" autoSaveId={GROUP_IDS.columns} className="workspace">
      <CollapsiblePane pane="palette" order={1} defaultSize={12} minSize={7} maxSize={25}>
        {palette}
      </CollapsiblePane>
      <Handle label="Resize the layers palette" pane="palette" />
      <Panel id="centre" order={2} minSize={30} className="pane pane-centre">
        <div className="centre-row">
          {collapsed.palette && <CollapsedStrip pane="palette" />}
          {/* Keyed by side: each side has its own group, so its own remembered sizes. */}
          <PanelGroup
            key={side}
            direction={right ? 'horizontal' : 'vertical'}
            autoSaveId={GROUP_IDS.dock(side)}
            className="dock-group"
          >
            <Panel id="canvas" order={1} minSize={right ? 15 : 12} className="pane pane-canvas">
              {canvas}
            </Panel>
            <Handle label="Resize the dock" pane="dock" after rows={!right} />
            <CollapsiblePane
              pane="dock"
              order={2}
              defaultSize={right ? 45 : 34}
              minSize={right ? 20 : 12}
              maxSize={right ? 85 : 88}
            >
              {dock}
            </CollapsiblePane>
          </PanelGroup>
          {right && collapsed.dock && <CollapsedStrip pane="dock" vertical />}
          {collapsed.inspector && <CollapsedStrip pane="inspector" />}
        </div>
        {!right && collapsed.dock && <CollapsedStrip pane="dock" />}
      </Panel>
      <Handle label="Resize the inspector" pane="inspector" after />
      <CollapsiblePane pane="inspector" order={3} defaultSize={20} minSize={12} maxSize={40}>
        {inspector}
      </CollapsiblePane>
    </PanelGroup>
  );
}
