// Other programs that open and save a form the way responsables do: openpyxl (a library
// writing into the workbook Mejora made) and LibreOffice (opens and re-saves it as .xlsx).
// Each is looked for once; a test that needs one is skipped, saying why, when it is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './browserMode.ts';

function works(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** A python3 that has openpyxl (apt: python3-openpyxl), or null. */
export const PYTHON_WITH_OPENPYXL: string | null =
  ['python3', '/usr/bin/python3'].find((py) => works(py, ['-c', 'import openpyxl'])) ?? null;

export const SOFFICE: string | null = ['soffice', 'libreoffice'].find((cmd) => works(cmd, ['--version'])) ?? null;

export const NO_OPENPYXL = 'python3 with openpyxl is not installed (apt-get install -y python3-openpyxl)';
export const NO_LIBREOFFICE = 'LibreOffice is not installed (apt-get install -y libreoffice-calc)';

export interface FillSpec {
  cells?: { row: string; column: string; value: string | number }[];
  sort?: 'reverse';
}

/** The form filled by openpyxl: cells found by the row's No. and the column's header. */
export function fillWithOpenpyxl(bytes: Uint8Array, spec: FillSpec): Uint8Array {
  if (!PYTHON_WITH_OPENPYXL) throw new Error(NO_OPENPYXL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-fill-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.xlsx'), bytes);
    execFileSync(PYTHON_WITH_OPENPYXL, [
      path.join(ROOT, 'test/fixtures/forms/fill_form.py'),
      path.join(dir, 'in.xlsx'),
      path.join(dir, 'out.xlsx'),
      JSON.stringify(spec),
    ]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'out.xlsx')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The workbook opened and saved again as .xlsx by LibreOffice (headless, its own profile). */
export function resaveWithLibreOffice(bytes: Uint8Array, outFormat = 'xlsx'): Uint8Array {
  if (!SOFFICE) throw new Error(NO_LIBREOFFICE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-lo-'));
  try {
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'form.xlsx'), bytes);
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        outFormat,
        '--outdir',
        path.join(dir, 'out'),
        path.join(dir, 'form.xlsx'),
      ],
      { stdio: 'ignore', timeout: 280_000 },
    );
    return new Uint8Array(fs.readFileSync(path.join(dir, 'out', `form.${outFormat.split(':')[0]}`)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
