import { useStore } from 'zustand';
import { useGraphStore, undo, redo } from '../store/graph';
import { useUiStore } from '../store/ui';
import { usePlatform } from '../src/platform';
import { TEMPLATES } from '../canvas/templates';
import type { ProjectActions } from '../src/projectFiles';
import { useDirty, useProjectStore } from '../store/project';

export interface ToolbarActions {
  files: ProjectActions;
  onFit(): void;
  onLayout(): void;
  onTemplate(id: string): void;
}

export function Toolbar({ files, onFit, onLayout, onTemplate }: ToolbarActions) {
  const dirty = useDirty();
  const name = useProjectStore((s) => s.name);
  const canUndo = useStore(useGraphStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useGraphStore.temporal, (s) => s.futureStates.length > 0);
  const hasNodes = useGraphStore((s) => s.graph.nodes.length > 0);
  const theme = useUiStore((s) => s.theme);
  const { info } = usePlatform();
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand">Layerlab</span>
      <span
        className="doc-name"
        title={dirty ? 'Unsaved changes' : 'Saved'}
        aria-label={`Project ${name}${dirty ? ', unsaved changes' : ''}`}
      >
        {name}
        {dirty ? ' ●' : ''}
      </span>
      <button type="button" onClick={() => void files.newProject()}>
        New
      </button>
      <button type="button" onClick={() => void files.open()} title="Open a project (Ctrl+O)">
        Open…
      </button>
      <button type="button" onClick={() => void files.save()} title="Save (Ctrl+S)">
        Save
      </button>
      <button type="button" onClick={() => void files.saveAs()} title="Save as (Ctrl+Shift+S)">
        Save As…
      </button>
      <select
        aria-label="Start from a template"
        value=""
        onChange={(e) => {
          if (e.target.value) onTemplate(e.target.value);
        }}
      >
        <option value="">Templates…</option>
        {TEMPLATES.map((t) => (
          <option key={t.id} value={t.id} title={t.description}>
            {t.name}
          </option>
        ))}
      </select>
      <span className="sep" />
      <button
        type="button"
        onClick={undo}
        disabled={!canUndo}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!canRedo}
        aria-label="Redo"
        title="Redo (Ctrl+Y)"
      >
        ↷ Redo
      </button>
      <span className="sep" />
      <button
        type="button"
        onClick={onLayout}
        disabled={!hasNodes}
        title="Arrange the network top to bottom"
      >
        Auto-layout
      </button>
      <button type="button" onClick={onFit} title="Fit the network to the window">
        Fit view
      </button>
      <button
        type="button"
        onClick={() => useUiStore.getState().toggleTheme()}
        aria-label={theme === 'light' ? 'Dark theme' : 'Light theme'}
      >
        {theme === 'light' ? '☾ Dark' : '☀ Light'}
      </button>
      <span className="grow" />
      <span className="mode" title={info.workspace ?? undefined}>
        {info.mode === 'browser'
          ? `Browser mode · workspace ${info.workspace ?? ''}`
          : `Desktop · ${info.platform}`}{' '}
        · v{info.version}
      </span>
    </header>
  );
}
