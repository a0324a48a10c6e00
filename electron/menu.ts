/**
 * The native menu as a template, built from the command table (electron/contract/commands.ts):
 * File, Edit, View, Training, Help with the platform's usual accelerators. Commands that act on
 * the document go to the renderer as `menu:command` events.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './contract';
import {
  COMMANDS,
  COMMAND_MENUS,
  MENU_TITLES,
  keysOf,
  toAccelerator,
  type CommandMenu,
  type CommandSpec,
} from './contract/commands';

export interface MenuContext {
  platform: string;
  appName: string;
  recent: string[];
  command(command: MenuCommand): void;
  openRecent(file: string): void;
  clearRecent(): void;
}

function commandItem(spec: CommandSpec, ctx: MenuContext): MenuItemConstructorOptions {
  const keys = keysOf(spec, { mac: ctx.platform === 'darwin', browser: false });
  // The system clipboard roles work in text fields and fire the page's copy/paste events.
  if (spec.role) return { role: spec.role };
  return {
    label: spec.label,
    ...(keys ? { accelerator: toAccelerator(keys) } : {}),
    // Plain keys (Delete, C) are shown but not grabbed: they must still type into text fields.
    ...(keys && spec.keyOwner ? { registerAccelerator: false } : {}),
    click: () => ctx.command(spec.id as MenuCommand),
  };
}

function menuItems(menu: CommandMenu, ctx: MenuContext): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  for (const spec of COMMANDS as readonly CommandSpec[]) {
    if (spec.menu !== menu) continue;
    if (spec.separatorBefore && items.length) items.push({ type: 'separator' });
    items.push(commandItem(spec, ctx));
  }
  return items;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length
    ? [
        ...ctx.recent.map((file) => ({ label: file, click: () => ctx.openRecent(file) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => ctx.clearRecent() },
      ]
    : [{ label: 'No Recent Projects', enabled: false }];

  // What only a native menu has: Open Recent, Quit, zoom, full screen, developer tools.
  const extras: Record<CommandMenu, (items: MenuItemConstructorOptions[]) => void> = {
    file(items) {
      const open = items.findIndex((i) => i.label === 'Open…');
      items.splice(open + 1, 0, { label: 'Open Recent', submenu: recentItems });
      if (!mac) items.push({ type: 'separator' }, { role: 'quit', accelerator: 'Ctrl+Q' });
    },
    edit() {},
    view(items) {
      items.push(
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      );
    },
    training() {},
    help() {},
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac)
    template.push({
      label: ctx.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  for (const menu of COMMAND_MENUS) {
    const items = menuItems(menu, ctx);
    extras[menu](items);
    template.push({ label: `&${MENU_TITLES[menu]}`, submenu: items });
  }
  return template;
}
