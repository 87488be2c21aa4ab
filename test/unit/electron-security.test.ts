import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/http/security.ts';
import { dbFlag } from '../../main/electron/args.ts';
import {
  allowNavigation,
  allowPermission,
  APP_CSP,
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  isTrustedSender,
  isTrustedUrl,
  webPreferences,
  windowOptions,
} from '../../main/electron/security.ts';

describe('window hardening', () => {
  it('runs the UI isolated and sandboxed, without Node', () => {
    const prefs = webPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    // The window really gets the hardened preferences (written out, not derived from webPreferences()).
    expect(windowOptions('/p.cjs').webPreferences).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(windowOptions('/p.cjs').title).toBe('Mejora');
  });

  it('gives the app scheme a real, secure origin the entry page belongs to', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_ENTRY_URL).toBe('app://mejora/index.html');
    expect(APP_ORIGIN).toBe('app://mejora');
    expect(isTrustedUrl(APP_ENTRY_URL)).toBe(true);
  });
});

describe('URL guard', () => {
  it('accepts pages of the app origin', () => {
    for (const url of [
      'app://mejora/',
      'app://mejora/index.html',
      'app://mejora/index.html#/plan/3',
      'app://mejora/assets/index-x.js?v=1',
    ]) {
      expect(isTrustedUrl(url), url).toBe(true);
    }
  });

  it('rejects every other scheme and host', () => {
    for (const url of [
      'https://mejora/',
      'http://127.0.0.1:5173/',
      'https://evil.example/app://mejora/',
      'file:///C:/Users/ana/Documents/plan.xlsx',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:app://mejora/1234',
      'app://mejora.evil/',
      'app://evil.mejora/',
      'app://mejora:8080/',
      'app://user@mejora/',
      'app://mejora@evil/',
      'app:mejora/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
  });

  it('rejects encoded path traversal', () => {
    for (const url of [
      'app://mejora/..%2f..%2fpackage.json',
      'app://mejora/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://mejora/..%5c..%5cwindows%5csystem32',
      'app://mejora/a%00.html',
      'app://mejora/%E0%A4%A', // malformed escape
    ]) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
  });

  it('answers IPC only from a frame showing the app', () => {
    expect(isTrustedSender('app://mejora/index.html#/')).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('lets the window reload itself but never navigate elsewhere', () => {
    expect(allowNavigation('app://mejora/index.html')).toBe(true);
    expect(allowNavigation('https://www.map.gob.do/')).toBe(false);
    expect(allowNavigation('file:///C:/Windows/')).toBe(false);
    expect(allowNavigation('mailto:alcaldia@example.do')).toBe(false);
  });

  it('grants no permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      expect(allowPermission(p), p).toBe(false);
    }
  });
});

describe('content security policy', () => {
  const directives = new Map(
    APP_CSP.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('is the browser-mode policy, not a copy', () => {
    expect(APP_CSP).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows only our own bundle to run', () => {
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('--db flag of the shell', () => {
  it('reads both spellings and nothing else', () => {
    expect(dbFlag(['electron', '/app', '--db=/data/mejora.sqlite'])).toBe('/data/mejora.sqlite');
    expect(dbFlag(['Mejora.exe', '--db', 'C:\\datos\\plan.sqlite'])).toBe('C:\\datos\\plan.sqlite');
    expect(dbFlag(['Mejora.exe', '--db', '--inspect'])).toBeUndefined();
    expect(dbFlag(['Mejora.exe', '--db='])).toBeUndefined();
    expect(dbFlag(['Mejora.exe', '--dbx=/x', '--allow-file-access'])).toBeUndefined();
    expect(dbFlag(['Mejora.exe'])).toBeUndefined();
  });
});
