/**
 * Every command of the app, declared once: its label, the menu it belongs to and its shortcut.
 * The native menu (electron/menu.ts), the browser-mode menu bar, the command palette and the
 * page's keyboard handler all read this table, so a shortcut is defined in one place.
 *
 * Shortcuts are written platform-neutrally: "Mod" is Cmd on macOS and Ctrl elsewhere.
 */

export const COMMAND_MENUS = ['file', 'edit', 'view', 'training', 'help'] as const;
export type CommandMenu = (typeof COMMAND_MENUS)[number];

export const MENU_TITLES: Record<CommandMenu, string> = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  training: 'Training',
  help: 'Help',
};

export interface CommandSpec {
  id: string;
  label: string;
  menu: CommandMenu;
  /** The shortcut ("Mod+Shift+S"); macKeys replaces it on macOS. */
  keys?: string;
  macKeys?: string;
  /** Browsers keep some shortcuts for themselves (Ctrl+N, Ctrl+W): browser mode uses these. */
  browserKeys?: string;
  /** More shortcuts the page accepts (not shown in menus). */
  alsoKeys?: string[];
  /**
   * Who handles the key: 'native' = the system clipboard events or the canvas (Delete), so the
   * page's command handler leaves it alone; 'page' = a plain key that must not become a global
   * accelerator (it would swallow typing in text fields), shown in the native menu only.
   */
  keyOwner?: 'native' | 'page';
  /** Handled by Electron itself in the native menu (the system clipboard). */
  role?: 'cut' | 'copy' | 'paste';
  /** Starts a new section of its menu. */
  separatorBefore?: boolean;
  /** Shown in the command palette below the label. */
  hint?: string;
}

export const COMMANDS = [
  { id: 'file:new', label: 'New', menu: 'file', keys: 'Mod+N', browserKeys: 'Alt+N' },
  { id: 'file:open', label: 'Open…', menu: 'file', keys: 'Mod+O' },
  { id: 'file:save', label: 'Save', menu: 'file', keys: 'Mod+S', separatorBefore: true },
  { id: 'file:saveAs', label: 'Save As…', menu: 'file', keys: 'Mod+Shift+S' },
  {
    id: 'file:share',
    label: 'Share…',
    menu: 'file',
    hint: 'Write a copy with the dataset inside, to send to someone',
  },
  {
    id: 'file:importModel',
    label: 'Import model…',
    menu: 'file',
    separatorBefore: true,
    hint: 'A TF.js, Keras or ONNX feed-forward model as a network on the canvas',
  },
  {
    id: 'file:export',
    label: 'Export…',
    menu: 'file',
    hint: 'The trained model as ONNX, TF.js, Keras or PyTorch, with its preprocessing',
  },
  {
    id: 'file:close',
    label: 'Close',
    menu: 'file',
    keys: 'Mod+W',
    browserKeys: 'Alt+W',
    separatorBefore: true,
  },
  { id: 'edit:undo', label: 'Undo', menu: 'edit', keys: 'Mod+Z' },
  {
    id: 'edit:redo',
    label: 'Redo',
    menu: 'edit',
    keys: 'Ctrl+Y',
    macKeys: 'Cmd+Shift+Z',
    alsoKeys: ['Ctrl+Shift+Z'],
  },
  {
    id: 'edit:cut',
    label: 'Cut',
    menu: 'edit',
    keys: 'Mod+X',
    keyOwner: 'native',
    role: 'cut',
    separatorBefore: true,
  },
  { id: 'edit:copy', label: 'Copy', menu: 'edit', keys: 'Mod+C', keyOwner: 'native', role: 'copy' },
  {
    id: 'edit:paste',
    label: 'Paste',
    menu: 'edit',
    keys: 'Mod+V',
    keyOwner: 'native',
    role: 'paste',
  },
  { id: 'edit:duplicate', label: 'Duplicate', menu: 'edit', keys: 'Mod+D' },
  { id: 'edit:delete', label: 'Delete', menu: 'edit', keys: 'Delete', keyOwner: 'native' },
  {
    id: 'edit:selectAll',
    label: 'Select All',
    menu: 'edit',
    keys: 'Mod+A',
    separatorBefore: true,
  },
  {
    id: 'edit:connect',
    label: 'Connect…',
    menu: 'edit',
    keys: 'C',
    keyOwner: 'page',
    hint: 'Wire the selected node to another: arrow keys choose, Enter connects',
  },
  {
    id: 'view:layout',
    label: 'Auto-layout',
    menu: 'view',
    keys: 'Mod+Shift+L',
    hint: 'Arrange the network top to bottom',
  },
  { id: 'view:fit', label: 'Fit Network to Window', menu: 'view', keys: 'Mod+Shift+F' },
  { id: 'view:toggleTheme', label: 'Toggle Dark Theme', menu: 'view' },
  {
    id: 'view:togglePalette',
    label: 'Show or Hide the Layers Palette',
    menu: 'view',
    separatorBefore: true,
  },
  { id: 'view:toggleInspector', label: 'Show or Hide the Inspector', menu: 'view' },
  {
    id: 'view:toggleDock',
    label: 'Show or Hide the Dock',
    menu: 'view',
    hint: 'The Data, Training, Boundary, … tabs',
  },
  {
    id: 'view:dockRight',
    label: 'Dock on the Right',
    menu: 'view',
    hint: 'The tabs beside the canvas: tall charts, a wide canvas',
  },
  {
    id: 'view:dockBottom',
    label: 'Dock at the Bottom',
    menu: 'view',
    hint: 'The tabs below the canvas: wide tables',
  },
  {
    id: 'view:edgesByWeight',
    label: 'Edges by Weight',
    menu: 'view',
    hint: 'Draw each trained Dense layer’s weights on its edge (blue +, orange −)',
  },
  { id: 'training:train', label: 'Train', menu: 'training', keys: 'Mod+Enter' },
  { id: 'training:pause', label: 'Pause Training', menu: 'training' },
  { id: 'training:resume', label: 'Resume Training', menu: 'training' },
  { id: 'training:stop', label: 'Stop Training', menu: 'training' },
  {
    id: 'training:compare',
    label: 'Compare Runs…',
    menu: 'training',
    separatorBefore: true,
    hint: 'Two runs or seed groups side by side: network, settings, curves, weights, numbers',
  },
  {
    id: 'help:palette',
    label: 'Command Palette…',
    menu: 'help',
    keys: 'Mod+K',
    hint: 'Find and run any command by name',
  },
  {
    id: 'help:start',
    label: 'Start Screen',
    menu: 'help',
    hint: 'Samples, templates, lessons and recent projects',
  },
  {
    id: 'help:tour',
    label: 'Guided Tour',
    menu: 'help',
    hint: 'Three steps: load a sample, build a network, train it',
  },
  {
    id: 'help:lessons',
    label: 'Lessons…',
    menu: 'help',
    hint: 'One small project per concept, with a guide',
  },
  { id: 'help:about', label: 'About Layerlab', menu: 'help', keys: 'F1' },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];
export const COMMAND_IDS = COMMANDS.map((c) => c.id) as [CommandId, ...CommandId[]];

export function commandById(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}

export type KeyMode = { mac: boolean; browser: boolean };

/** The shortcut shown for a command on this platform, in the table's notation. */
export function keysOf(spec: CommandSpec, mode: KeyMode): string | undefined {
  if (mode.mac && spec.macKeys) return spec.macKeys;
  if (mode.browser && spec.browserKeys) return spec.browserKeys;
  return spec.keys;
}

/** Electron's accelerator for a shortcut: "Mod" becomes CmdOrCtrl, the rest is already Electron's. */
export function toAccelerator(keys: string): string {
  return keys
    .split('+')
    .map((k) => (k === 'Mod' ? 'CmdOrCtrl' : k))
    .join('+');
}

const MAC_SYMBOLS: Record<string, string> = { Cmd: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };

/** A shortcut as people read it: "Ctrl+Shift+S" or, on macOS, "⇧⌘S". */
export function shortcutLabel(keys: string, mac: boolean): string {
  const parts = keys.split('+').map((k) => (k === 'Mod' ? (mac ? 'Cmd' : 'Ctrl') : k));
  if (!mac) return parts.join('+');
  const order = ['Ctrl', 'Alt', 'Shift', 'Cmd'];
  const mods = parts.slice(0, -1).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const key = parts.at(-1)!;
  return mods.map((m) => MAC_SYMBOLS[m] ?? m).join('') + (key === 'Enter' ? '↩' : key);
}

/** The parts of a key event a shortcut is matched on (a plain object, so it is testable). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press is this shortcut (letters match by the character typed). */
export function matchesKeys(keys: string, e: KeyPress, mac: boolean): boolean {
  const parts = keys.split('+');
  const want = parts.at(-1)!.toLowerCase();
  const has = (m: string) => parts.includes(m);
  const ctrl = has('Ctrl') || (!mac && has('Mod'));
  const meta = has('Cmd') || (mac && has('Mod'));
  if (e.ctrlKey !== ctrl || e.metaKey !== meta || e.altKey !== has('Alt')) return false;
  if (e.shiftKey !== has('Shift')) return false;
  const key = e.key.toLowerCase();
  if (key === want) return true;
  // With Alt (Option on macOS) the character changes ("å" for A): fall back to the key's place.
  return e.altKey && want.length === 1 && e.code.toLowerCase() === `key${want}`;
}

/** The command a key press is the shortcut of, among the commands the page handles itself. */
export function commandForKey(e: KeyPress, mode: KeyMode): CommandSpec | undefined {
  return COMMANDS.find((c: CommandSpec) => {
    if (c.keyOwner === 'native') return false;
    const keys = [keysOf(c, mode), ...(c.alsoKeys ?? [])].filter((k): k is string => !!k);
    return keys.some((k) => matchesKeys(k, e, mode.mac));
  });
}
