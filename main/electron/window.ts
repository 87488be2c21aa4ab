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

/** No permission is ever granted: the app needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
}

export function createMainWindow(BrowserWindow: typeof BrowserWindowType, preloadPath: string): BrowserWindowType {
  const win = new BrowserWindow(windowOptions(preloadPath));
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
