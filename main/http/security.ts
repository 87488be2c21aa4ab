// Pure decisions of the loopback HTTP transport, kept apart so they can be unit-tested.
import crypto from 'node:crypto';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time comparison of the Authorization header with the session token. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const m = /^Bearer\s+(\S+)$/.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
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

// No 'unsafe-eval', nothing from outside: the UI is one bundle served by us.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
