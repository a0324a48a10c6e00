/**
 * What stays of a hidden pane: a slim strip beside the canvas with a button to bring it back
 * (for the dock, one button per tab), so nothing is ever lost off-screen.
 */
import { memo } from 'react';
import { useUiStore } from '../store/ui';
import { useGraphAnalysis } from '../store/analysis';
import { DOCK_TABS } from './tabs';
import { revealPane, type PaneId } from './store';

const NAMES: Record<PaneId, string> = {
  palette: 'Layers',
  inspector: 'Inspector',
  dock: 'Dock',
};

const LABELS: Record<PaneId, string> = {
  palette: 'Show the layers palette',
  inspector: 'Show the inspector',
  dock: 'Show the dock',
};

function DockTabs() {
  const problems = useGraphAnalysis().problems.length;
  return (
    <>
      {DOCK_TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          aria-label={`Open the ${t.label} tab`}
          onClick={() => {
            useUiStore.getState().showTab(t.id);
            revealPane('dock');
          }}
        >
          {t.id === 'problems' && problems ? `${t.label} (${problems})` : t.label}
        </button>
      ))}
    </>
  );
}

export const CollapsedStrip = memo(function CollapsedStrip({
  pane,
  vertical,
}: {
  pane: PaneId;
  vertical?: boolean;
}) {
  const upright = pane !== 'dock' || vertical;
  return (
    <div
      className={`collapsed-strip strip-${pane}${upright ? ' upright' : ''}`}
      role="group"
      aria-label={`${NAMES[pane]} (hidden)`}
    >
      <button
        type="button"
        className="strip-show"
        aria-label={LABELS[pane]}
        title={LABELS[pane]}
        onClick={() => revealPane(pane)}
      >
        {NAMES[pane]}
      </button>
      {pane === 'dock' && <DockTabs />}
    </div>
  );
});
