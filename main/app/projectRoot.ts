import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds package.json, dist/ and node_modules/. */
export function projectRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}

export function rendererDir(root = projectRoot()): string {
  return path.join(root, 'dist', 'renderer');
}
