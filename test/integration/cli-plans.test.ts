// The `mejora` command as a user runs it: a real process, a real data file.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { ROOT } from '../helpers/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
async function mejora(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('mejora CLI', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  afterAll(() => tmp.cleanup());
  let planId: number;

  beforeAll(async () => {
    const res = await mejora([
      'create-plan',
      '--institution',
      'Ayuntamiento Municipal de Vallejuelo',
      '--from',
      '2025',
      '--to',
      '2026',
      '--json',
      '--db',
      db,
    ]);
    expect(res.code).toBe(0);
    planId = JSON.parse(res.stdout).id;
    const backend = openBackend(db);
    await backend.api.addAction({
      planId,
      fields: {
        ...emptyActionFields(),
        criterion: 2,
        action: 'Impulsar los lazos con la comunidad',
        start: '2026-01',
        end: '2026-02',
        extra: { Meta: '4 reuniones' },
        tasks: [{ text: 'Convocar reuniones periódicas.', status: 'pendiente' }],
      },
    });
    backend.close();
  });

  it('create-plan --json prints {id}', () => {
    expect(planId).toBeTypeOf('number');
  });

  it('show-plan --json prints the documented shape', async () => {
    const res = await mejora(['show-plan', String(planId), '--json', '--as-of', '05/01/2026', '--db', db]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      id: planId,
      institution: 'Ayuntamiento Municipal de Vallejuelo',
      title: 'Plan de Mejora Institucional 2025-2026',
      period: { from: 2025, to: 2026 },
      metadata: [],
      actions: [
        {
          no: 1,
          criterion: 2,
          subcriterion: null,
          area: '',
          action: 'Impulsar los lazos con la comunidad',
          objective: '',
          start: '2026-01',
          end: '2026-02',
          end_open: false,
          resources: '',
          indicator: '',
          responsible: '',
          comments: '',
          extra: { Meta: '4 reuniones' },
          // 5 January is day 5 of 59 (January and February): 8.47 % expected.
          progress: { percent: 0, source: 'tareas', expected: 8.47, semaforo: 'verde', state: 'no_iniciada', evidence: 0, done_on: null },
          tasks: [{ text: 'Convocar reuniones periódicas.', status: 'pendiente', done_on: null, start: null, end: null, evidence: 0 }],
          carried_from: null,
        },
      ],
    });
  });

  it('show-plan prints the lines above the header (JSON and text)', async () => {
    const backend = openBackend(db);
    const { institution, title, periodFrom, periodTo, cafVersion } = await backend.api.getPlan({ planId });
    const p = { institution, title, periodFrom, periodTo, cafVersion };
    await backend.api.updatePlan({
      planId,
      fields: { ...p, metadata: [{ label: 'Fecha de elaboración', value: '15/10/2025' }] },
    });
    backend.close();
    const json = await mejora(['show-plan', String(planId), '--json', '--db', db]);
    expect(JSON.parse(json.stdout).metadata).toEqual([{ label: 'Fecha de elaboración', value: '15/10/2025' }]);
    const text = await mejora(['show-plan', String(planId), '--db', db]);
    expect(text.stdout).toContain('Ayuntamiento Municipal de Vallejuelo\nFecha de elaboración: 15/10/2025\nPeríodo');
    const b2 = openBackend(db);
    await b2.api.updatePlan({ planId, fields: { ...p, metadata: [] } });
    b2.close();
  });

  it('list-plans reads the file named by MEJORA_DB', async () => {
    const res = await mejora(['list-plans', '--json'], { MEJORA_DB: db });
    expect(JSON.parse(res.stdout)).toEqual([
      {
        id: planId,
        institution: 'Ayuntamiento Municipal de Vallejuelo',
        title: 'Plan de Mejora Institucional 2025-2026',
        period: { from: 2025, to: 2026 },
        actions: 1,
        archived: false,
      },
    ]);
  });

  it('show-plan without --json is readable Spanish', async () => {
    const res = await mejora(['show-plan', String(planId), '--db', db]);
    expect(res.stdout).toContain('1. [2] Impulsar los lazos con la comunidad (enero 2026 – febrero 2026)');
    expect(res.stdout).toContain('   1. [Pendiente] Convocar reuniones periódicas.');
  });

  it('errors go to stderr in Spanish with a non-zero exit code', async () => {
    const missing = await mejora(['show-plan', '99', '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/plan/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const noInstitution = await mejora(['create-plan', '--from', '2025', '--db', db]);
    expect(noInstitution.code).not.toBe(0);
    expect(noInstitution.stderr).toContain('Falta --institution');
    const unknown = await mejora(['hacer-magia']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Mejora no conoce el comando «hacer-magia»');
  });
});
