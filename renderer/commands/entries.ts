/** What the command palette offers: every command of the table, plus adding and selecting nodes. */
import {
  COMMANDS,
  MENU_TITLES,
  keysOf,
  shortcutLabel,
  type CommandId,
  type CommandSpec,
} from '../../electron/contract/commands';
import { LAYER_KINDS, LAYER_LABELS, type Graph } from '../../engine/graph/document';
import { useGraphStore } from '../store/graph';
import type { AppCommands } from './useAppCommands';

export interface PaletteEntry {
  key: string;
  label: string;
  group: string;
  shortcut?: string;
  hint?: string;
  /** Why it cannot run now; the entry is shown greyed with this. */
  disabled: string | null;
  run(): void;
}

export function paletteEntries(commands: AppCommands, graph: Graph): PaletteEntry[] {
  const mode = { mac: commands.mac, browser: commands.browser };
  const table = (COMMANDS as readonly CommandSpec[]).map((spec): PaletteEntry => {
    const id = spec.id as CommandId;
    const keys = keysOf(spec, mode);
    return {
      key: id,
      label: spec.label,
      group: MENU_TITLES[spec.menu],
      ...(keys ? { shortcut: shortcutLabel(keys, mode.mac) } : {}),
      ...(spec.hint ? { hint: spec.hint } : {}),
      disabled: commands.why(id),
      run: () => commands.run(id),
    };
  });
  const lock = useGraphStore.getState().lock;
  const add = LAYER_KINDS.map((kind): PaletteEntry => ({
    key: `add:${kind}`,
    label: `Add ${LAYER_LABELS[kind]}`,
    group: 'Layers',
    hint: 'Placed in view and selected',
    disabled: lock,
    run: () => commands.addNode(kind),
  }));
  const select = graph.nodes.map((n): PaletteEntry => ({
    key: `select:${n.id}`,
    label: `Select ${n.id} (${LAYER_LABELS[n.kind]})`,
    group: 'Nodes',
    disabled: null,
    run: () => useGraphStore.getState().select([n.id]),
  }));
  return [...table, ...add, ...select];
}
