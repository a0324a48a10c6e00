/** The pure parts of the Electron shell: window security settings and the native menu. */
import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../electron/window-options';
import { buildMenuTemplate } from '../../../electron/menu';
import type { MenuItemConstructorOptions } from 'electron';
import {
  COMMANDS,
  MENU_TITLES,
  keysOf,
  toAccelerator,
  type CommandSpec,
} from '../../../electron/contract/commands';

describe('main window', () => {
  it('is isolated and sandboxed, without Node in the page', () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

function menu(platform: string, recent: string[] = []) {
  const command = vi.fn();
  const template = buildMenuTemplate({
    platform,
    appName: 'Layerlab',
    recent,
    command,
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
  });
  const sub = (label: string) =>
    (template.find((m) => m.label?.replace('&', '') === label)?.submenu ??
      []) as MenuItemConstructorOptions[];
  return { template, sub, command };
}

describe('native menu', () => {
  it('has File, Edit, View and Help with the usual accelerators', () => {
    const { template, sub } = menu('linux');
    expect(template.map((m) => m.label?.replace('&', ''))).toEqual([
      'File',
      'Edit',
      'View',
      'Training',
      'Help',
    ]);
    const file = sub('File');
    const acc = (items: MenuItemConstructorOptions[], label: string) =>
      items.find((i) => i.label === label)?.accelerator;
    expect(acc(file, 'New')).toBe('CmdOrCtrl+N');
    expect(acc(file, 'Open…')).toBe('CmdOrCtrl+O');
    expect(acc(file, 'Save')).toBe('CmdOrCtrl+S');
    expect(acc(file, 'Save As…')).toBe('CmdOrCtrl+Shift+S');
    expect(acc(file, 'Close')).toBe('CmdOrCtrl+W');
    expect(file.some((i) => i.role === 'quit')).toBe(true);
    expect(file.some((i) => i.label === 'Open Recent')).toBe(true);
    const edit = sub('Edit');
    expect(acc(edit, 'Undo')).toBe('CmdOrCtrl+Z');
    expect(acc(edit, 'Redo')).toBe('Ctrl+Y');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste']);
    expect(
      edit.some((i) => i.label === 'Delete') && edit.some((i) => i.label === 'Select All'),
    ).toBe(true);
    expect(acc(sub('View'), 'Fit Network to Window')).toBe('CmdOrCtrl+Shift+F');
    expect(acc(edit, 'Select All')).toBe('CmdOrCtrl+A');
  });

  it('takes every command, label and shortcut from the command table', () => {
    for (const platform of ['linux', 'darwin']) {
      const { sub } = menu(platform);
      for (const spec of COMMANDS as readonly CommandSpec[]) {
        const items = sub(MENU_TITLES[spec.menu]);
        if (spec.role) {
          expect(
            items.some((i) => i.role === spec.role),
            spec.id,
          ).toBe(true);
          continue;
        }
        const item = items.find((i) => i.label === spec.label);
        expect(item, `${spec.id} in ${spec.menu}`).toBeDefined();
        const keys = keysOf(spec, { mac: platform === 'darwin', browser: false });
        expect(item!.accelerator, spec.id).toBe(keys ? toAccelerator(keys) : undefined);
      }
    }
  });

  it('shows plain-key shortcuts without taking those keys from text fields', () => {
    const { sub } = menu('linux');
    const connect = sub('Edit').find((i) => i.label === 'Connect…')!;
    expect(connect.accelerator).toBe('C');
    expect(connect.registerAccelerator).toBe(false);
    expect(sub('Edit').find((i) => i.label === 'Undo')!.registerAccelerator).toBeUndefined();
  });

  it('uses Cmd+Shift+Z for Redo and an app menu with Quit on macOS', () => {
    const { template, sub } = menu('darwin');
    expect(template[0]!.label).toBe('Layerlab');
    expect(sub('Edit').find((i) => i.label === 'Redo')?.accelerator).toBe('Cmd+Shift+Z');
  });

  it('sends document commands to the renderer', () => {
    const { sub, command } = menu('linux');
    const undo = sub('Edit').find((i) => i.label === 'Undo')!;
    (undo.click as () => void)();
    expect(command).toHaveBeenCalledWith('edit:undo');
  });

  it('lists recent projects, or says there are none', () => {
    const none = menu('linux')
      .sub('File')
      .find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(none[0]).toMatchObject({ label: 'No Recent Projects', enabled: false });
    const some = menu('linux', ['/home/a/x.layerlab'])
      .sub('File')
      .find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(some[0]!.label).toBe('/home/a/x.layerlab');
  });
});
