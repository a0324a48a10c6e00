import { useCallback, useEffect, useMemo } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { LayerKind } from '../../engine/graph/document';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../panels/Palette';
import { Toolbar } from '../panels/Toolbar';
import { Inspector } from '../panels/Inspector';
import { BottomPanel } from '../panels/BottomPanel';
import { FilePicker } from '../panels/FilePicker';
import { Notices } from '../panels/Notices';
import { undo, useGraphStore } from '../store/graph';
import { freeSpot } from '../canvas/placement';
import { laidOutTemplate, TEMPLATES } from '../canvas/templates';
import { requestFit } from '../canvas/fitRequest';
import { useCanvasClipboard } from '../canvas/useCanvasClipboard';
import { useDataStore } from '../store/data';
import { isTraining, useTrainingStore } from '../store/training';
import { useUiStore } from '../store/ui';
import { PlatformContext, type RendererPlatform } from './platform';
import { AUTOSAVE_MS, projectActions } from './projectFiles';
import { isDirty, useDirty, useProjectStore } from '../store/project';
import { RecoveryDialog } from '../panels/RecoveryDialog';
import { openDropped } from '../panels/data/actions';
import { CommandsContext, useAppCommands } from '../commands/useAppCommands';
import { useShortcuts } from '../commands/useShortcuts';
import { CommandPalette } from '../commands/CommandPalette';
import { ConnectMode } from '../commands/ConnectMode';
import { ExportDialog } from '../panels/models/ExportDialog';
import { CompareDialog } from '../panels/compare/CompareDialog';
import { LessonsPanel } from '../panels/lessons/LessonsPanel';
import { Workspace } from '../layout/Workspace';
import { Start } from '../panels/start/Start';

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
  const { screenToFlowPosition } = useReactFlow();

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

  const applyTemplate = useCallback((id: string) => {
    const template = TEMPLATES.find((t) => t.id === id);
    if (!template) return;
    const before = useGraphStore.getState().graph;
    useGraphStore
      .getState()
      .replaceGraph(laidOutTemplate(template, useDataStore.getState().shape?.classes ?? null));
    requestFit();
    // Replacing is one undo step: say so, with the Undo at hand, rather than ask first.
    // (Unless the edit was refused, e.g. while training: the store said why.)
    if (before.nodes.length > 0 && useGraphStore.getState().graph !== before)
      useUiStore
        .getState()
        .notify(
          `“${template.name}” replaced your network. Undo to get your network back.`,
          'info',
          undefined,
          {
            label: 'Undo',
            run: () => {
              undo();
              requestFit();
            },
          },
        );
  }, []);

  const commands = useAppCommands(platform, files, addInView);
  useShortcuts(commands);

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
    () => platform.api.on('menu:command', ({ command }) => commands.run(command)),
    [platform.api, commands],
  );

  return (
    <CommandsContext.Provider value={commands}>
      <div className="app" data-theme={theme}>
        <Toolbar
          files={files}
          onFit={() => commands.run('view:fit')}
          onLayout={() => commands.run('view:layout')}
          onTemplate={applyTemplate}
        />
        <Workspace
          palette={<Palette onAdd={addInView} />}
          canvas={
            <main className="main-area">
              <Canvas />
            </main>
          }
          inspector={<Inspector />}
          dock={<BottomPanel />}
        />
        {/* Before the picker: its folder choice opens above the dialog. */}
        <ExportDialog />
        <CompareDialog />
        <LessonsPanel />
        <Start />
        <FilePicker />
        <Notices />
        <RecoveryDialog />
        <CommandPalette />
        <ConnectMode />
      </div>
    </CommandsContext.Provider>
  );
}
