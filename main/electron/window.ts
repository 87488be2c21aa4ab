// The one window and the guards every web contents gets.
import type { BrowserWindow as BrowserWindowType, Session, WebContents } from 'electron';
import { allowNavigation, allowPermission, APP_ENTRY_URL, windowOptions } from './security.ts';

/** Blocks navigation away from the app, new windows and <webview>. Applied to every web contents. */
export function guardWebContents(contents: WebContents): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => block(event, event.url));
  contents.on('will-frame-navigate', (event) => block(event, event.url));
  contents.on('will-redirect', (event) => block(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The question asked when the page has unsaved changes and the window is closing or reloading. */
export const UNSAVED_CHANGES_DIALOG = {
  type: 'warning' as const,
  title: 'Cambios sin guardar',
  message: 'Hay cambios sin guardar en una acción.',
  detail: 'Si sale ahora, esos cambios se perderán.',
  buttons: ['Salir sin guardar', 'Seguir editando'],
  defaultId: 1,
  cancelId: 1,
};
const LEAVE_ANYWAY = 0;

/**
 * The page refuses to unload while an edit is pending (beforeunload). A browser asks the user
 * then; Electron does not, so the window would silently refuse to close: ask here.
 */
export function confirmUnload(contents: WebContents, ask: () => number): void {
  contents.on('will-prevent-unload', (event) => {
    if (ask() === LEAVE_ANYWAY) event.preventDefault();
  });
}

/** No permission is ever granted: the app needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
}

export function createMainWindow(BrowserWindow: typeof BrowserWindowType, preloadPath: string, iconPath?: string): BrowserWindowType {
  const win = new BrowserWindow(windowOptions(preloadPath, iconPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export function focusWindow(win: BrowserWindowType | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
