/**
 * What each command of the table does in this window, and why it is unavailable when it is.
 * One runner serves the native menu, the browser menu bar, the palette and the shortcuts.
 */
import { createContext, useCallback, useContext, useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import {
  commandById,
  keysOf,
  shortcutLabel,
  type CommandId,
} from '../../electron/contract/commands';
import type { LayerKind } from '../../engine/graph/document';
import { useGraphStore, undo, redo } from '../store/graph';
import { useUiStore } from '../store/ui';
import { autoLayout } from '../canvas/layout';
import { useWeightEdges } from '../canvas/weightEdges';
import { copyNodes, hasCopiedNodes, pasteNodes } from '../canvas/useCanvasClipboard';
import type { ProjectActions } from '../src/projectFiles';
import type { RendererPlatform } from '../src/platform';
import { isTextField } from '../src/dom';
import { connectStart } from './connect';
import { useCommandUi } from './state';
import { controlBlocker, controlTraining, startTraining, trainBlocker } from './training';
import { importModelFile } from '../panels/models/importModel';
import { useModelsUi } from '../panels/models/store';
import { useLessonsUi } from '../panels/lessons/store';
import { togglePane, useLayoutStore } from '../layout/store';
import { useStartUi } from '../panels/start/store';
import { beginTour } from '../panels/start/tourState';
import { compareBlocker, useCompareUi } from '../panels/compare/store';

export interface AppCommands {
  run(id: CommandId): void;
  /** Why the command cannot run now (shown greyed with this reason), or null. */
  why(id: CommandId): string | null;
  addNode(kind: LayerKind): void;
  mac: boolean;
  browser: boolean;
}

export const CommandsContext = createContext<AppCommands | null>(null);

export function useCommands(): AppCommands {
  const c = useContext(CommandsContext);
  if (!c) throw new Error('useCommands outside CommandsContext');
  return c;
}

// Commands that change the network: refused, with the reason, while it is locked (training).
const EDITS = new Set<CommandId>([
  'edit:cut',
  'edit:paste',
  'edit:duplicate',
  'edit:delete',
  'edit:connect',
  'edit:undo',
  'edit:redo',
]);

function selectedNodes(): number {
  const { graph, selected } = useGraphStore.getState();
  const sel = new Set(selected);
  return graph.nodes.filter((n) => sel.has(n.id)).length;
}

function why(id: CommandId): string | null {
  const store = useGraphStore.getState();
  const history = useGraphStore.temporal.getState();
  if (EDITS.has(id) && store.lock) return store.lock;
  switch (id) {
    case 'edit:undo':
      return history.pastStates.length ? null : 'Nothing to undo.';
    case 'edit:redo':
      return history.futureStates.length ? null : 'Nothing to redo.';
    case 'edit:cut':
    case 'edit:copy':
    case 'edit:duplicate':
      return selectedNodes() ? null : 'Select a node first.';
    case 'edit:delete':
      return store.selected.length ? null : 'Select a node or a connection first.';
    case 'edit:paste':
      return hasCopiedNodes() ? null : 'Copy a node first.';
    case 'edit:selectAll':
    case 'view:layout':
      return store.graph.nodes.length ? null : 'The canvas is empty.';
    case 'edit:connect': {
      const start = connectStart(store.graph, store.selected);
      return 'problem' in start ? start.problem : null;
    }
    case 'view:dockRight':
    case 'view:dockBottom':
      return useLayoutStore.getState().dockSide === (id === 'view:dockRight' ? 'right' : 'bottom')
        ? `The dock is already ${id === 'view:dockRight' ? 'on the right' : 'at the bottom'}.`
        : null;
    case 'training:train':
      return trainBlocker();
    case 'training:pause':
      return controlBlocker('pause');
    case 'training:resume':
      return controlBlocker('resume');
    case 'training:stop':
      return controlBlocker('stop');
    case 'training:compare':
      return compareBlocker();
    default:
      return null;
  }
}

/** In a text field, Undo, Redo and Select All mean the field's own. */
const TEXT_ACTIONS: Partial<Record<CommandId, string>> = {
  'edit:undo': 'undo',
  'edit:redo': 'redo',
  'edit:selectAll': 'selectAll',
};

export function useAppCommands(
  platform: RendererPlatform,
  files: ProjectActions,
  addNode: (kind: LayerKind) => void,
): AppCommands {
  const { fitView, getNodes } = useReactFlow();
  const browser = platform.info.mode === 'browser';
  // In browser mode the keyboard is the browser's machine's, not the host's.
  const mac = browser
    ? /Mac|iPhone|iPad/.test(navigator.platform)
    : platform.info.platform === 'darwin';
  const paletteKeys = shortcutLabel(keysOf(commandById('help:palette'), { mac, browser })!, mac);

  const fit = useCallback(() => void fitView({ maxZoom: 1, duration: 200 }), [fitView]);

  const layout = useCallback(() => {
    const sizes = new Map<string, { width: number; height: number }>();
    for (const n of getNodes())
      if (n.measured?.width && n.measured.height)
        sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
    useGraphStore.getState().moveNodes(autoLayout(useGraphStore.getState().graph, sizes));
    // Fit once React Flow has the new positions.
    requestAnimationFrame(fit);
  }, [getNodes, fit]);

  const run = useCallback(
    (id: CommandId) => {
      const store = useGraphStore.getState();
      const text = TEXT_ACTIONS[id];
      if (text && isTextField(document.activeElement)) {
        // execCommand is deprecated but still the only way to run a field's own undo/redo.
        document.execCommand(text);
        return;
      }
      const ui = useUiStore.getState();
      const notifyError = (message: string | null) => message && ui.notify(message, 'error');
      switch (id) {
        case 'file:new':
        case 'file:close':
          // Closing the document leaves an empty, untitled one (asking first when unsaved).
          return void files.newProject();
        case 'file:open':
          return void files.open();
        case 'file:save':
          return void files.save();
        case 'file:saveAs':
          return void files.saveAs();
        case 'file:share':
          return void files.share();
        case 'file:importModel':
          return void importModelFile(platform);
        case 'file:export':
          return useModelsUi.getState().openExport();
        case 'edit:undo':
          return undo();
        case 'edit:redo':
          return redo();
        case 'edit:cut':
          return copyNodes(true);
        case 'edit:copy':
          return copyNodes();
        case 'edit:paste':
          return pasteNodes();
        case 'edit:duplicate':
          return void store.duplicateSelected();
        case 'edit:delete':
          return store.removeSelected();
        case 'edit:selectAll':
          return store.selectAll();
        case 'edit:connect': {
          const start = connectStart(store.graph, store.selected);
          if ('problem' in start) return notifyError(start.problem);
          return useCommandUi.getState().startConnecting({ ...start, index: 0 });
        }
        case 'view:layout':
          return layout();
        case 'view:fit':
          return fit();
        case 'view:toggleTheme':
          return ui.toggleTheme();
        case 'view:togglePalette':
          return togglePane('palette');
        case 'view:toggleInspector':
          return togglePane('inspector');
        case 'view:toggleDock':
          return togglePane('dock');
        case 'view:dockRight':
          return useLayoutStore.getState().setDockSide('right');
        case 'view:dockBottom':
          return useLayoutStore.getState().setDockSide('bottom');
        case 'view:edgesByWeight':
          return useWeightEdges.getState().toggle();
        case 'training:train': {
          const blocked = trainBlocker();
          if (blocked) return notifyError(blocked);
          ui.showTab('training');
          return void startTraining(platform.api).then(notifyError);
        }
        case 'training:pause':
        case 'training:resume':
        case 'training:stop': {
          const action =
            id === 'training:pause' ? 'pause' : id === 'training:resume' ? 'resume' : 'stop';
          return void controlTraining(platform.api, action);
        }
        case 'training:compare':
          return useCompareUi.getState().open();
        case 'help:palette':
          return useCommandUi.getState().openPalette();
        case 'help:start':
          return useStartUi.getState().show();
        case 'help:tour':
          return beginTour();
        case 'help:lessons':
          return useLessonsUi.getState().openList();
        case 'help:about':
          return ui.notify(
            `Layerlab ${platform.info.version}: design, train and understand small neural networks. The command palette (${paletteKeys}) lists every command.`,
          );
      }
    },
    [files, fit, layout, platform, paletteKeys],
  );

  return useMemo(() => ({ run, why, addNode, mac, browser }), [run, addNode, mac, browser]);
}

/** " (Ctrl+O)" for a command with a shortcut here, "" otherwise: for tooltips. */
export function useShortcutHint(): (id: CommandId) => string {
  const { mac, browser } = useCommands();
  return useCallback(
    (id: CommandId) => {
      const keys = keysOf(commandById(id), { mac, browser });
      return keys ? ` (${shortcutLabel(keys, mac)})` : '';
    },
    [mac, browser],
  );
}
