// What the machine does to the officer — kill -9 mid-work, a lock held by another program,
// a file from a newer Mejora — on real processes and real files.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/browserMode.ts';
import { mejora, spawnMejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const PLAN = path.join(ROOT, 'test/fixtures/plan-vallejuelo-2025-2026.xlsx');
const SURVEY = path.join(ROOT, 'test/fixtures/encuesta-kobo.csv');

/** The Kobo sample's rows repeated until the file is large enough to take a while to import. */
function bigSurvey(dir: string, copies: number): string {
  const [header, ...rows] = fs.readFileSync(SURVEY, 'utf8').split(/\r?\n/).filter(Boolean);
  const out = path.join(dir, 'encuesta-grande.csv');
  const body: string[] = [header!];
  for (let i = 0; i < copies; i++) body.push(...rows);
  fs.writeFileSync(out, body.join('\r\n'));
  return out;
}

function waitExit(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('fault injection', { timeout: 180_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(async () => {
    tmp = tempDir('mejora-faults-');
    db = path.join(tmp.dir, 'mejora.sqlite');
    expect((await mejora(['import-plan', PLAN, '--db', db])).code).toBe(0);
  }, 120_000);
  afterEach(() => tmp.cleanup());

  it('kill -9 during a survey import: the file stays sound, the plan intact, the wave all there or not at all', async () => {
    const csv = bigSurvey(tmp.dir, 400); // ~45,000 rows
    for (const delay of [400, 1500]) {
      const child = spawnMejora(['import-survey', csv, '--db', db]);
      await sleep(delay);
      child.kill('SIGKILL');
      await waitExit(child);
      expect(integrity(db)).toBe('ok');
      const res = await mejora(['list-plans', '--json', '--db', db]);
      expect(res.code).toBe(0);
      expect(JSON.parse(res.stdout)).toHaveLength(1);
      const check = new Database(db, { readonly: true });
      const waves = check.prepare('SELECT respondents FROM survey').all() as { respondents: number }[];
      const columns = check.prepare('SELECT count(DISTINCT survey_id) AS n FROM survey_column').get() as { n: number };
      check.close();
      expect(columns.n).toBe(waves.length); // never a wave without its answers
      for (const w of waves) expect(w.respondents).toBeGreaterThan(40_000);
    }
  });

  it('kill -9 during an export over an existing file: the old file or the whole new one, never half', async () => {
    const target = path.join(tmp.dir, 'plan.xlsx');
    const previous = Buffer.from('PK-el plan que ya se envió al MAP');
    for (const delay of [150, 300, 450, 600]) {
      fs.writeFileSync(target, previous);
      const child = spawnMejora(['export-plan', '1', target, '--db', db]);
      await sleep(delay);
      child.kill('SIGKILL');
      await waitExit(child);
      const now = fs.readFileSync(target);
      if (!now.equals(previous)) {
        // A complete workbook: a zip whose end-of-central-directory record is there.
        expect(now.subarray(0, 2).toString()).toBe('PK');
        expect(now.subarray(-22).readUInt32LE(0)).toBe(0x06054b50);
      }
      for (const name of fs.readdirSync(tmp.dir))
        expect(name.endsWith('.xlsx.tmp') || name === 'plan.xlsx' || !name.endsWith('.xlsx')).toBe(true);
    }
  });

  it('kill -9 during a backup: the data file is untouched and every listed backup is whole', async () => {
    // Make the file big enough for the backup to take a moment.
    const big = new Database(db);
    const insert = big.prepare("INSERT INTO action (plan_id, position, action, updated_at) VALUES (1, ?, ?, 'x')");
    big.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(100 + i, `Acción de relleno ${i} `.repeat(30));
    })();
    big.close();
    const before = fs.readFileSync(db);
    const copias = path.join(tmp.dir, 'mejora.copias');
    for (let round = 0; round < 2; round++) {
      const child = spawnMejora(['backup', 'create', '--db', db]);
      // Kill it while the copy is being written: as soon as its temporary file appears.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && child.exitCode === null) {
        if (fs.existsSync(copias) && fs.readdirSync(copias).some((n) => n.startsWith('.'))) break;
        await sleep(5);
      }
      child.kill('SIGKILL');
      await waitExit(child);
    }
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    const { backups } = JSON.parse((await mejora(['backup', 'list', '--json', '--db', db])).stdout) as { backups: { id: string }[] };
    for (const b of backups) expect(integrity(path.join(tmp.dir, 'mejora.copias', `${b.id}.sqlite`))).toBe('ok');
    // Whatever a killed backup left is hidden temp files only, never a counted copy.
    for (const name of fs.readdirSync(copias)) {
      expect(name.startsWith('.') || backups.some((b) => name.startsWith(b.id))).toBe(true);
    }
  });

  it('a locked database: another connection holds the write lock for 2 s, the CLI import waits and succeeds', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from ${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3/lib/index.js'))};
         const db = new Database(${JSON.stringify(db)});
         db.pragma('journal_mode = WAL');
         db.exec('BEGIN IMMEDIATE');
         db.prepare("UPDATE plan SET title = title || ' (revisado)' WHERE id = 1").run();
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, 2000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    const res = await mejora(['import-survey', SURVEY, '--db', db, '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).respondents).toBeGreaterThan(0);
    await waitExit(holder);
    const plans = JSON.parse((await mejora(['show-plan', '1', '--json', '--db', db])).stdout);
    expect(plans.title).toMatch(/\(revisado\)$/); // both writers' work is there
  });

  it('a file from a newer Mejora is refused by every command without changing a byte, WAL and SHM included', async () => {
    const newer = new Database(db);
    newer.prepare("INSERT INTO __migrations__ (id, name, applied_at) VALUES (999, 'futuro', 'x')").run();
    newer.close();
    const files = () =>
      Object.fromEntries(
        fs
          .readdirSync(tmp.dir)
          .map((n) => [n, fs.statSync(path.join(tmp.dir, n)).isFile() ? fs.readFileSync(path.join(tmp.dir, n)).toString('base64') : 'dir']),
      );
    const before = files();
    for (const args of [
      ['list-plans'],
      ['import-plan', PLAN, '--new'],
      ['import-survey', SURVEY],
      ['delete-plan', '1', '--yes'],
      ['backup', 'create'],
    ]) {
      const res = await mejora([...args, '--db', db]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/versión más reciente de Mejora.*no se ha modificado/);
    }
    expect(files()).toEqual(before);
  });
});
