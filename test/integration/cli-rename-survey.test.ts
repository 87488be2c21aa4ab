// Renaming a survey from the CLI: the form's name changes for every wave; errors in Spanish.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('mejora rename-survey', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args, '--db', db], { encoding: 'utf8' });
  afterAll(() => tmp.cleanup());

  it('renames the form of a survey, for all its waves', () => {
    expect(cli('import-survey', path.join(ROOT, 'test/fixtures/encuesta-kobo.csv')).status).toBe(0);
    const done = cli('rename-survey', '1', 'Satisfacción', 'mercado', '2026');
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('La encuesta 1 se llama ahora «Satisfacción mercado 2026».');
    const json = JSON.parse(cli('rename-survey', '1', '  Mercado   municipal ', '--json').stdout);
    expect(json).toMatchObject({ id: 1, formName: 'Mercado municipal' });
    expect(JSON.parse(cli('list-surveys', '--json').stdout)[0].formName).toBe('Mercado municipal');
  });

  it('says what is missing, in Spanish, without a trace', () => {
    const noName = cli('rename-survey', '1');
    expect(noName.status).toBe(2); // usage: the command lacks an argument
    expect(noName.stderr).toMatch(/Falta el nombre nuevo/);
    const unknown = cli('rename-survey', '99', 'Otra');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No existe la encuesta número 99/);
    expect(unknown.stderr).not.toMatch(/at .*\.ts/);
  });
});
