// "Guardar una copia en…" / "Abrir una copia" on the desktop: the path comes from main's dialog only.
import { describe, expect, it } from 'vitest';
import { openBackupCopy, saveBackupCopy, suggestedCopyName } from '../../main/electron/backupCopy.ts';
import type { CopyDeps } from '../../main/electron/backupCopy.ts';

function deps(over: Partial<CopyDeps> = {}) {
  const calls: [string, unknown][] = [];
  const d: CopyDeps = {
    documentsDir: '/home/ana/Documentos',
    now: () => new Date(2026, 10, 30, 10),
    dispatch: async (method, args) => {
      calls.push([method, args]);
      return { ok: true, result: { path: (args as { path: string }).path, size: 2048 } };
    },
    showSaveDialog: async () => ({ canceled: false, filePath: '/media/ana/USB/copia' }),
    showOpenDialog: async () => ({ canceled: false, filePaths: ['/media/ana/USB/copia.mejora'] }),
    confirm: async () => true,
    confirmOverwrite: async () => true,
    exists: () => false,
    ...over,
  };
  return { d, calls };
}

describe('desktop backup copy', () => {
  it('proposes a dated name and writes to the chosen path with .mejora added', async () => {
    expect(suggestedCopyName(new Date(Date.UTC(2026, 10, 30, 15)))).toBe('Mejora copia 30-11-2026.mejora');
    // 22:00 in the office is already the next day in UTC: the name keeps the office's day.
    expect(suggestedCopyName(new Date(Date.UTC(2026, 11, 1, 2)))).toBe('Mejora copia 30-11-2026.mejora');
    const { d, calls } = deps();
    expect(await saveBackupCopy(d)).toEqual({ done: true, path: '/media/ana/USB/copia.mejora', size: 2048 });
    expect(calls).toEqual([['exportBackupTo', { path: '/media/ana/USB/copia.mejora' }]]);
  });

  it('asks before replacing the file the added extension names, and writes nothing when declined', async () => {
    const asked: string[] = [];
    const { d, calls } = deps({ exists: () => true, confirmOverwrite: async (t) => (asked.push(t), false) });
    expect(await saveBackupCopy(d)).toEqual({ done: false });
    expect(asked).toEqual(['/media/ana/USB/copia.mejora']);
    expect(calls).toEqual([]);
  });

  it('passes on the backend refusal (too big for a FAT32 stick) as the message', async () => {
    const { d } = deps({
      dispatch: async () => ({ ok: false, error: { code: 'io_error', message: 'La copia ocupa 4.5 GB y esa unidad (FAT32…' } }),
    });
    expect(await saveBackupCopy(d)).toEqual({ done: false, message: 'La copia ocupa 4.5 GB y esa unidad (FAT32…' });
  });

  it('opens a copy only after the user confirms', async () => {
    const no = deps({ confirm: async () => false });
    expect(await openBackupCopy(no.d)).toEqual({ done: false });
    expect(no.calls).toEqual([]);
    const yes = deps();
    expect(await openBackupCopy(yes.d)).toEqual({ done: true, path: '/media/ana/USB/copia.mejora' });
    expect(yes.calls).toEqual([['importBackupFrom', { path: '/media/ana/USB/copia.mejora' }]]);
  });
});
