// Backups, restore with undo, the one-file copy, the Papelera and confirmations — through the CLI.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/browserMode.ts';
import { mejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const PLAN = path.join(ROOT, 'test/fixtures/plan-vallejuelo-2025-2026.xlsx');
const SURVEY = path.join(ROOT, 'test/fixtures/encuesta-kobo.csv');

function listDir(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

describe('mejora backup', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  let copias: string;
  const m = (...args: string[]) => mejora([...args, '--db', db]);
  beforeEach(async () => {
    tmp = tempDir('mejora-backup-');
    db = path.join(tmp.dir, 'mejora.sqlite');
    copias = path.join(tmp.dir, 'mejora.copias');
    expect((await m('import-plan', PLAN)).code).toBe(0);
  }, 120_000);
  afterEach(() => tmp.cleanup());

  it('list --json and create --json print the documented shapes; the copy is a checked SQLite file', async () => {
    const created = await m('backup', 'create', '--json');
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout);
    expect(id).toMatch(/^\d{8}-\d{6}$/);
    const list = JSON.parse((await m('backup', 'list', '--json')).stdout);
    expect(list).toEqual({
      backups: [
        { id, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), reason: 'manual', size: expect.any(Number), plans: 1, actions: 3 },
      ],
    });
    const copy = new Database(path.join(copias, `${id}.sqlite`), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM action').get()).toEqual({ n: 3 });
    copy.close();
    expect(list.backups[0].size).toBe(fs.statSync(path.join(copias, `${id}.sqlite`)).size);
  });

  it('commands that only read never take a backup; an import into a file with data does', async () => {
    for (const args of [
      ['list-plans'],
      ['show-plan', '1', '--json'],
      ['backup', 'list'],
      ['trash', 'list'],
      ['export-plan', '1', path.join(tmp.dir, 'p.xlsx')],
    ]) {
      const r = await m(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(listDir(copias)).toEqual([]);
    expect((await m('import-survey', SURVEY)).code).toBe(0);
    const { backups } = JSON.parse((await m('backup', 'list', '--json')).stdout);
    expect(backups.map((b: { reason: string }) => b.reason)).toEqual(['antes de importar']);
  });

  it('restore without a terminal and without --yes refuses (exit 3, names --yes) and changes nothing', async () => {
    const { id } = JSON.parse((await m('backup', 'create', '--json')).stdout);
    await m('create-plan', '--institution', 'Junta de Distrito Municipal de Pedro Corto', '--from', '2026', '--to', '2026');
    const before = fs.readFileSync(db);
    const res = await m('backup', 'restore', id);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/--yes/);
    expect(res.stdout).toMatch(/contiene:[\s\S]*Vallejuelo[\s\S]*Ahora tiene:[\s\S]*Pedro Corto/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('restore then undo: the restore backs up the present first, and restoring that brings it back', async () => {
    const { id } = JSON.parse((await m('backup', 'create', '--json')).stdout);
    await m('create-plan', '--institution', 'Junta de Distrito Municipal de Pedro Corto', '--from', '2026', '--to', '2026');
    const restored = await m('backup', 'restore', id, '--yes', '--json');
    expect(restored.code).toBe(0);
    const { undoId } = JSON.parse(restored.stdout);
    expect(JSON.parse((await m('list-plans', '--json')).stdout)).toHaveLength(1);
    const { backups } = JSON.parse((await m('backup', 'list', '--json')).stdout);
    expect(backups.find((b: { id: string }) => b.id === undoId)).toMatchObject({ reason: 'antes de restaurar', plans: 2 });
    expect((await m('backup', 'restore', undoId, '--yes')).code).toBe(0);
    const plans = JSON.parse((await m('list-plans', '--json')).stdout) as { institution: string }[];
    expect(plans.map((p) => p.institution).sort()).toEqual([
      'Ayuntamiento Municipal de Vallejuelo',
      'Junta de Distrito Municipal de Pedro Corto',
    ]);
  });

  it('export writes ONE file with the data and the evidence files; import on another PC brings both back', async () => {
    const evidence = Buffer.from('Acta de la reunión con la comunidad, 12/03/2026');
    const sha = crypto.createHash('sha256').update(evidence).digest('hex');
    fs.mkdirSync(path.join(tmp.dir, 'mejora.evidencias', sha.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(tmp.dir, 'mejora.evidencias', sha.slice(0, 2), sha), evidence);
    const usb = path.join(tmp.dir, 'usb');
    fs.mkdirSync(usb);
    const out = await m('backup', 'export', path.join(usb, 'mejora-copia.sqlite'), '--json');
    expect(out.code).toBe(0);
    expect(listDir(usb)).toEqual(['mejora-copia.sqlite']);

    const other = path.join(tmp.dir, 'otra-pc', 'mejora.sqlite');
    const res = await mejora(['backup', 'import', path.join(usb, 'mejora-copia.sqlite'), '--yes', '--json', '--db', other]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ evidence: 1, undoId: null });
    expect(fs.readFileSync(path.join(tmp.dir, 'otra-pc', 'mejora.evidencias', sha.slice(0, 2), sha)).equals(evidence)).toBe(true);
    const plans = JSON.parse((await mejora(['list-plans', '--json', '--db', other])).stdout);
    expect(plans).toHaveLength(1);
    const restoredDb = new Database(other, { readonly: true });
    expect(restoredDb.prepare("SELECT 1 FROM sqlite_master WHERE name = '__evidence__'").get()).toBeUndefined();
    restoredDb.close();
  });

  it('import refuses a copy from a newer Mejora, a damaged copy and a file that is not a copy, changing nothing', async () => {
    const copy = path.join(tmp.dir, 'copia.sqlite');
    expect((await m('backup', 'export', copy)).code).toBe(0);
    const newer = new Database(copy);
    newer.prepare("INSERT INTO __migrations__ (id, name, applied_at) VALUES (999, 'futuro', 'x')").run();
    newer.close();
    const before = fs.readFileSync(db);
    const copyBytes = fs.readFileSync(copy);
    const res = await m('backup', 'import', copy, '--yes');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/versión más reciente de Mejora/);
    expect(fs.readFileSync(copy).equals(copyBytes)).toBe(true);
    expect(fs.readFileSync(db).equals(before)).toBe(true);

    fs.writeFileSync(path.join(tmp.dir, 'texto.sqlite'), 'no soy una copia'.repeat(50));
    const notCopy = await m('backup', 'import', path.join(tmp.dir, 'texto.sqlite'), '--yes');
    expect(notCopy.code).toBe(1);
    expect(notCopy.stderr).toMatch(/no es una copia de Mejora/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('import without --yes and without a terminal refuses (exit 3)', async () => {
    const copy = path.join(tmp.dir, 'copia.sqlite');
    await m('backup', 'export', copy);
    const res = await m('backup', 'import', copy);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/--yes/);
  });

  it('a damaged data file is set aside; the CLI names the command that restores the newest good backup (exit 1)', async () => {
    const { id } = JSON.parse((await m('backup', 'create', '--json')).stdout);
    const pages = Math.floor(fs.statSync(db).size / 4096);
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(pages / 2) * 4096);
    fs.closeSync(fd);
    const res = await m('list-plans');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`mejora backup restore ${id} --db ${db}`);
    expect(res.stderr).not.toMatch(/at \w+ \(|Error:/);
    expect(listDir(tmp.dir).some((n) => /^mejora\.danado-\d{8}-\d{6}\.sqlite$/.test(n))).toBe(true);
    expect((await m('backup', 'restore', id, '--yes')).code).toBe(0);
    expect(JSON.parse((await m('list-plans', '--json')).stdout)).toHaveLength(1);
  });
});

describe('mejora delete-plan and the Papelera', { timeout: 120_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  const m = (...args: string[]) => mejora([...args, '--db', db]);
  beforeEach(async () => {
    tmp = tempDir('mejora-trash-');
    db = path.join(tmp.dir, 'mejora.sqlite');
    expect((await m('import-plan', PLAN)).code).toBe(0);
  }, 120_000);
  afterEach(() => tmp.cleanup());

  it('asks first: without a terminal and without --yes it refuses with exit 3 naming --yes', async () => {
    const res = await m('delete-plan', '1');
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/--yes/);
    expect(JSON.parse((await m('list-plans', '--json')).stdout)).toHaveLength(1);
  });

  it('moves the plan to the Papelera (after a backup), lists it, and restores it whole', async () => {
    expect((await m('delete-plan', '1', '--yes')).code).toBe(0);
    expect(JSON.parse((await m('list-plans', '--json')).stdout)).toEqual([]);
    const shown = await m('show-plan', '1');
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/está en la Papelera.*mejora trash restore 1/);
    const trash = JSON.parse((await m('trash', 'list', '--json')).stdout);
    expect(trash).toEqual({
      trash: [
        {
          id: 1,
          institution: 'Ayuntamiento Municipal de Vallejuelo',
          title: 'Plan de Mejora Institucional 2025-2026',
          period: { from: 2025, to: 2026 },
          actions: 3,
          deleted_at: expect.any(String),
          expires_at: expect.any(String),
        },
      ],
      surveys: [],
      actions: [],
    });
    expect(Date.parse(trash.trash[0].expires_at) - Date.parse(trash.trash[0].deleted_at)).toBe(30 * 86_400_000);
    const { backups } = JSON.parse((await m('backup', 'list', '--json')).stdout);
    expect(backups[0]).toMatchObject({ reason: 'antes de borrar un plan', plans: 1 });
    expect(JSON.parse((await m('trash', 'restore', '1', '--json')).stdout)).toEqual({ id: 1 });
    expect(JSON.parse((await m('show-plan', '1', '--json')).stdout).actions).toHaveLength(3);
  });

  it('delete-survey moves a wave to the Papelera; trash list shows it; trash restore --survey ID brings it back', async () => {
    const imported = JSON.parse((await m('import-survey', SURVEY, '--plan', 'none', '--json')).stdout);
    const id = String(imported.surveyId);
    const refused = await m('delete-survey', id);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/--yes/);
    expect(JSON.parse((await m('list-surveys', '--json')).stdout)).toHaveLength(1);

    const deleted = await m('delete-survey', id, '--yes');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`mejora trash restore --survey ${id}`);
    expect(JSON.parse((await m('list-surveys', '--json')).stdout)).toEqual([]);
    const report = await m('survey-report', id);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/está en la Papelera.*mejora trash restore --survey/);

    const listed = JSON.parse((await m('trash', 'list', '--json')).stdout);
    expect(listed).toEqual({
      trash: [],
      surveys: [
        {
          id: imported.surveyId,
          form_id: imported.formId,
          form: expect.any(String),
          wave: 1,
          file: 'encuesta-kobo.csv',
          respondents: imported.respondents,
          plan_id: null,
          deleted_at: expect.any(String),
          expires_at: expect.any(String),
        },
      ],
      actions: [],
    });
    const text = await m('trash', 'list');
    expect(text.stdout).toMatch(/Encuestas:\n\s+1\s+.*ola 1 \(encuesta-kobo\.csv/);
    expect(text.stdout).toContain('mejora trash restore --survey ID');
    const { backups } = JSON.parse((await m('backup', 'list', '--json')).stdout);
    expect(backups[0]).toMatchObject({ reason: 'antes de borrar una encuesta' });

    // A plain ID is still a plan's: plan 1 is not in the Papelera.
    const wrong = await m('trash', 'restore', id);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/El plan número 1 no está en la Papelera/);
    const both = await m('trash', 'restore', '1', '--survey', id);
    expect(both.code).toBe(2);

    const restored = await m('trash', 'restore', '--survey', id, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual({ id: imported.surveyId, survey: true });
    expect(JSON.parse((await m('list-surveys', '--json')).stdout).map((s: { id: number }) => s.id)).toEqual([imported.surveyId]);
    expect((await m('survey-report', id, '--json')).code).toBe(0);
    expect(JSON.parse((await m('trash', 'list', '--json')).stdout)).toEqual({ trash: [], surveys: [], actions: [] });
  });

  it('settings --set usuario=NOMBRE keeps the user name (for history and reports); an unknown key is a usage error', async () => {
    const set = await m('settings', '--set', 'usuario=Ana Méndez', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ usuario: 'Ana Méndez' });
    expect(JSON.parse((await m('settings', '--json')).stdout)).toEqual({ usuario: 'Ana Méndez' });
    const bad = await m('settings', '--set', 'color=azul');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usuario=NOMBRE/);
  });
});
