// What only a Windows PC shows (a file held by Excel, a read-only stick) decided from codes and facts.
import { describe, expect, it } from 'vitest';
import { dataFileProblemMessage, fileProblem, saveProblemMessage } from '../../main/files/fileErrors.ts';

describe('file problems from error codes', () => {
  it('tells a full disk, a read-only drive and a missing folder apart', () => {
    expect(fileProblem({ code: 'ENOSPC' })).toBe('disk_full');
    expect(fileProblem({ code: 'SQLITE_FULL' })).toBe('disk_full');
    expect(fileProblem({ code: 'EROFS' })).toBe('read_only_drive');
    expect(fileProblem({ code: 'ENOENT' })).toBe('missing_folder');
  });

  it('reads EPERM/EACCES as a file held by another program unless the file or folder is read-only', () => {
    // Windows: renaming over a workbook open in Excel fails with EPERM; EBUSY when it is locked.
    expect(fileProblem({ code: 'EBUSY' })).toBe('held_by_other_program');
    expect(fileProblem({ code: 'EPERM', fileReadOnly: false, folderReadOnly: false })).toBe('held_by_other_program');
    expect(fileProblem({ code: 'EPERM', fileReadOnly: true })).toBe('read_only_file');
    expect(fileProblem({ code: 'EACCES', fileReadOnly: false, folderReadOnly: true })).toBe('read_only_folder');
    expect(fileProblem({ code: 'SQLITE_READONLY', fileReadOnly: true })).toBe('read_only_file');
    expect(fileProblem({ code: 'SQLITE_READONLY_DIRECTORY', folderReadOnly: true })).toBe('read_only_folder');
  });

  it('reads SQLite busy codes as a lock held by another Mejora', () => {
    expect(fileProblem({ code: 'SQLITE_BUSY' })).toBe('locked');
    expect(fileProblem({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe('locked');
  });

  it('gives each problem its own Spanish message, never a code or "error inesperado"', () => {
    const problems = [
      'held_by_other_program',
      'read_only_file',
      'read_only_folder',
      'read_only_drive',
      'disk_full',
      'missing_folder',
      'locked',
      'unknown',
    ] as const;
    const save = problems.map((p) => saveProblemMessage(p, 'C:\\Users\\ana\\Documentos\\plan.xlsx'));
    const data = problems.map((p) => dataFileProblemMessage(p, 'C:\\Users\\ana\\mejora.sqlite'));
    for (const m of [...save, ...data]) {
      expect(m).not.toMatch(/inesperado|E[A-Z]{3,}|SQLITE/);
    }
    expect(new Set(data).size).toBe(problems.length);
    expect(save[0]).toContain('«plan.xlsx»');
    expect(save[0]).toMatch(/abierto en otro programa/);
    expect(save[4]).toMatch(/disco está lleno/);
    expect(data[1]).toMatch(/solo lectura/);
    expect(data[2]).toMatch(/carpeta .* no permite escribir/);
    expect(data[4]).toMatch(/lleno/);
    expect(data[0]).toMatch(/en uso por otro programa/);
  });
});
