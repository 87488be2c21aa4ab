// Serves the built renderer (dist/renderer) and nothing outside it.
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

export function resolveStatic(root: string, urlPath: string): StaticFile | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = path.resolve(root, '.' + rel);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  return {
    body: fs.readFileSync(full),
    type: TYPES[path.extname(full)] ?? 'application/octet-stream',
    immutable: rel.startsWith('/assets/'),
  };
}
