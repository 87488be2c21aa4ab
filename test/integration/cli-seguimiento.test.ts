// Following a plan from the command line, as a user runs it: a real process, a real data
// file, real evidence files, real workbooks (issue 7 items 10 and 11).
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { addDays, dominicanToday, formatDay } from '../../shared/dates.ts';

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

// Each command is a process that starts Node: allow for a busy machine.
describe('mejora seguimiento CLI', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'oficina.sqlite');
  const cli = (...args: string[]) => mejora([...args, '--db', db]);
  let plan: string;
  afterAll(() => tmp.cleanup());

  beforeAll(async () => {
    const res = await cli('import-plan', FIXTURE, '--json');
    expect(res.code).toBe(0);
    plan = String(JSON.parse(res.stdout).planId);
  });

  it('imports the follow-up columns of a real file into progress', async () => {
    const res = await cli('show-plan', plan, '--as-of', '15/03/2026', '--json');
    const actions = JSON.parse(res.stdout).actions;
    expect(actions.map((a: { progress: unknown }) => a.progress)).toEqual([
      { percent: 100, source: 'tareas', expected: null, semaforo: 'completada', state: 'completada', evidence: 0, done_on: '2026-02-27' },
      // 60 % read from the file counts as manual; 1 Jan … 31 Mar is 90 days, 15 March is day 74.
      { percent: 60, source: 'manual', expected: 82.22, semaforo: 'amarillo', state: 'en_proceso', evidence: 0, done_on: null },
      { percent: 0, source: 'tareas', expected: null, semaforo: 'verde', state: 'no_iniciada', evidence: 0, done_on: null },
    ]);
    expect(actions[2].end_open).toBe(true);
    expect(actions[0].tasks[0]).toEqual({
      text: 'Convocar reuniones periódicas.',
      status: 'completada',
      done_on: '2026-02-27',
      start: null,
      end: null,
      evidence: 0,
    });
  });

  it('progress: task status with the day it was done, manual % with reason, bad input refused in Spanish', async () => {
    let res = await cli(
      'progress',
      plan,
      '--action',
      '3',
      '--task',
      '1',
      '--status',
      'completada',
      '--done-on',
      '10/03/2026',
      '--as-of',
      '15/03/2026',
      '--json',
    );
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).progress).toMatchObject({ percent: 100, state: 'completada', done_on: '2026-03-10' });

    res = await cli('progress', plan, '--action', '2', '--percent', '75%', '--reason', 'Informe de TIC', '--as-of', '15/03/2026', '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).progress).toMatchObject({ percent: 75, source: 'manual', semaforo: 'verde' });

    // A command written wrongly exits 2 (usage); a well-written one the plan cannot take exits 1.
    for (const [args, words, code] of [
      [
        ['--action', '2', '--task', '1', '--status', 'terminadísima'],
        /no es un estado de tarea.*pendiente, en_curso, completada, cancelada/,
        2,
      ],
      [['--action', '2', '--percent', '120', '--reason', 'x'], /número de 0 a 100/, 2],
      [['--action', '2', '--percent', 'cuarenta', '--reason', 'x'], /número de 0 a 100/, 2],
      [['--action', '2', '--task', '1', '--percent', '40', '--reason', 'x'], /quite --task/, 2],
      [['--action', '2', '--task', '1', '--status', 'completada', '--done-on', '31/02/2026'], /dd\/mm\/aaaa/, 2],
      [['--action', '2', '--percent', '40'], /motivo.*--reason/, 2],
      [['--action', '9'], /no tiene la acción 9/, 1],
      [['--action', '2', '--task', '4', '--status', 'completada'], /no tiene la tarea 4/, 1],
    ] as const) {
      const bad = await cli('progress', plan, ...args);
      expect(bad.code, args.join(' ')).toBe(code);
      expect(bad.stderr).toMatch(words);
      expect(bad.stderr).not.toMatch(/at .*\.ts|Error:/);
    }
    // Nothing half-written by the refusals.
    const after = JSON.parse((await cli('show-plan', plan, '--as-of', '15/03/2026', '--json')).stdout).actions[1];
    expect(after.progress).toMatchObject({ percent: 75, source: 'manual' });
    expect(after.tasks[0].status).toBe('pendiente');
  });

  it('evidence add|list: copies beside the data file; refuses programs, empty and too-large files, naming them', async () => {
    const pdf = path.join(tmp.dir, 'Actas de reunión.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    const photo = path.join(tmp.dir, 'foto.jpg');
    fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    let res = await cli(
      'evidence',
      'add',
      plan,
      '--action',
      '1',
      '--task',
      '1',
      pdf,
      photo,
      '--date',
      '27/02/2026',
      '--note',
      'Actas firmadas',
      '--json',
    );
    expect(res.code).toBe(0);
    const added = JSON.parse(res.stdout).evidence;
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({ no: 1, task: 1, file: 'Actas de reunión.pdf', size: 15, date: '2026-02-27', note: 'Actas firmadas' });
    expect(fs.existsSync(path.join(tmp.dir, 'oficina.evidencias', added[0].sha256.slice(0, 2), added[0].sha256))).toBe(true);
    fs.rmSync(pdf); // the original may go away: Mejora has its own copy

    const exe = path.join(tmp.dir, 'informe.exe');
    fs.writeFileSync(exe, 'MZ');
    const empty = path.join(tmp.dir, 'vacio.docx');
    fs.writeFileSync(empty, '');
    const big = path.join(tmp.dir, 'grande.pdf');
    fs.writeFileSync(big, Buffer.alloc(26 * 1024 * 1024));
    for (const [file, words] of [
      [exe, /informe\.exe.*ejecutar programas/],
      [empty, /vacio\.docx.*vacío/],
      [big, /grande\.pdf.*25 MB/],
      [path.join(tmp.dir, 'no-existe.pdf'), /No se encontró/],
    ] as const) {
      res = await cli('evidence', 'add', plan, '--action', '2', photo, file);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(words);
    }
    // A document is dated the day it was made: not a day still to come.
    const tomorrow = formatDay(addDays(dominicanToday(), 1));
    res = await cli('evidence', 'add', plan, '--action', '2', photo, '--date', tomorrow);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/posterior a hoy.*No se guardó nada/);
    res = await cli('evidence', 'list', plan, '--json');
    expect(JSON.parse(res.stdout).evidence.map((e: { file: string }) => e.file)).toEqual(['Actas de reunión.pdf', 'foto.jpg']);
    const show = JSON.parse((await cli('show-plan', plan, '--json')).stdout);
    expect(show.actions[0].progress.evidence).toBe(2);
    expect(show.actions[0].tasks[0].evidence).toBe(2);
  });

  it('cutoff create|list|reopen: a closed cut-off shows the same after edits; reopening asks first (exit 3 until --yes)', async () => {
    let res = await cli('cutoff', 'create', plan, '--date', '2026-03-31', '--as-of', '01/04/2026', '--json');
    expect(res.code).toBe(0);
    const { id } = JSON.parse(res.stdout);
    const frozen = (await cli('show-plan', plan, '--cutoff', String(id), '--json')).stdout;
    expect(JSON.parse(frozen).actions[1].progress).toMatchObject({ percent: 75, semaforo: 'amarillo' });

    await cli('progress', plan, '--action', '2', '--percent', 'auto', '--as-of', '05/04/2026');
    await cli('progress', plan, '--action', '2', '--status', 'cancelada', '--as-of', '05/04/2026');
    expect((await cli('show-plan', plan, '--cutoff', String(id), '--json')).stdout).toBe(frozen);

    res = await cli('cutoff', 'list', plan, '--json');
    expect(JSON.parse(res.stdout).cutoffs).toEqual([
      expect.objectContaining({ id, label: 'Trimestre 1 2026', date: '2026-03-31', status: 'cerrado' }),
    ]);

    res = await cli('cutoff', 'reopen', plan, String(id));
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/--yes/);
    expect((await cli('show-plan', plan, '--cutoff', String(id), '--json')).stdout).toBe(frozen);
    res = await cli('cutoff', 'reopen', plan, String(id), '--yes', '--reason', 'Faltaba evidencia');
    expect(res.code).toBe(0);
    res = await cli('show-plan', plan, '--cutoff', String(id), '--json');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/reabierto/);
  });

  it('attention lists what needs attention as JSON', async () => {
    const res = await cli('attention', plan, '--as-of', '2026-03-20', '--json');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.asOf).toBe('2026-03-20');
    expect(out.items).toEqual(
      expect.arrayContaining([
        {
          planId: Number(plan),
          no: 3,
          action: 'Involucrar a los ciudadanos en la mejora de los servicios.',
          responsible: 'Encargado de tecnología',
          reason: 'completada_sin_evidencia',
          semaforo: 'completada',
        },
      ]),
    );
    for (const item of out.items) expect(Object.keys(item).sort()).toEqual(['action', 'no', 'planId', 'reason', 'responsible', 'semaforo']);
  });

  it('plan-settings --set CLAVE=VALOR', async () => {
    let res = await cli(
      'plan-settings',
      plan,
      '--set',
      'semaforo.amarillo=12',
      '--set',
      'sismap.informe=01/07/2027',
      '--set',
      'elaborado.nombre=Ana Pérez',
      '--json',
    );
    expect(res.code).toBe(0);
    const s = JSON.parse(res.stdout);
    expect(s.semaforo.amberBehind).toBe(12);
    expect(s.sismap.informeDue).toBe('2027-07-01');
    expect(s.signers.elaborado.name).toBe('Ana Pérez');
    res = await cli('plan-settings', plan, '--set', 'semaforo.rojo=5');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/rojo/);
    res = await cli('plan-settings', plan, '--set', 'color=azul');
    expect(res.code).toBe(2); // not a setting: the command is written wrongly
    expect(res.stderr).toMatch(/semaforo\.amarillo/);
  });

  it('export-plan --seguimiento writes the follow-up columns, and re-importing gives the same progress', async () => {
    const out = path.join(tmp.dir, 'seguimiento.xlsx');
    let res = await cli('export-plan', plan, out, '--seguimiento', '--as-of', '05/04/2026');
    expect(res.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(4).values as unknown[]).filter(Boolean);
    expect(headers.slice(-6)).toEqual([
      'Estatus',
      '% de avance',
      'Semáforo',
      'Evidencias (archivos)',
      'Fecha de cumplimiento',
      'Observaciones',
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Plan de Mejora', 'Seguimiento']);
    const semaforoCol = headers.indexOf('Semáforo') + 1;
    const cell = sheet.getRow(6).getCell(semaforoCol);
    expect(cell.value).toBe('Completada');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFBDD7EE');
    expect(sheet.getRow(6).getCell(headers.indexOf('Evidencias (archivos)') + 1).value).toBe('2: Actas de reunión.pdf; foto.jpg');

    const before = JSON.parse((await cli('show-plan', plan, '--as-of', '05/04/2026', '--json')).stdout).actions;
    res = await cli('import-plan', out, '--new', '--json');
    expect(res.code).toBe(0);
    const again = JSON.parse(
      (await cli('show-plan', String(JSON.parse(res.stdout).planId), '--as-of', '05/04/2026', '--json')).stdout,
    ).actions;
    const progressOf = (actions: { progress: Record<string, unknown>; tasks: Record<string, unknown>[] }[]) =>
      actions.map((a) => ({ ...a.progress, evidence: 0, tasks: a.tasks.map((t) => ({ ...t, evidence: 0 })) }));
    expect(progressOf(again)).toEqual(progressOf(before));
  });
});
