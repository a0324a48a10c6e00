/** The bottom area: the data, the model summary and the network's problems. */
import type { ReactNode } from 'react';
import { DataPanel } from './DataPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { SummaryPanel } from './SummaryPanel';
import { TrainingPanel } from './training/TrainingPanel';
import { BoundaryPanel } from './boundary/BoundaryPanel';
import { DiagnosticsPanel } from './diagnostics/DiagnosticsPanel';
import { useUiStore, type BottomTab } from '../store/ui';
import { useGraphAnalysis } from '../store/analysis';

export function BottomPanel() {
  const tab = useUiStore((s) => s.bottomTab);
  const showTab = useUiStore((s) => s.showTab);
  const problems = useGraphAnalysis().problems.length;
  const tabs: { id: BottomTab; label: string; body: ReactNode }[] = [
    { id: 'data', label: 'Data', body: <DataPanel /> },
    { id: 'summary', label: 'Summary', body: <SummaryPanel /> },
    { id: 'training', label: 'Training', body: <TrainingPanel /> },
    { id: 'boundary', label: 'Boundary', body: <BoundaryPanel /> },
    { id: 'diagnostics', label: 'Diagnostics', body: <DiagnosticsPanel /> },
    {
      id: 'problems',
      label: problems ? `Problems (${problems})` : 'Problems',
      body: <ProblemsPanel />,
    },
  ];
  const current = tabs.find((t) => t.id === tab) ?? tabs[0]!;
  return (
    <section className="bottom" aria-label="Data and model">
      <div role="tablist" aria-label="Bottom panel" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => showTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={current.label} className="tab-body">
        {current.body}
      </div>
    </section>
  );
}
