// Pure decisions of the loopback HTTP transport, kept apart so they can be unit-tested.
import crypto from 'node:crypto';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time comparison of the Authorization header with the session token. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const m = /^Bearer\s+(\S+)$/.exec(header);
  return m ? sameSecret(m[1]!, token) : false;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * A new tab of the same browser has no token (the fragment reached only the first tab), so the
 * first call made with the token also sets this cookie: HttpOnly (no script reads it), SameSite=Strict
 * (never sent from another site), a session cookie (gone when the browser closes), scoped to /api/.
 * Cookies ignore ports, so its name carries ours (two sessions never overwrite each other), its value
 * is a secret of its own rather than the token, and it counts only on requests whose Origin is
 * exactly ours (see cookieAuthAllowed): a page on another local port cannot use it.
 */
export function sessionCookieName(port: number): string {
  return `mejora_${port}`;
}

export function sessionCookie(port: number, secret: string): string {
  return `${sessionCookieName(port)}=${secret}; Path=/api/; HttpOnly; SameSite=Strict`;
}

/** True when the Cookie header carries this session's cookie with the right secret. */
export function cookieMatches(header: string | undefined, port: number, secret: string): boolean {
  if (!header) return false;
  const name = sessionCookieName(port);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name && sameSecret(part.slice(eq + 1).trim(), secret)) return true;
  }
  return false;
}

/**
 * The cookie is accepted only from our own page: the browser always sends Origin on a POST from a
 * page, so a request without it (or from another port of 127.0.0.1, which counts as the same site
 * for SameSite) does not ride on the cookie. The token still works from anywhere the Host allows.
 */
export function cookieAuthAllowed(origin: string | undefined, fetchSite: string | undefined, port: number): boolean {
  if (origin === undefined || !originAllowed(origin, port)) return false;
  return fetchSite === undefined || fetchSite === 'same-origin';
}

/** Only our own loopback host names: defeats DNS-rebinding pages that point a name at 127.0.0.1. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-site requests; if present it must be our own. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

// No 'unsafe-eval', nothing from outside: the UI is one bundle served by us. No 'unsafe-inline'
// for styles either: the UI's CSS is one stylesheet, and Svelte's style: directives and style={…}
// set styles through the CSSOM (element.style), which a CSP does not govern; only a parsed
// style="…" attribute or a <style> element would need it (test/e2e/strict-csp.test.ts walks the
// screens and fails on any violation). renderer/index.html carries the same policy.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
