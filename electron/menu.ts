/**
 * The native menu as a template: File, Edit, View, Help with the platform's usual
 * accelerators. Commands that act on the document go to the renderer as `menu:command` events.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './contract';

export interface MenuContext {
  platform: string;
  appName: string;
  recent: string[];
  command(command: MenuCommand): void;
  openRecent(file: string): void;
  clearRecent(): void;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const item = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.command(command),
  });
  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length
    ? [
        ...ctx.recent.map((file) => ({ label: file, click: () => ctx.openRecent(file) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => ctx.clearRecent() },
      ]
    : [{ label: 'No Recent Projects', enabled: false }];

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
  template.push(
    {
      label: '&File',
      submenu: [
        item('New', 'file:new', 'CmdOrCtrl+N'),
        item('Open…', 'file:open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        item('Save', 'file:save', 'CmdOrCtrl+S'),
        item('Save As…', 'file:saveAs', 'CmdOrCtrl+Shift+S'),
        item('Share…', 'file:share'),
        { type: 'separator' },
        item('Import model…', 'file:importModel'),
        item('Export…', 'file:export'),
        { type: 'separator' },
        item('Close', 'file:close', 'CmdOrCtrl+W'),
        ...(mac
          ? []
          : ([
              { type: 'separator' },
              { role: 'quit', accelerator: 'Ctrl+Q' },
            ] as MenuItemConstructorOptions[])),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the network document (the store), not only on text fields.
        item('Undo', 'edit:undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit:redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Delete', 'edit:delete'),
        { type: 'separator' },
        item('Select All', 'edit:selectAll', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Fit Network to Window', 'view:fit', 'CmdOrCtrl+Shift+F'),
        item('Toggle Dark Theme', 'view:toggleTheme'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { label: '&Help', submenu: [item('About Layerlab', 'help:about')] },
  );
  return template;
}
