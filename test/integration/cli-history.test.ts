// The history of changes as the officer meets it: a real data file, the CLI as a process,
// a real plan workbook imported and updated (issue 9 item 5).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
async function mejora(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args], { env: { ...process.env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const FIXTURE = path.join(ROOT, 'test/fixtures/plan-vallejuelo-seguimiento.xlsx');

interface Change {
  at: string;
  door: string;
  no: number | null;
  task: number | null;
  field: string;
  from: string | null;
  to: string | null;
}

describe('mejora history', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'oficina.sqlite');
  const cli = (...args: string[]) => mejora([...args, '--db', db]);
  const history = async (...args: string[]): Promise<Change[]> => {
    const res = await cli('history', ...args, '--json');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    return (JSON.parse(res.stdout) as { changes: Change[] }).changes;
  };
  afterAll(() => tmp.cleanup());

  it('records file imports as archivo, CLI edits as cli, with the user name, newest first', async () => {
    expect((await cli('settings', '--set', 'usuario=Ana Pérez')).code).toBe(0);
    const imported = await cli('import-plan', FIXTURE, '--json');
    expect(imported.code).toBe(0);
    const plan = String(JSON.parse(imported.stdout).planId);

    let changes = await history(plan);
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes.map((c) => c.door))).toEqual(new Set(['archivo']));
    expect(changes.at(-1)).toMatchObject({ no: null, task: null, field: 'plan_created' });
    expect(Object.keys(changes[0]!)).toEqual(['at', 'door', 'no', 'task', 'field', 'from', 'to']);

    expect((await cli('progress', plan, '--action', '2', '--task', '1', '--status', 'completada', '--done-on', '10/03/2026')).code).toBe(0);
    expect((await cli('progress', plan, '--action', '2', '--percent', '75', '--reason', 'Informe de TIC')).code).toBe(0);

    changes = await history(plan, '--action', '2');
    expect(changes.every((c) => c.no === 2)).toBe(true);
    expect(changes[0]).toMatchObject({ door: 'cli', no: 2, task: null, field: 'manual_reason', to: 'Informe de TIC' });
    expect(changes[1]).toMatchObject({ door: 'cli', no: 2, task: null, field: 'manual_percent', from: '60', to: '75' });
    expect(changes).toContainEqual(
      expect.objectContaining({ door: 'cli', no: 2, task: 1, field: 'status', from: 'pendiente', to: 'completada' }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ door: 'cli', no: 2, task: 1, field: 'done_on', from: null, to: '2026-03-10' }),
    );
    expect(Date.parse(changes[0]!.at)).toBeGreaterThanOrEqual(Date.parse(changes.at(-1)!.at));

    // Updating the plan from the same workbook puts the file's values back: recorded as archivo.
    const updated = await cli('import-plan', FIXTURE, '--update', plan, '--force', '--json');
    expect(updated.code).toBe(0);
    changes = await history(plan, '--action', '2');
    expect(changes[0]).toMatchObject({ door: 'archivo', field: expect.stringMatching(/^manual_/) });
    expect(changes).toContainEqual(expect.objectContaining({ door: 'archivo', field: 'manual_percent', from: '75', to: '60' }));

    // The readable list is Spanish, with the door in words and the user's name.
    const text = await cli('history', plan, '--action', '2');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Historial de la acción 2');
    expect(text.stdout).toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} {2}Acción 2 · % de avance manual: «75 %» → «60 %» \(desde un archivo, Ana Pérez\)/,
    );
    expect(text.stdout).toContain('por la línea de comandos, Ana Pérez');
  });

  it('refuses an unknown plan or action with a Spanish message', async () => {
    let res = await cli('history', '99', '--json');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('No existe el plan número 99');
    res = await cli('history', '1', '--action', '40');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('no tiene la acción 40');
    res = await cli('history');
    expect(res.code).toBe(2);
  });
});
