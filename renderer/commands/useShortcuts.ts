/**
 * The page's keyboard shortcuts, read from the command table. In the desktop app the native
 * menu's accelerators handle their own keys, so the page takes only the keys the menu leaves
 * to it; in browser mode (no native menu) the page handles them all.
 */
import { useEffect } from 'react';
import { commandForKey, type CommandId, type CommandSpec } from '../../electron/contract/commands';
import { isTextField } from '../src/dom';
import { useUiStore } from '../store/ui';
import type { AppCommands } from './useAppCommands';
import { useCommandUi } from './state';

// Reasons worth saying when a shortcut cannot run; Undo with nothing to undo just does nothing.
const EXPLAINED = new Set<string>(['edit:connect', 'training:train']);

export function useShortcuts(commands: AppCommands): void {
  useEffect(() => {
    const mode = { mac: commands.mac, browser: commands.browser };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      // The palette and the keyboard connection take the keys while they are open.
      const ui = useCommandUi.getState();
      if (ui.palette || ui.connecting) return;
      const spec: CommandSpec | undefined = commandForKey(e, mode);
      if (!spec) return;
      if (!commands.browser && !spec.keyOwner) return;
      const plain = !(e.ctrlKey || e.metaKey || e.altKey) && !/^F\d+$/.test(e.key);
      // In a text field, typing and the field's own editing keys win; app-wide shortcuts run.
      if (isTextField(e.target) && (spec.menu === 'edit' || plain)) return;
      e.preventDefault();
      const id = spec.id as CommandId;
      const reason = commands.why(id);
      if (reason) {
        if (EXPLAINED.has(id)) useUiStore.getState().notify(reason, 'error');
        return;
      }
      commands.run(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
}
