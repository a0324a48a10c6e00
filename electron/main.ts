/**
 * Electron main process: a thin adapter. It creates the secure window, serves the renderer
 * through app://, builds the native menu, and connects ipcMain to the Electron-free backend.
 * All behaviour lives in electron/backend (tested in plain Node through the browser-mode host).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHANNEL_NAMES, type EventName, type EventOf, type MenuCommand } from './contract';
import { createBackend } from './backend/backend';
import { GrantedAccess } from './backend/files/access';
import { checkExternalLink } from './backend/links';
import { contentSecurityPolicy } from './backend/security';
import { APP_VERSION } from './backend/version';
import { buildMenuTemplate } from './menu';
import { mainWindowOptions } from './window-options';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://layerlab`;
const RENDERER_DIR = path.resolve(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const access = new GrantedAccess();
let mainWindow: BrowserWindow | null = null;
const recent: string[] = [];

/** A script beside this one, from app.asar.unpacked when packaged (worker threads need files). */
function unpacked(file: string): string {
  return path.join(__dirname, file).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

const backend = createBackend(
  {
    mode: 'desktop',
    version: APP_VERSION,
    os: process.platform,
    workspace: null,
    recoveryDir: path.join(app.getPath('userData'), 'recovery'),
    async showOpenDialog(o) {
      const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const opts = {
        properties: ['openFile' as const],
        filters: o.filters,
        ...(o.title ? { title: o.title } : {}),
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      const chosen = r.canceled ? null : (r.filePaths[0] ?? null);
      if (chosen?.endsWith('.layerlab')) addRecent(chosen);
      return chosen;
    },
    async showSaveDialog(o) {
      const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const opts = {
        filters: o.filters,
        ...(o.title ? { title: o.title } : {}),
        ...(o.defaultName ? { defaultPath: o.defaultName } : {}),
      };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      const chosen = r.canceled ? null : (r.filePath ?? null);
      if (chosen?.endsWith('.layerlab')) addRecent(chosen);
      return chosen;
    },
    projectFolders: () => [...new Set(recent.map((file) => path.dirname(file)))],
    async confirmLinkedDataset(req) {
      const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const opts = {
        type: 'question' as const,
        buttons: ['Read this file', 'Not now'],
        defaultId: 1,
        cancelId: 1,
        message: `"${req.project}" links to the dataset "${req.dataset}" in another file.`,
        detail: `Allow Layerlab to read ${req.path}?\n\nOnly allow files you expect this project to use. Otherwise the project opens without its dataset, and you can locate it.`,
      };
      const r = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
      return r.response === 0;
    },
    async openExternal(url) {
      return openLink(url);
    },
  },
  access,
  // Packaged, the worker scripts are unpacked beside app.asar (electron-builder.yml, asarUnpack).
  {
    workerPath: unpacked('training-worker.cjs'),
    csvWorkerPath: unpacked('csv-worker.cjs'),
  },
);

/** Opens a documentation page in the system browser; anything else is refused and logged. */
async function openLink(url: string): Promise<boolean> {
  const refused = checkExternalLink(url);
  if (refused) {
    console.warn(`Refused to open ${url.slice(0, 200)}: ${refused}`);
    return false;
  }
  await shell.openExternal(url);
  return true;
}

function send<E extends EventName>(event: E, payload: EventOf<E>): void {
  mainWindow?.webContents.send(event, payload);
}
backend.onEvent((event, payload) => mainWindow?.webContents.send(event, payload));

/** Only our own top-level page may call the backend (not an iframe, not a navigated page). */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    return new URL(frame.url).origin === ORIGIN;
  } catch {
    return false;
  }
}

function registerIpc(): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!trustedSender(event)) {
        return {
          ok: false,
          error: { code: 'NOT_ALLOWED', message: 'Request from an untrusted frame refused.' },
        };
      }
      return backend.invoke(channel, payload);
    });
  }
}

/** app://layerlab/<file> → dist/renderer/<file>, confined to that folder, with the CSP header. */
function registerProtocol(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    if (url.host !== 'layerlab' || rel.split(/[\\/]/).includes('..'))
      return new Response('Forbidden', { status: 403 });
    const abs = path.resolve(RENDERER_DIR, `.${rel}`);
    try {
      const real = await realpath(abs);
      if (!real.startsWith(RENDERER_DIR + path.sep))
        return new Response('Forbidden', { status: 403 });
      return new Response(await readFile(real), {
        headers: {
          'Content-Type': mimeOf(real),
          'Content-Security-Policy': contentSecurityPolicy(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function mimeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return (
    {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.svg': 'image/svg+xml',
      '.png': 'image/png',
      '.json': 'application/json',
    }[ext] ?? 'application/octet-stream'
  );
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openLink(url);
      return { action: 'deny' };
    });
  });
}

function menuCommand(command: MenuCommand): void {
  send('menu:command', { command });
}

function rebuildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.getName(),
        recent,
        command: menuCommand,
        openRecent: (file) => openFile(file),
        clearRecent: () => {
          recent.length = 0;
          void writeFile(recentFile(), '[]').catch(() => undefined);
          rebuildMenu();
        },
      }),
    ),
  );
}

/** Recent projects, kept in userData/recent.json across sessions (files the user chose). */
const recentFile = () => path.join(app.getPath('userData'), 'recent.json');

async function loadRecent(): Promise<void> {
  try {
    const list: unknown = JSON.parse(await readFile(recentFile(), 'utf8'));
    if (Array.isArray(list)) {
      for (const p of list
        .filter((x): x is string => typeof x === 'string' && path.isAbsolute(x))
        .slice(0, 10)) {
        recent.push(p);
        access.grant(p);
      }
    }
  } catch {
    /* no list yet */
  }
}

function addRecent(file: string): void {
  const abs = path.resolve(file);
  access.grant(abs);
  recent.splice(0, recent.length, abs, ...recent.filter((r) => r !== abs).slice(0, 9));
  app.addRecentDocument(abs);
  void writeFile(recentFile(), JSON.stringify(recent)).catch(() => undefined);
  rebuildMenu();
}

function openFile(file: string): void {
  const abs = path.resolve(file);
  addRecent(abs);
  send('app:openFile', { path: abs });
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // The renderer blocks unloading while there are unsaved changes: ask the user.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(mainWindow!, {
      type: 'question',
      buttons: ['Discard changes', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'This project has unsaved changes.',
      detail: 'Close it anyway and lose them? (Cancel, then Save, to keep them.)',
    });
    if (choice === 0) event.preventDefault();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${ORIGIN}/index.html`);
  const fromArgs = fileArgument(process.argv);
  if (fromArgs) openFile(fromArgs);
}

/** `layerlab path/to/file.layerlab` (and file associations) pass the file as an argument. */
function fileArgument(argv: string[]): string | null {
  return argv.slice(1).find((a) => !a.startsWith('-') && a.endsWith('.layerlab')) ?? null;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = fileArgument(argv);
    if (file) openFile(file);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
  void app.whenReady().then(async () => {
    hardenSessions();
    registerProtocol();
    registerIpc();
    await loadRecent();
    rebuildMenu();
    await createWindow();
  });
}
