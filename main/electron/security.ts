// The shell's security decisions, as pure functions (no runtime `electron` import) so the
// unit tests can check them without the Electron binary.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../http/security.ts';

/**
 * The renderer is served from a custom privileged scheme, not file://. Why: with file://
 * every local file shares one origin (a page could read any file it can name), Chromium
 * gives file:// module scripts and fonts a null origin (the vite bundle loads as
 * `<script type="module" crossorigin>`), and a response header CSP cannot be set. With
 * `app://mejora/` the UI has its own origin, `'self'` in the CSP means exactly our bundle,
 * and the protocol handler decides which files exist (only dist/renderer).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mejora';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The same policy as browser mode; sent as a header by the protocol handler. */
export const APP_CSP = CONTENT_SECURITY_POLICY;

/** Chromium privileges of the app scheme (protocol.registerSchemesAsPrivileged). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true, // real origin, relative URLs and 'self' work
  secure: true, // treated like https (secure context)
  supportFetchAPI: true, // module scripts and fonts are fetched
  corsEnabled: true, // `crossorigin` module scripts are same-origin CORS requests
  codeCache: true,
} as const;

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** `iconPath`: the app icon for the title bar and taskbar (Windows takes the .exe's own when absent). */
export function windowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Mejora',
    backgroundColor: '#ffffff',
    show: false, // shown on ready-to-show: no white flash
    webPreferences: webPreferences(preloadPath),
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for a URL of the app's own origin whose path stays inside it. Node's and
 * Chromium's URL parsers already fold `..`; encoded separators and dot segments
 * (`%2e%2e`, `%2f`, `%5c`) are refused here so a path can never climb out once decoded.
 */
export function isTrustedUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST) return false;
  if (u.port !== '' || u.username !== '' || u.password !== '') return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return false;
  return !decoded.split('/').some((segment) => segment === '..' || segment === '.');
}

/** An IPC message is answered only when it comes from a frame showing our own UI. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isTrustedUrl(frameUrl);
}

/**
 * will-navigate / will-frame-navigate / will-redirect: the UI routes inside the page
 * (hash routes do not navigate), so only a reload of our own pages may go through.
 * External links are not opened either: the app has none, and a cell text that looks like
 * a link must never launch anything.
 */
export function allowNavigation(url: string): boolean {
  return isTrustedUrl(url);
}

/** The app needs no camera, microphone, notifications, clipboard reads, geolocation…: all refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}
