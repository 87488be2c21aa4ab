// What a reader of a PDF gets: its text (poppler's pdftotext, as a person copying it would)
// and its page count. The PDF is written to a temp file first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page (or of pages first..last, 1-based). */
export function pdfText(bytes: Uint8Array, first?: number, last?: number): string {
  return withFile(bytes, (file) =>
    execFileSync(
      'pdftotext',
      [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), '-enc', 'UTF-8', file, '-'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    ),
  );
}

/** Each page's text, in order. */
export function pdfPages(bytes: Uint8Array): string[] {
  return pdfText(bytes).split('\f').slice(0, pdfPageCount(bytes));
}

export function pdfPageCount(bytes: Uint8Array): number {
  return withFile(bytes, (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]));
}

/** Names of the fonts the PDF embeds (pdffonts' "emb" column says yes). */
export function embeddedFonts(bytes: Uint8Array): string[] {
  return withFile(bytes, (file) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .filter((l) => / yes +(yes|no) +(yes|no)/.test(l))
      .map((l) => l.split(/\s+/)[0]!),
  );
}

/** Text with every kind of white space removed: a word wrapped over lines reads whole again. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The PDF's properties as pdfinfo prints them (Title, Author, …). */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  return withFile(bytes, (file) =>
    Object.fromEntries(
      execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' })
        .split('\n')
        .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    ),
  );
}
