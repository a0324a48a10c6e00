import { useCallback, useEffect, useMemo } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { LayerKind } from '../../engine/graph/document';
import type { MenuCommand } from '../../electron/contract';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../panels/Palette';
import { Toolbar } from '../panels/Toolbar';
import { Inspector } from '../panels/Inspector';
import { BottomPanel } from '../panels/BottomPanel';
import { FilePicker } from '../panels/FilePicker';
import { Notices } from '../panels/Notices';
import { useGraphStore, undo, redo } from '../store/graph';
import { freeSpot } from '../canvas/placement';
import { autoLayout } from '../canvas/layout';
import { TEMPLATES } from '../canvas/templates';
import { useCanvasClipboard } from '../canvas/useCanvasClipboard';
import { useDataStore } from '../store/data';
import { isTraining, useTrainingStore } from '../store/training';
import { useUiStore } from '../store/ui';
import { PlatformContext, type RendererPlatform } from './platform';
import { isTextField } from './dom';
import { AUTOSAVE_MS, projectActions } from './projectFiles';
import { isDirty, useDirty, useProjectStore } from '../store/project';
import { RecoveryDialog } from '../panels/RecoveryDialog';
import { openDropped } from '../panels/data/actions';
import { ExportDialog } from '../panels/models/ExportDialog';
import { importModelFile } from '../panels/models/importModel';
import { useModelsUi } from '../panels/models/store';

export function App({ platform }: { platform: RendererPlatform }) {
  return (
    <PlatformContext.Provider value={platform}>
      <ReactFlowProvider>
        <Shell platform={platform} />
      </ReactFlowProvider>
    </PlatformContext.Provider>
  );
}

function Shell({ platform }: { platform: RendererPlatform }) {
  const theme = useUiStore((s) => s.theme);
  const { fitView, screenToFlowPosition, getNodes } = useReactFlow();

  const addInView = useCallback(
    (kind: LayerKind) => {
      const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
      const centre = canvas
        ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
        : { x: 400, y: 300 };
      const graph = useGraphStore.getState().graph;
      useGraphStore.getState().addNode(kind, freeSpot(graph, screenToFlowPosition(centre)));
    },
    [screenToFlowPosition],
  );

  const files = useMemo(() => projectActions(platform), [platform]);
  const dirty = useDirty();
  const projectName = useProjectStore((s) => s.name);

  // The title says which document this is and whether it has unsaved changes.
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${projectName} — Layerlab${platform.info.mode === 'browser' ? ' (browser)' : ''}`;
  }, [dirty, projectName, platform.info.mode]);

  // Autosave to the recovery folder every 30 s while there are unsaved changes; warn on leaving.
  useEffect(() => {
    const timer = setInterval(() => void files.autosave(), AUTOSAVE_MS);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty()) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [files]);

  // Files dropped anywhere on the window: a project opens, anything else is a dataset.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!hasFiles(e) || !file) return;
      e.preventDefault();
      if (file.name.toLowerCase().endsWith('.layerlab')) void files.openDropped(file);
      else {
        useUiStore.getState().showTab('data');
        void openDropped(platform.api, file);
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [files, platform.api]);

  // A file the OS asked us to open (command line, file association, second instance).
  useEffect(
    () => platform.api.on('app:openFile', ({ path }) => void files.openPath(path)),
    [platform.api, files],
  );

  const layout = useCallback(() => {
    const sizes = new Map<string, { width: number; height: number }>();
    for (const n of getNodes())
      if (n.measured?.width && n.measured.height)
        sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    useGraphStore.getState().moveNodes(autoLayout(useGraphStore.getState().graph, sizes));
    // Fit once React Flow has the new positions.
    requestAnimationFrame(() => void fitView({ maxZoom: 1, duration: 200 }));
  }, [getNodes, fitView]);

  const applyTemplate = useCallback(
    (id: string) => {
      const template = TEMPLATES.find((t) => t.id === id);
      if (!template) return;
      const graph = template.build(useDataStore.getState().shape?.classes ?? null);
      const at = new Map(autoLayout(graph).map((m) => [m.id, m]));
      useGraphStore.getState().replaceGraph({
        ...graph,
        nodes: graph.nodes.map((n) => ({
          ...n,
          position: { x: at.get(n.id)!.x, y: at.get(n.id)!.y },
        })),
      });
      requestAnimationFrame(() => void fitView({ maxZoom: 1, duration: 200 }));
    },
    [fitView],
  );

  const run = useCallback(
    (command: MenuCommand) => {
      const store = useGraphStore.getState();
      switch (command) {
        case 'edit:undo':
          return undo();
        case 'edit:redo':
          return redo();
        case 'edit:delete':
          return store.removeSelected();
        case 'edit:selectAll':
          return store.selectAll();
        case 'view:fit':
          return void fitView({ maxZoom: 1, duration: 200 });
        case 'view:toggleTheme':
          return useUiStore.getState().toggleTheme();
        case 'file:new':
          return void files.newProject();
        case 'help:about':
          return useUiStore
            .getState()
            .notify(
              `Layerlab ${platform.info.version}: design, train and understand small neural networks.`,
            );
        case 'file:open':
          return void files.open();
        case 'file:save':
          return void files.save();
        case 'file:saveAs':
          return void files.saveAs();
        case 'file:share':
          return void files.share();
        case 'file:export':
          return useModelsUi.getState().openExport();
        case 'file:importModel':
          return void importModelFile(platform);
        case 'file:close':
          // Closing the document leaves an empty, untitled one (asking first when unsaved).
          return void files.newProject();
      }
    },
    [fitView, files, platform],
  );

  useCanvasClipboard();

  // Training progress and results arrive as contract events.
  useEffect(() => {
    const offs = [
      platform.api.on('training:progress', (p) => useTrainingStore.getState().progress(p)),
      platform.api.on('training:done', (d) => useTrainingStore.getState().finish(d)),
    ];
    return () => offs.forEach((off) => off());
  }, [platform.api]);

  // The network cannot change under a running training.
  useEffect(
    () =>
      useTrainingStore.subscribe((s) => {
        const reason = isTraining(s)
          ? 'The network is training: stop the training to change it.'
          : null;
        if (useGraphStore.getState().lock !== reason) useGraphStore.getState().setLock(reason);
      }),
    [],
  );

  // Native menu commands (desktop) arrive as contract events.
  useEffect(
    () => platform.api.on('menu:command', ({ command }) => run(command)),
    [platform.api, run],
  );

  // Keyboard shortcuts of the Edit menu, for browser mode (in Electron the menu's accelerators win).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      // Save and Open work from anywhere; the editing shortcuts leave text fields alone.
      if (key === 's' || key === 'o') {
        e.preventDefault();
        return run(key === 'o' ? 'file:open' : e.shiftKey ? 'file:saveAs' : 'file:save');
      }
      if (isTextField(e.target)) return;
      if (key === 'z' && !e.shiftKey) run('edit:undo');
      else if (key === 'y' || (key === 'z' && e.shiftKey)) run('edit:redo');
      else if (key === 'a') run('edit:selectAll');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  return (
    <div className="app" data-theme={theme}>
      <Toolbar
        files={files}
        onFit={() => run('view:fit')}
        onLayout={layout}
        onTemplate={applyTemplate}
      />
      <Palette onAdd={addInView} />
      <main className="main-area">
        <Canvas />
      </main>
      <Inspector />
      <BottomPanel />
      {/* Before the picker: its folder choice opens above the dialog. */}
      <ExportDialog />
      <FilePicker />
      <Notices />
      <RecoveryDialog />
    </div>
  );
}
