// Entry of the desktop app (bundled to dist/electron/main.cjs). Thin wiring only: every
// decision lives in a pure module next to this one (security, menu, ipc, protocol, saveFile).
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { MessageBoxOptions, WebContents } from 'electron';
import {
  MENU_CHANNEL,
  OPEN_BACKUP_COPY_CHANNEL,
  OPEN_EVIDENCE_CHANNEL,
  SAVE_BACKUP_COPY_CHANNEL,
  SAVE_FILE_CHANNEL,
} from '../../shared/desktop.ts';
import type { MenuCommand } from '../../shared/desktop.ts';
import { AppError, INTERNAL_ERROR_MESSAGE } from '../../shared/errors.ts';
import { startWorkerBackend } from '../app/workerBackend.ts';
import type { WorkerBackend } from '../app/workerBackend.ts';
import { desktopDataDir, isDefaultLocation, resolveDbPath } from '../paths.ts';
import { dbFlag } from './args.ts';
import { handleTrusted, REFUSED, registerApiHandlers } from './ipc.ts';
import { aboutText, menuTemplate } from './menu.ts';
import { openEvidence } from './openEvidence.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { OVERWRITE_QUESTION, saveFile } from './saveFile.ts';
import { openBackupCopy, saveBackupCopy } from './backupCopy.ts';
import type { CopyDeps } from './backupCopy.ts';
import { confirmUnload, createMainWindow, denyPermissions, focusWindow, guardWebContents, UNSAVED_CHANGES_DIALOG } from './window.ts';

let mainWindow: BrowserWindow | null = null;
// The backend runs in a worker thread (see workerBackend.ts): this process only forwards calls,
// so a long import never freezes windows, menus or input.
let backend: WorkerBackend | null = null;

function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function openData(workerFile: string): Promise<WorkerBackend | null> {
  const flag = dbFlag(process.argv);
  const dbPath = resolveDbPath({ flag, dataDir: desktopDataDir(app.getPath('userData')) });
  try {
    return await startWorkerBackend(workerFile, dbPath, app.getVersion(), { moveLegacyData: isDefaultLocation({ flag }) });
  } catch (err) {
    if (err instanceof AppError) fail('Mejora no puede abrir sus datos', err.message);
    else {
      console.error(err);
      fail('Mejora no puede abrir sus datos', `${INTERNAL_ERROR_MESSAGE}\n\nArchivo de datos: ${dbPath}`);
    }
    return null;
  }
}

function send(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && !target.isDestroyed()) target.webContents.send(MENU_CHANNEL, command);
}

async function showAbout(): Promise<void> {
  const { message, detail } = aboutText({ version: app.getVersion(), dbPath: backend?.dbPath ?? '', electron: process.versions.electron });
  const options = { type: 'info' as const, title: 'Acerca de Mejora', message, detail, buttons: ['Aceptar'] };
  await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const rendererRoot = path.join(appRoot, 'dist', 'renderer');
  const preloadPath = path.join(appRoot, 'dist', 'electron', 'preload.cjs');
  const workerFile = path.join(appRoot, 'dist', 'electron', 'backend-worker.cjs');
  if (![path.join(rendererRoot, 'index.html'), preloadPath, workerFile].every((file) => fs.existsSync(file))) {
    fail('Mejora no está construido', 'Falta la interfaz de Mejora. Ejecute «npm run build» en la carpeta del proyecto y ábralo de nuevo.');
    return;
  }
  const data = await openData(workerFile);
  if (!data) return;
  backend = data;

  denyPermissions(session.defaultSession);
  serveRenderer(protocol, rendererRoot);
  registerApiHandlers(ipcMain, data.dispatch);
  handleTrusted(
    ipcMain,
    SAVE_FILE_CHANNEL,
    (event, request) => {
      const parent = BrowserWindow.fromWebContents(event.sender) ?? mainWindow;
      return saveFile(request, {
        documentsDir: app.getPath('documents'),
        showSaveDialog: (options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
        showError: async (message) => {
          const options = { type: 'error' as const, title: 'Exportar a Excel', message, buttons: ['Aceptar'] };
          await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
        },
        confirmOverwrite: async (target) => {
          const options = OVERWRITE_QUESTION(target);
          const { response } = await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
          return response === 0;
        },
        log: (err) => console.error(err),
      });
    },
    { saved: false },
  );
  const copyDeps = (event: { sender: WebContents }): CopyDeps => {
    const parent = BrowserWindow.fromWebContents(event.sender) ?? mainWindow;
    const box = async (options: MessageBoxOptions) => (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
    return {
      documentsDir: app.getPath('documents'),
      now: () => new Date(),
      dispatch: data.dispatch,
      showSaveDialog: (options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
      showOpenDialog: (options) => (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)),
      confirm: async (message, detail) =>
        (
          await box({
            type: 'question',
            buttons: ['Abrir la copia', 'Cancelar'],
            defaultId: 1,
            cancelId: 1,
            title: 'Abrir una copia',
            message,
            detail,
          })
        ).response === 0,
      confirmOverwrite: async (target) => (await box(OVERWRITE_QUESTION(target))).response === 0,
      exists: (file) => fs.existsSync(file),
    };
  };
  handleTrusted(ipcMain, SAVE_BACKUP_COPY_CHANNEL, (event) => saveBackupCopy(copyDeps(event)), { done: false });
  handleTrusted(ipcMain, OPEN_BACKUP_COPY_CHANNEL, (event) => openBackupCopy(copyDeps(event)), { done: false });
  handleTrusted(
    ipcMain,
    OPEN_EVIDENCE_CHANNEL,
    (_event, request) =>
      openEvidence(request, { dispatch: data.dispatch, openPath: (file) => shell.openPath(file), log: (err) => console.error(err) }),
    REFUSED,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ send, about: () => void showAbout(), devTools: !app.isPackaged })));
  // Generated from assets/icon.svg by the build (scripts/icons.ts), next to the shell's bundles.
  const iconPath = path.join(appRoot, 'dist', 'electron', 'icon.png');
  mainWindow = createMainWindow(BrowserWindow, preloadPath, fs.existsSync(iconPath) ? iconPath : undefined);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// Before ready: the app:// scheme's privileges, and the sandbox for every renderer.
registerAppScheme(protocol);
app.enableSandbox();
// Chromium formats built-in controls (date inputs: dd/mm/aaaa) by its UI language, not the page's.
app.commandLine.appendSwitch('lang', 'es-DO');

if (!app.requestSingleInstanceLock()) {
  // Another Mejora is open on this user's data: it gets the focus (see 'second-instance').
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
    confirmUnload(contents, () => {
      const win = BrowserWindow.fromWebContents(contents);
      return win ? dialog.showMessageBoxSync(win, UNSAVED_CHANGES_DIALOG) : dialog.showMessageBoxSync(UNSAVED_CHANGES_DIALOG);
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!backend) return;
    // Quit once the worker has closed the database (calls already running finish first).
    const closing = backend;
    backend = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error(err);
      fail('Mejora no pudo iniciarse', INTERNAL_ERROR_MESSAGE);
    });
}
