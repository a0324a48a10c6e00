import { useStore } from 'zustand';
import { useGraphStore, undo, redo } from '../store/graph';
import { useUiStore } from '../store/ui';
import { usePlatform } from '../src/platform';
import { TEMPLATES } from '../canvas/templates';
import type { ProjectActions } from '../src/projectFiles';
import { useRecentProjects } from '../src/useRecentProjects';
import { useDirty, useProjectStore } from '../store/project';
import { MenuBar } from '../commands/MenuBar';
import { useShortcutHint } from '../commands/useAppCommands';
import { importModelFile } from './models/importModel';
import { useModelsUi } from './models/store';
import { TrainingStatus } from '../layout/TrainingStatus';

export interface ToolbarActions {
  files: ProjectActions;
  onFit(): void;
  onLayout(): void;
  onTemplate(id: string): void;
}

/** Browser mode: recently opened or saved projects of this workspace (the desktop app has File ▸ Open Recent). */
function RecentProjects({
  workspace,
  onOpen,
}: {
  workspace: string | null;
  onOpen(path: string): void;
}) {
  const list = useRecentProjects(workspace);
  if (!list.length) return null;
  return (
    <select
      aria-label="Open a recent project"
      value=""
      onChange={(e) => {
        if (e.target.value) onOpen(e.target.value);
      }}
    >
      <option value="">Recent…</option>
      {list.map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </select>
  );
}

export function Toolbar({ files, onFit, onLayout, onTemplate }: ToolbarActions) {
  const dirty = useDirty();
  const name = useProjectStore((s) => s.name);
  const canUndo = useStore(useGraphStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useGraphStore.temporal, (s) => s.futureStates.length > 0);
  const hasNodes = useGraphStore((s) => s.graph.nodes.length > 0);
  const theme = useUiStore((s) => s.theme);
  const platform = usePlatform();
  const { info } = platform;
  // Tooltips name each command's shortcut on this platform, from the command table.
  const keys = useShortcutHint();
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand">Layerlab</span>
      {info.mode === 'browser' && <MenuBar />}
      <span
        className="doc-name"
        title={dirty ? 'Unsaved changes' : 'Saved'}
        aria-label={`Project ${name}${dirty ? ', unsaved changes' : ''}`}
      >
        {name}
        {dirty ? ' ●' : ''}
      </span>
      <button
        type="button"
        onClick={() => void files.newProject()}
        title={`New project${keys('file:new')}`}
      >
        New
      </button>
      <button
        type="button"
        onClick={() => void files.open()}
        title={`Open a project${keys('file:open')}`}
      >
        Open…
      </button>
      <button type="button" onClick={() => void files.save()} title={`Save${keys('file:save')}`}>
        Save
      </button>
      {/* Save As… and Share… live in the File menu (and Ctrl+K): the toolbar keeps the frequent
          commands, so that it stays on one line with the run's controls at 1600 px. */}
      <button
        type="button"
        onClick={() => void importModelFile(platform)}
        aria-label="Import model…"
        title="Import a TF.js, Keras or ONNX model as the network"
      >
        Import…
      </button>
      <button
        type="button"
        onClick={() => useModelsUi.getState().openExport()}
        title="Export the trained model to ONNX, TF.js, PyTorch or Keras"
      >
        Export…
      </button>
      {info.mode === 'browser' && (
        <RecentProjects workspace={info.workspace} onOpen={(p) => void files.openPath(p)} />
      )}
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
        title={`Undo${keys('edit:undo')}`}
      >
        ↶
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!canRedo}
        aria-label="Redo"
        title={`Redo${keys('edit:redo')}`}
      >
        ↷
      </button>
      <span className="sep" />
      <button
        type="button"
        onClick={onLayout}
        disabled={!hasNodes}
        title={`Arrange the network top to bottom${keys('view:layout')}`}
      >
        Auto-layout
      </button>
      <button
        type="button"
        onClick={onFit}
        title={`Fit the network to the window${keys('view:fit')}`}
      >
        Fit view
      </button>
      <button
        type="button"
        onClick={() => useUiStore.getState().toggleTheme()}
        aria-label={theme === 'light' ? 'Dark theme' : 'Light theme'}
        title={theme === 'light' ? 'Dark theme' : 'Light theme'}
      >
        {theme === 'light' ? '☾' : '☀'}
      </button>
      <span className="sep" />
      <TrainingStatus />
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
