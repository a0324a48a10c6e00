/**
 * The dock: the data, the model summary, training, the boundary, diagnostics and the network's
 * problems, as tabs. It sits below the canvas or on its right (see renderer/layout/), and its
 * header moves or hides it.
 */
import type { ReactNode } from 'react';
import { DataPanel } from './DataPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { SummaryPanel } from './SummaryPanel';
import { TrainingPanel } from './training/TrainingPanel';
import { BoundaryPanel } from './boundary/BoundaryPanel';
import { DiagnosticsPanel } from './diagnostics/DiagnosticsPanel';
import { useUiStore, type BottomTab } from '../store/ui';
import { useGraphAnalysis } from '../store/analysis';
import { DOCK_TABS } from '../layout/tabs';
import { togglePane, useLayoutStore } from '../layout/store';

const BODIES: Record<BottomTab, () => ReactNode> = {
  data: () => <DataPanel />,
  summary: () => <SummaryPanel />,
  training: () => <TrainingPanel />,
  boundary: () => <BoundaryPanel />,
  diagnostics: () => <DiagnosticsPanel />,
  problems: () => <ProblemsPanel />,
};

export function BottomPanel() {
  const tab = useUiStore((s) => s.bottomTab);
  const showTab = useUiStore((s) => s.showTab);
  const side = useLayoutStore((s) => s.dockSide);
  const problems = useGraphAnalysis().problems.length;
  const label = (id: BottomTab, name: string) =>
    id === 'problems' && problems ? `${name} (${problems})` : name;
  const current = DOCK_TABS.find((t) => t.id === tab) ?? DOCK_TABS[0]!;
  const other = side === 'bottom' ? 'right' : 'bottom';
  return (
    <section className={`bottom dock-${side}`} aria-label="Data and model">
      <div className="dock-head">
        <div role="tablist" aria-label="Bottom panel" className="tabs">
          {DOCK_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              onClick={() => showTab(t.id)}
            >
              {label(t.id, t.label)}
            </button>
          ))}
        </div>
        <div className="dock-actions" role="group" aria-label="Dock">
          <button
            type="button"
            aria-label={other === 'right' ? 'Dock on the right' : 'Dock at the bottom'}
            title={
              other === 'right'
                ? 'Move this panel to the right of the canvas'
                : 'Move this panel below the canvas'
            }
            onClick={() => useLayoutStore.getState().setDockSide(other)}
          >
            {other === 'right' ? '⇥' : '⤓'}
          </button>
          <button
            type="button"
            aria-label="Hide the dock"
            title="Hide this panel (the strip left behind brings it back)"
            onClick={() => togglePane('dock')}
          >
            {side === 'bottom' ? '▾' : '▸'}
          </button>
        </div>
      </div>
      <div role="tabpanel" aria-label={label(current.id, current.label)} className="tab-body">
        {BODIES[current.id]()}
      </div>
    </section>
  );
}
