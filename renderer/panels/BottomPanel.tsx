/** The bottom area: data and problems with the network (training joins it later). */
import { useState, type ReactNode } from 'react';
import { DataPanel } from './DataPanel';
import { ProblemsPanel } from './ProblemsPanel';

const TABS = [
  { id: 'data', label: 'Data' },
  { id: 'problems', label: 'Problems' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function BottomPanel() {
  const [tab, setTab] = useState<TabId>('data');
  const panels: Record<TabId, ReactNode> = { data: <DataPanel />, problems: <ProblemsPanel /> };
  return (
    <section className="bottom" aria-label="Data and training">
      <div role="tablist" aria-label="Bottom panel" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label} className="tab-body">
        {panels[tab]}
      </div>
    </section>
  );
}
