// Survey persistence: forms (with the saved mapping), waves and their columns. Answers
// are stored per column (dictionary + Int32 codes). Every write runs in one transaction.
import type { Database } from 'better-sqlite3';
import type { SurveySource, SurveySummary } from '../../shared/api/surveys.ts';
import type { TrashedSurvey } from '../../shared/api/trash.ts';
import { TRASH_DAYS } from '../../shared/limits.ts';
import { AppError } from '../../shared/errors.ts';
import type { SavedMapping } from './mapping.ts';
import { parseSavedMapping } from './mapping.ts';
import type { Codes, ColumnConfig, ColumnData, ParsedSurvey } from './model.ts';
import { dictJsonBytes } from './dictJson.ts';

const now = () => new Date().toISOString();

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Codes as stored: Int32, little-endian. Narrow codes (a file just read) are widened here, one column at a time. */
export function codesToBlob(codes: Codes): Buffer {
  // Little-endian machines (all Mejora runs on) store Int32 codes' own bytes, no copy: a
  // 240,000-row survey has a megabyte of codes per column.
  if (LITTLE_ENDIAN) {
    const wide = codes instanceof Int32Array ? codes : new Int32Array(codes);
    return Buffer.from(wide.buffer, wide.byteOffset, wide.byteLength);
  }
  const le = new Int32Array(codes.length);
  const view = new DataView(le.buffer);
  for (let i = 0; i < le.length; i++) view.setInt32(i * 4, codes[i]!, true);
  return Buffer.from(le.buffer, le.byteOffset, le.byteLength);
}

export function blobToCodes(blob: Buffer): Int32Array {
  const out = new Int32Array(blob.byteLength / 4);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}

export interface FormRow {
  id: number;
  name: string;
  source: SurveySource;
  fingerprint: string;
  mapping: string;
}

/** The sorted keys of the question columns: how waves of one form recognise each other. */
export function fingerprintOf(columns: readonly { key: string; config: ColumnConfig }[]): string {
  return [...new Set(columns.filter((c) => c.config.kind !== 'metadata').map((c) => c.key))].sort().join('\n');
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/** An existing form with the same questions (exactly, or 80 % of them), or null. */
export function findMatchingForm(db: Database, fingerprint: string): FormRow | null {
  const exact = db
    .prepare('SELECT id, name, source, fingerprint, mapping FROM survey_form WHERE fingerprint = ? ORDER BY id DESC LIMIT 1')
    .get(fingerprint) as FormRow | undefined;
  if (exact) return exact;
  const mine = new Set(fingerprint.split('\n'));
  let best: FormRow | null = null;
  let bestScore = 0.8;
  for (const f of db.prepare('SELECT id, name, source, fingerprint, mapping FROM survey_form').iterate() as IterableIterator<FormRow>) {
    const score = jaccard(mine, new Set(f.fingerprint.split('\n')));
    if (score >= bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

export function getForm(db: Database, formId: number): FormRow {
  const f = db.prepare('SELECT id, name, source, fingerprint, mapping FROM survey_form WHERE id = ?').get(formId) as FormRow | undefined;
  if (!f) throw new AppError('not_found', 'Ese formulario de encuesta ya no existe.');
  return f;
}

/** The form's waves, those in the Papelera left out. */
export function formWaveCount(db: Database, formId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM survey WHERE form_id = ? AND deleted_at IS NULL').get(formId) as { n: number }).n;
}

export function saveFormMapping(db: Database, formId: number, mapping: SavedMapping): void {
  db.prepare('UPDATE survey_form SET mapping = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(mapping), now(), formId);
}

export function assertPlanExists(db: Database, planId: number): void {
  const row = db.prepare('SELECT deleted_at FROM plan WHERE id = ?').get(planId) as { deleted_at: string | null } | undefined;
  if (!row) throw new AppError('not_found', `No existe el plan número ${planId}. Revise el número con «mejora list-plans».`);
  if (row.deleted_at)
    throw new AppError(
      'not_found',
      `No existe el plan número ${planId} entre sus planes: está en la Papelera (mejora trash restore ${planId}).`,
    );
}

export interface InsertSurveyInput {
  parsed: ParsedSurvey;
  fileName: string;
  formName: string;
  planId: number | null;
  /** Existing form (a new wave) or null to create one. */
  formId: number | null;
  mapping: SavedMapping;
  serviceColumnId: number | null;
  /** SHA-256 of the file's bytes: how the same file imported again is recognised. */
  fileSha256: string | null;
}

function sameValues(a: ArrayLike<string | number>, b: ArrayLike<string | number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * survey.dates_dict when the response dates are a column's own values: the column's number
 * (migration 010), not a second copy of its dictionary and codes (a 240,000-row survey: 5 MB
 * of timestamps written, read and parsed once instead of twice).
 */
interface SharedDates {
  column: number;
}

/** Stores a parsed survey in one transaction; returns its id and its form's id. */
export function insertSurvey(db: Database, input: InsertSurveyInput): { surveyId: number; formId: number } {
  const { parsed } = input;
  // The first and last response days, by one pass (no sorted copy of every timestamp).
  let first: string | null = null;
  let last: string | null = null;
  for (const d of parsed.dates.dict) {
    if (!d) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  // The response times are usually the date column's own values: the survey row then names
  // that column instead of holding them again. Dictionaries go to SQLite as UTF-8 bytes read
  // back as text (dictJson.ts: one copy in memory instead of three).
  const dateColumn = parsed.columns.findIndex(
    (c) => sameValues(c.data.dict, parsed.dates.dict) && sameValues(c.data.codes, parsed.dates.codes),
  );
  const datesDict =
    dateColumn >= 0 ? Buffer.from(JSON.stringify({ column: dateColumn } satisfies SharedDates)) : dictJsonBytes(parsed.dates.dict);
  const datesCodes = dateColumn >= 0 ? Buffer.alloc(0) : codesToBlob(parsed.dates.codes);
  const run = db.transaction(() => {
    if (input.planId !== null) assertPlanExists(db, input.planId);
    const stamp = now();
    let formId = input.formId;
    // The matched form may have gone (its last wave deleted) while the file was read.
    if (formId !== null && !db.prepare('SELECT 1 FROM survey_form WHERE id = ?').get(formId)) formId = null;
    const fingerprint = fingerprintOf(parsed.columns);
    // Another import of the same form may have created it while this file was read: look
    // again inside the write lock, so two imports at once make one form with two waves.
    if (formId === null && input.formId === null) formId = findMatchingForm(db, fingerprint)?.id ?? null;
    if (formId === null) {
      formId = Number(
        db
          .prepare('INSERT INTO survey_form (name, source, fingerprint, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(input.formName, parsed.source, fingerprint, JSON.stringify(input.mapping), stamp, stamp).lastInsertRowid,
      );
    } else {
      db.prepare('UPDATE survey_form SET mapping = ?, fingerprint = ?, updated_at = ? WHERE id = ?').run(
        JSON.stringify(input.mapping),
        fingerprint,
        stamp,
        formId,
      );
    }
    const surveyId = Number(
      db
        .prepare(
          `INSERT INTO survey (form_id, plan_id, file_name, source, respondents, date_from, date_to, warnings, row_numbers,
           dates_dict, dates_codes, service_column, imported_at, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?)`,
        )
        .run(
          formId,
          input.planId,
          input.fileName,
          parsed.source,
          parsed.respondents,
          first,
          last,
          JSON.stringify(parsed.warnings),
          codesToBlob(parsed.rowNumbers),
          datesDict,
          datesCodes,
          input.serviceColumnId,
          stamp,
          input.fileSha256,
        ).lastInsertRowid,
    );
    const insertColumn = db.prepare(
      'INSERT INTO survey_column (survey_id, id, header, key, detected, dict, codes) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?)',
    );
    parsed.columns.forEach((c, i) => {
      insertColumn.run(surveyId, i, c.header, c.key, JSON.stringify(c.config), dictJsonBytes(c.data.dict), codesToBlob(c.data.codes));
    });
    return { surveyId, formId };
  });
  // The answers are written once and not read back here: SQLite's page cache (16 MB on
  // better-sqlite3's connections) would only hold them in memory a second time. It stays
  // small for this write and is given back after.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -2048');
  try {
    return run.immediate();
  } finally {
    db.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}

interface SurveyRow {
  id: number;
  form_id: number;
  form_name: string;
  plan_id: number | null;
  file_name: string;
  source: SurveySource;
  respondents: number;
  date_from: string | null;
  date_to: string | null;
  warnings: string;
  service_column: number | null;
  imported_at: string;
  deleted_at: string | null;
  wave: number;
}

// A wave's number counts the form's waves not in the Papelera (a wave in the Papelera keeps
// the number it would have if it came back).
const SUMMARY_SQL = `
  SELECT s.id, s.form_id, f.name AS form_name, s.plan_id, s.file_name, s.source, s.respondents, s.date_from, s.date_to,
         s.warnings, s.service_column, s.imported_at, s.deleted_at,
         (SELECT COUNT(*) FROM survey o WHERE o.form_id = s.form_id AND (o.deleted_at IS NULL OR o.id = s.id)
            AND (COALESCE(o.date_from, '9999') < COALESCE(s.date_from, '9999')
                 OR (COALESCE(o.date_from, '9999') = COALESCE(s.date_from, '9999') AND o.id <= s.id))) AS wave
  FROM survey s JOIN survey_form f ON f.id = s.form_id`;

function toSummary(r: SurveyRow): SurveySummary {
  return {
    id: r.id,
    formId: r.form_id,
    formName: r.form_name,
    wave: r.wave,
    planId: r.plan_id,
    fileName: r.file_name,
    source: r.source,
    respondents: r.respondents,
    dateRange: r.date_from && r.date_to ? { from: r.date_from, to: r.date_to } : null,
    importedAt: r.imported_at,
  };
}

/** The imported waves, newest first; waves in the Papelera are left out. */
export function listSurveys(db: Database, planId?: number): SurveySummary[] {
  const rows = (
    planId === undefined
      ? db.prepare(`${SUMMARY_SQL} WHERE s.deleted_at IS NULL ORDER BY s.id DESC`).all()
      : db.prepare(`${SUMMARY_SQL} WHERE s.plan_id = ? AND s.deleted_at IS NULL ORDER BY s.id DESC`).all(planId)
  ) as SurveyRow[];
  return rows.map(toSummary);
}

/** The form's waves in order (those in the Papelera left out: they feed no indicator, trend or import). */
export function surveysOfForm(db: Database, formId: number): SurveySummary[] {
  return (db.prepare(`${SUMMARY_SQL} WHERE s.form_id = ? AND s.deleted_at IS NULL`).all(formId) as SurveyRow[])
    .map(toSummary)
    .sort((a, b) => a.wave - b.wave);
}

const inTrash = (surveyId: number) =>
  new AppError(
    'not_found',
    `La encuesta número ${surveyId} está en la Papelera. Para recuperarla: mejora trash restore --survey ${surveyId} (o Copias de seguridad → Papelera).`,
  );

const notFound = (surveyId: number) =>
  new AppError('not_found', `No existe la encuesta número ${surveyId}. Revise el número con «mejora list-surveys».`);

/** The wave's form; refused when the wave does not exist or is in the Papelera. */
function liveFormIdOf(db: Database, surveyId: number): number {
  const r = db.prepare('SELECT form_id, deleted_at FROM survey WHERE id = ?').get(surveyId) as
    | { form_id: number; deleted_at: string | null }
    | undefined;
  if (!r) throw notFound(surveyId);
  if (r.deleted_at) throw inTrash(surveyId);
  return r.form_id;
}

export interface SurveyHead {
  summary: SurveySummary;
  warnings: string[];
  detectedServiceColumn: number | null;
}

export function getSurveyHead(db: Database, surveyId: number): SurveyHead {
  const r = db.prepare(`${SUMMARY_SQL} WHERE s.id = ?`).get(surveyId) as SurveyRow | undefined;
  if (!r) throw notFound(surveyId);
  if (r.deleted_at) throw inTrash(surveyId);
  return { summary: toSummary(r), warnings: JSON.parse(r.warnings) as string[], detectedServiceColumn: r.service_column };
}

export interface StoredColumn {
  id: number;
  header: string;
  key: string;
  detected: ColumnConfig;
}

export function getColumns(db: Database, surveyId: number): StoredColumn[] {
  return (
    db.prepare('SELECT id, header, key, detected FROM survey_column WHERE survey_id = ? ORDER BY id').all(surveyId) as {
      id: number;
      header: string;
      key: string;
      detected: string;
    }[]
  ).map((r) => ({ id: r.id, header: r.header, key: r.key, detected: JSON.parse(r.detected) as ColumnConfig }));
}

export interface SurveyAnswers {
  columns: ColumnData[];
  dates: ColumnData;
  rowNumbers: Int32Array;
}

/** The answers of a survey, column by column. */
export function loadAnswers(db: Database, surveyId: number): SurveyAnswers {
  const head = db.prepare('SELECT row_numbers, dates_dict, dates_codes FROM survey WHERE id = ?').get(surveyId) as
    | { row_numbers: Buffer; dates_dict: string; dates_codes: Buffer }
    | undefined;
  if (!head) throw new AppError('not_found', `No existe la encuesta número ${surveyId}.`);
  const columns = (
    db.prepare('SELECT dict, codes FROM survey_column WHERE survey_id = ? ORDER BY id').all(surveyId) as { dict: string; codes: Buffer }[]
  ).map((r) => ({ dict: JSON.parse(r.dict) as string[], codes: blobToCodes(r.codes) }));
  return { columns, dates: storedDates(surveyId, head.dates_dict, head.dates_codes, columns), rowNumbers: blobToCodes(head.row_numbers) };
}

/** The response dates as stored: their own dictionary and codes, or {"column": N} naming the column they are. */
function storedDates(surveyId: number, text: string, codes: Buffer, columns: ColumnData[]): ColumnData {
  let dates: unknown;
  try {
    dates = JSON.parse(text);
  } catch {
    dates = undefined;
  }
  if (Array.isArray(dates) && dates.every((d) => typeof d === 'string')) return { dict: dates, codes: blobToCodes(codes) };
  const column = typeof dates === 'object' && dates !== null ? (dates as Partial<SharedDates>).column : undefined;
  if (typeof column === 'number' && Number.isInteger(column) && column >= 0 && column < columns.length) return columns[column]!;
  throw new AppError(
    'invalid_file',
    `Las fechas de las respuestas de la encuesta número ${surveyId} están dañadas en el archivo de datos. Restaure una copia de seguridad (Copias de seguridad) o importe la encuesta otra vez.`,
  );
}

export function formOfSurvey(db: Database, surveyId: number): FormRow {
  return getForm(db, liveFormIdOf(db, surveyId));
}

export function mappingOfForm(form: FormRow): SavedMapping {
  return parseSavedMapping(form.mapping);
}

/** Moves a wave to the Papelera: nothing is deleted for TRASH_DAYS days (its indicator links stay). */
export function deleteSurvey(db: Database, surveyId: number): void {
  db.transaction(() => {
    liveFormIdOf(db, surveyId);
    db.prepare('UPDATE survey SET deleted_at = ? WHERE id = ?').run(now(), surveyId);
    purgeSurveyTrash(db);
  }).immediate();
}

const expiry = (deletedAt: string) => new Date(Date.parse(deletedAt) + TRASH_DAYS * 86_400_000).toISOString();

/** The waves in the Papelera, the most recently deleted first. */
export function listSurveyTrash(db: Database): TrashedSurvey[] {
  purgeSurveyTrash(db);
  return (db.prepare(`${SUMMARY_SQL} WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC, s.id DESC`).all() as SurveyRow[]).map(
    (r) => ({ ...toSummary(r), deletedAt: r.deleted_at!, expiresAt: expiry(r.deleted_at!) }),
  );
}

/** Brings a wave back from the Papelera: it feeds its form's indicators and trend again. */
export function restoreSurveyFromTrash(db: Database, surveyId: number): SurveySummary {
  const row = db.prepare('SELECT deleted_at FROM survey WHERE id = ?').get(surveyId) as { deleted_at: string | null } | undefined;
  if (!row)
    throw new AppError(
      'not_found',
      `La encuesta número ${surveyId} no está en la Papelera: puede que hayan pasado los ${TRASH_DAYS} días. Vea «mejora trash list».`,
    );
  if (!row.deleted_at)
    throw new AppError('conflict', `La encuesta número ${surveyId} no está en la Papelera: ya está entre sus encuestas.`);
  db.prepare('UPDATE survey SET deleted_at = NULL WHERE id = ?').run(surveyId);
  return getSurveyHead(db, surveyId).summary;
}

/**
 * Waves in the Papelera for more than TRASH_DAYS days are deleted for good (their answers with
 * them); a form left without any wave goes too, with the indicator links that measured it.
 */
export function purgeSurveyTrash(db: Database, at = new Date()): number {
  const cutoff = new Date(at.getTime() - TRASH_DAYS * 86_400_000).toISOString();
  const gone = db.prepare('DELETE FROM survey WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(cutoff).changes;
  if (gone) db.prepare('DELETE FROM survey_form WHERE NOT EXISTS (SELECT 1 FROM survey s WHERE s.form_id = survey_form.id)').run();
  return gone;
}

export function renameSurveyForm(db: Database, surveyId: number, name: string): void {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new AppError('invalid_argument', 'Escriba un nombre para la encuesta.');
  db.prepare('UPDATE survey_form SET name = ?, updated_at = ? WHERE id = ?').run(
    clean,
    new Date().toISOString(),
    liveFormIdOf(db, surveyId),
  );
}

export function setSurveyPlan(db: Database, surveyId: number, planId: number | null): void {
  liveFormIdOf(db, surveyId);
  if (planId !== null) assertPlanExists(db, planId);
  db.prepare('UPDATE survey SET plan_id = ? WHERE id = ?').run(planId, surveyId);
}

/** The forms with at least one wave not in the Papelera. */
export function listForms(db: Database): FormRow[] {
  return db
    .prepare(
      `SELECT id, name, source, fingerprint, mapping FROM survey_form f
       WHERE EXISTS (SELECT 1 FROM survey s WHERE s.form_id = f.id AND s.deleted_at IS NULL) ORDER BY id`,
    )
    .all() as FormRow[];
}

/** The earlier import of a file with these bytes (a wave in the Papelera does not count). */
export function findImportOfFile(db: Database, sha256: string): SurveySummary | null {
  const r = db.prepare(`${SUMMARY_SQL} WHERE s.file_sha256 = ? AND s.deleted_at IS NULL ORDER BY s.id LIMIT 1`).get(sha256) as
    | SurveyRow
    | undefined;
  return r ? toSummary(r) : null;
}

/** The plan a new wave of the form joins by default: the plan of its latest wave attached to one. */
export function planOfForm(db: Database, formId: number): number | null {
  const r = db
    .prepare(
      `SELECT s.plan_id FROM survey s JOIN plan p ON p.id = s.plan_id
     WHERE s.form_id = ? AND s.deleted_at IS NULL AND p.deleted_at IS NULL
     ORDER BY COALESCE(s.date_to, s.imported_at) DESC, s.id DESC LIMIT 1`,
    )
    .get(formId) as { plan_id: number } | undefined;
  return r?.plan_id ?? null;
}
