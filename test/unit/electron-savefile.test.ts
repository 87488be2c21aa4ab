import fs from 'node:fs';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFileName, saveDialogOptions, saveErrorMessage, saveFile, withXlsxExtension } from '../../main/electron/saveFile.ts';
import type { SaveFileDeps } from '../../main/electron/saveFile.ts';
import { tempDir } from '../helpers/tempDir.ts';

const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

describe('save dialog', () => {
  it('proposes the suggested name in Documents, filtered to Excel', () => {
    const opts = saveDialogOptions('Plan de Mejora 2026.xlsx', '/home/ana/Documentos');
    expect(opts.defaultPath).toBe(path.join('/home/ana/Documentos', 'Plan de Mejora 2026.xlsx'));
    expect(opts.filters).toEqual([{ name: 'Libro de Excel (.xlsx)', extensions: ['xlsx'] }]);
    expect(opts.title).toBe('Exportar a Excel');
    expect(opts.buttonLabel).toBe('Guardar');
  });

  it('never lets the suggested name pick a folder or a name Windows refuses', () => {
    expect(safeFileName('Plan 2026.xlsx')).toBe('Plan 2026.xlsx');
    expect(safeFileName('Plan 2026')).toBe('Plan 2026.xlsx');
    expect(safeFileName('../../Windows/System32/evil.xlsx')).toBe('evil.xlsx');
    expect(safeFileName('C:\\Users\\ana\\plan.xlsx')).toBe('plan.xlsx');
    expect(safeFileName('Plan: "Baní" <2026>?*|.xlsx')).toBe('Plan Baní 2026.xlsx');
    expect(safeFileName('Plan\u0000\n2026.xlsx')).toBe('Plan2026.xlsx');
    expect(safeFileName('Plan final. ')).toBe('Plan final.xlsx');
    expect(safeFileName('CON')).toBe('Plan de mejora.xlsx');
    expect(safeFileName('..')).toBe('Plan de mejora.xlsx');
    expect(safeFileName('.xlsx')).toBe('Plan de mejora.xlsx');
    expect(safeFileName('   ')).toBe('Plan de mejora.xlsx');
  });

  it('adds .xlsx when the chosen name lacks it', () => {
    expect(withXlsxExtension('/d/plan')).toBe('/d/plan.xlsx');
    expect(withXlsxExtension('/d/plan.final')).toBe('/d/plan.final.xlsx');
    expect(withXlsxExtension('/d/PLAN.XLSX')).toBe('/d/PLAN.XLSX');
  });

  it('explains write failures in Spanish with what to do', () => {
    const busy = saveErrorMessage(Object.assign(new Error('x'), { code: 'EBUSY' }), 'C:\\docs\\plan.xlsx');
    expect(busy).toMatch(/abierto en otro programa/);
    expect(busy).toMatch(/Cierre el archivo/);
    expect(saveErrorMessage(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/d/p.xlsx')).toMatch(/disco está lleno/);
    expect(saveErrorMessage(new Error('raro'), '/d/p.xlsx')).toMatch(/^No se pudo guardar «p\.xlsx»/);
    expect(saveErrorMessage(new Error('raro'), '/d/p.xlsx')).not.toContain('raro');
  });
});

describe('saving an export', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function deps(dir: string, choose: (opts: SaveDialogOptions) => string | null, replace = true) {
    const errors: string[] = [];
    const shown: SaveDialogOptions[] = [];
    const asked: string[] = [];
    const d: SaveFileDeps = {
      documentsDir: dir,
      async showSaveDialog(opts) {
        shown.push(opts);
        const p = choose(opts);
        return p === null ? { canceled: true } : { canceled: false, filePath: p };
      },
      showError: (m) => void errors.push(m),
      confirmOverwrite: (t) => {
        asked.push(t);
        return replace;
      },
    };
    return { d, errors, shown, asked };
  }

  it('writes the exact bytes where the user chose, and says where', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    const { d, errors, shown } = deps(tmp.dir, (o) => o.defaultPath!);
    const result = await saveFile({ suggestedName: 'Plan 2026.xlsx', bytes: XLSX }, d);
    const target = path.join(tmp.dir, 'Plan 2026.xlsx');
    expect(result).toEqual({ saved: true, path: target });
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(XLSX);
    expect(shown[0]!.defaultPath).toBe(target);
    expect(errors).toEqual([]);
    expect(fs.readdirSync(tmp.dir)).toEqual(['Plan 2026.xlsx']); // no temporary file left behind
  });

  it('asks before replacing the file the added .xlsx names, and replaces it when told to', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    fs.writeFileSync(path.join(tmp.dir, 'informe.xlsx'), 'viejo');
    const { d, asked } = deps(tmp.dir, () => path.join(tmp.dir, 'informe'));
    const result = await saveFile({ suggestedName: 'Plan.xlsx', bytes: XLSX }, d);
    expect(asked).toEqual([path.join(tmp.dir, 'informe.xlsx')]);
    expect(result).toEqual({ saved: true, path: path.join(tmp.dir, 'informe.xlsx') });
    expect(new Uint8Array(fs.readFileSync(path.join(tmp.dir, 'informe.xlsx')))).toEqual(XLSX);
    expect(fs.readdirSync(tmp.dir)).toEqual(['informe.xlsx']);
  });

  it('leaves the file the added .xlsx names untouched when the user declines', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    fs.writeFileSync(path.join(tmp.dir, 'informe.xlsx'), 'viejo');
    const { d, asked } = deps(tmp.dir, () => path.join(tmp.dir, 'informe'), false);
    expect(await saveFile({ suggestedName: 'Plan.xlsx', bytes: XLSX }, d)).toEqual({ saved: false });
    expect(asked).toHaveLength(1);
    expect(fs.readFileSync(path.join(tmp.dir, 'informe.xlsx'), 'utf8')).toBe('viejo');
  });

  it('does not ask twice when the dialog already asked about the exact name', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    fs.writeFileSync(path.join(tmp.dir, 'informe.xlsx'), 'viejo');
    const { d, asked } = deps(tmp.dir, () => path.join(tmp.dir, 'informe.xlsx'), false);
    expect(await saveFile({ suggestedName: 'Plan.xlsx', bytes: XLSX }, d)).toEqual({
      saved: true,
      path: path.join(tmp.dir, 'informe.xlsx'),
    });
    expect(asked).toEqual([]);
  });

  it('writes nothing when the user cancels', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    const { d, errors } = deps(tmp.dir, () => null);
    expect(await saveFile({ suggestedName: 'Plan.xlsx', bytes: XLSX }, d)).toEqual({ saved: false });
    expect(fs.readdirSync(tmp.dir)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('tells the user when the file cannot be written, and reports not saved', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    const { d, errors } = deps(tmp.dir, () => path.join(tmp.dir, 'borrada', 'plan.xlsx'));
    expect(await saveFile({ suggestedName: 'Plan.xlsx', bytes: XLSX }, d)).toEqual({ saved: false });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/la carpeta ya no existe/);
  });

  it('keeps the old file whole when the new one cannot be put in its place', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    // A folder where the file should go: the rename fails after the bytes were written.
    const target = path.join(tmp.dir, 'plan.xlsx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'dentro.txt'), 'intacto');
    const { d, errors } = deps(tmp.dir, () => target);
    expect(await saveFile({ suggestedName: 'Plan.xlsx', bytes: XLSX }, d)).toEqual({ saved: false });
    expect(errors).toHaveLength(1);
    expect(fs.readFileSync(path.join(target, 'dentro.txt'), 'utf8')).toBe('intacto');
    expect(fs.readdirSync(tmp.dir)).toEqual(['plan.xlsx']); // the temporary copy was removed
  });

  it('refuses a malformed request without opening the dialog', async () => {
    const tmp = tempDir('mejora-save-');
    cleanup = tmp.cleanup;
    const { d, errors, shown } = deps(tmp.dir, (o) => o.defaultPath!);
    for (const bad of [
      null,
      {},
      { suggestedName: 'a.xlsx', bytes: 'texto' },
      { suggestedName: '', bytes: XLSX },
      { suggestedName: 'a.xlsx', bytes: [1, 2] },
    ]) {
      expect(await saveFile(bad, d)).toEqual({ saved: false });
    }
    expect(shown).toEqual([]);
    expect(errors).toHaveLength(5);
  });
});
