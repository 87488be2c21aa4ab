// Copies of evidence files made for the system's program to open ("Abrir" in the desktop app).
// The room's files have no extension, so each opening writes a copy under the original name in
// its own folder under one parent in the system's temporary folder. Those copies are the
// user's documents (actas, photos): they are removed once they are old enough that no program
// should still be showing them, when Mejora starts and when it closes. A copy still held open
// (Windows refuses to delete it) is left for the next time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEvidenceFile, safeFileName } from './room.ts';

/** How long an opened copy is kept: long enough to read it, short enough not to pile up. */
export const OPENED_COPY_MAX_AGE_MS = 60 * 60 * 1000;

/** The one parent folder of every opened copy (read at each call: tests point TMPDIR elsewhere). */
export function openedCopiesRoot(): string {
  return path.join(os.tmpdir(), 'mejora-evidencias-abiertas');
}

/** A copy of the evidence under its original name, in a fresh folder; returns its path. */
export function copyForOpening(room: string, sha256: string, fileName: string): string {
  const bytes = readEvidenceFile(room, sha256, fileName);
  const root = openedCopiesRoot();
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'copia-'));
  const file = path.join(dir, safeFileName(fileName));
  fs.writeFileSync(file, bytes);
  return file;
}

/**
 * Removes the opened copies older than `maxAgeMs` (by their folder's last change); returns how
 * many folders went. Never throws: cleaning up must not stop Mejora from starting or closing.
 */
export function removeOldOpenedCopies(now = Date.now(), maxAgeMs = OPENED_COPY_MAX_AGE_MS): number {
  const root = openedCopiesRoot();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return 0; // nothing opened yet
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('copia-')) continue;
    const dir = path.join(root, entry.name);
    try {
      if (now - fs.statSync(dir).mtimeMs < maxAgeMs) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // Still open in a program (Windows), or gone meanwhile: left for the next time.
    }
  }
  return removed;
}
