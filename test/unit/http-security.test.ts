import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  cookieAuthAllowed,
  cookieMatches,
  hostAllowed,
  newToken,
  originAllowed,
  sessionCookie,
  tokenMatches,
} from '../../main/http/security.ts';
import { resolveStatic } from '../../main/http/static.ts';
import os from 'node:os';

describe('loopback transport decisions', () => {
  it('accepts only our own loopback Host', () => {
    expect(hostAllowed('127.0.0.1:5000', 5000)).toBe(true);
    expect(hostAllowed('localhost:5000', 5000)).toBe(true);
    expect(hostAllowed('127.0.0.1:5001', 5000)).toBe(false);
    expect(hostAllowed('attacker.example:5000', 5000)).toBe(false);
    expect(hostAllowed(undefined, 5000)).toBe(false);
  });

  it('checks the bearer token exactly', () => {
    const token = newToken();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(newToken()).not.toBe(token);
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(tokenMatches(token, token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });

  it('sets a session cookie no script can read and no other site or port can send', () => {
    const secret = newToken();
    const cookie = sessionCookie(5000, secret);
    expect(cookie).toMatch(/^mejora_5000=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/');
    expect(cookie).not.toMatch(/Expires|Max-Age/i); // gone when the browser closes
    expect(cookieMatches(`a=1; mejora_5000=${secret}; b=2`, 5000, secret)).toBe(true);
    expect(cookieMatches(`mejora_5001=${secret}`, 5000, secret)).toBe(false);
    expect(cookieMatches(`mejora_5000=${secret}x`, 5000, secret)).toBe(false);
    expect(cookieMatches(undefined, 5000, secret)).toBe(false);
  });

  it('lets the cookie count only on requests from our own page', () => {
    expect(cookieAuthAllowed('http://127.0.0.1:5000', 'same-origin', 5000)).toBe(true);
    expect(cookieAuthAllowed('http://localhost:5000', undefined, 5000)).toBe(true);
    expect(cookieAuthAllowed(undefined, undefined, 5000)).toBe(false); // no Origin: not from a page of ours
    expect(cookieAuthAllowed('http://127.0.0.1:5001', 'same-site', 5000)).toBe(false); // another local port
    expect(cookieAuthAllowed('http://127.0.0.1:5000', 'same-site', 5000)).toBe(false);
    expect(cookieAuthAllowed('null', 'cross-site', 5000)).toBe(false);
  });

  it('accepts no Origin or our own, never another', () => {
    expect(originAllowed(undefined, 80)).toBe(true);
    expect(originAllowed('http://127.0.0.1:80', 80)).toBe(true);
    expect(originAllowed('http://evil.example', 80)).toBe(false);
    expect(originAllowed('null', 80)).toBe(false);
  });

  it('has a CSP without unsafe-eval and nothing from outside', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('never serves files outside the renderer folder', () => {
    expect(resolveStatic(os.tmpdir(), '/../../etc/passwd')).toBeNull();
    expect(resolveStatic(os.tmpdir(), '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
  });
});
