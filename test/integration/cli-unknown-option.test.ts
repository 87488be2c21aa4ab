// A mistyped option is refused with exit 2 and the command's options, never ignored: ignored,
// `show-plan 1 --as-off 31/03/2026` would show today's plan and say it succeeded.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);

describe('an option the command does not have', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  afterAll(() => tmp.cleanup());

  it('is refused before anything is done, naming the options there are', async () => {
    const typo = await mejora(['import-plan', fixture('plan-vallejuelo-2025-2026.xlsx'), '--dry-rn', '--db', db]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/«mejora import-plan» no tiene la opción --dry-rn\. Sus opciones: .*--dry-run/);
    expect(typo.stdout).toBe('');
    // Nothing was imported.
    expect(JSON.parse((await mejora(['list-plans', '--json', '--db', db])).stdout)).toEqual([]);

    expect((await mejora(['import-plan', fixture('plan-vallejuelo-2025-2026.xlsx'), '--db', db, '--json'])).code).toBe(0);
    const asOff = await mejora(['show-plan', '1', '--as-off', '31/03/2026', '--db', db]);
    expect(asOff.code).toBe(2);
    expect(asOff.stderr).toMatch(/--as-off.*--as-of/);
    const jsn = await mejora(['list-plans', '--jsn', '--db', db]);
    expect(jsn.code).toBe(2);
    expect(jsn.stderr).not.toMatch(/Falta el valor/);
    // The real options still work.
    expect((await mejora(['show-plan', '1', '--as-of', '31/03/2026', '--json', '--db', db])).code).toBe(0);
  });

  it('a yes/no option given a value, or an empty --db, is refused: never read as yes, never the real data file', async () => {
    const no = await mejora(['delete-plan', '1', '--yes=no', '--db', db]);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/--yes no lleva valor/);
    expect(JSON.parse((await mejora(['list-plans', '--json', '--db', db])).stdout)).toHaveLength(1);
    const empty = await mejora(['list-plans', '--db=']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--db está vacío/);
  });
});
