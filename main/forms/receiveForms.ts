// Receiving forms (issue 11 item 3): each returned form is read, checked against this plan
// (its token and id), and compared field by field — what it was sent with, what it says now,
// what Mejora says now (shared/forms/merge.ts). The preview writes nothing; applying runs every
// form's changes in ONE transaction through the seguimiento stores, recorded in the history
// with the door 'formulario' and the form's responsable as who made them.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FormCellNote, FormChange, FormChoice, FormConflict, FormField, FormPreview } from '../../shared/api/forms.ts';
import { MAX_NOTE } from '../../shared/api/seguimiento.ts';
import { dominicanToday } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { readDayAnswer, readPercentAnswer, readStatusAnswer, readTextAnswer } from '../../shared/forms/answers.ts';
import type { FieldValues } from '../../shared/forms/merge.ts';
import { FORM_FIELD_HEADERS, mergeField, percentValue, showFieldValue } from '../../shared/forms/merge.ts';
import type { TaskStatus } from '../../shared/types.ts';
import { recordChange, withDoor } from '../db/changeLog.ts';
import { getPlanSummary } from '../db/planStore.ts';
import { planProgressAsOf } from '../seguimiento/progressStore.ts';
import { setActionProgress, setTaskProgress } from '../seguimiento/progressWrites.ts';
import { expandFormFiles } from './formFiles.ts';
import type { FormInput } from './formFiles.ts';
import type { FormColumn } from './formLayout.ts';
import type { FormRow } from './formRows.ts';
import { editableFields, loadEvidenceNotes, rowsByKey } from './formRows.ts';
import type { FormAnswers } from './formStore.ts';
import { lastReceipt, planByFormToken, receiptBySha, recordReceipt, sentForm, setEvidenceNote } from './formStore.ts';
import { readFormWorkbook } from './readForm.ts';
import type { ReadForm, SentRow } from './readForm.ts';
import { headingCells } from './writeForm.ts';

const FIELDS: readonly FormField[] = ['estado', 'fecha', 'avance', 'observaciones', 'evidencia'];

type Parsed = { fileName: string; sha256: string; form: ReadForm; refused: null } | { fileName: string; refused: string };

/** Reads every file (async: inflating); compares nothing yet. */
export async function parseForms(files: readonly FormInput[]): Promise<Parsed[]> {
  const out: Parsed[] = [];
  for (const f of await expandFormFiles(files)) {
    if (f.refused !== null) {
      out.push({ fileName: f.fileName, refused: f.refused });
      continue;
    }
    try {
      const form = await readFormWorkbook(f.bytes, f.fileName);
      out.push({ fileName: f.fileName, sha256: createHash('sha256').update(f.bytes).digest('hex'), form, refused: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ fileName: f.fileName, refused: err.message });
    }
  }
  return out;
}

/** One field to write: the row it belongs to and the form's value. */
interface Write {
  row: FormRow;
  field: FormField;
  value: string;
}

export interface Evaluated {
  preview: FormPreview;
  /** What applying writes (changes, and conflicts chosen for the form). */
  writes: Write[];
  /** Recorded on apply (null: refused or already received). */
  receipt: { formId: string; sha256: string; answers: FormAnswers } | null;
}

export interface ReceiveOptions {
  choices?: readonly FormChoice[] | undefined;
  preferFormulario?: boolean | undefined;
  today?: IsoDay | undefined;
}

function emptyPreview(fileName: string, refused: string | null): FormPreview {
  return {
    file: fileName,
    responsible: '',
    changes: [],
    conflicts: [],
    ignored: [],
    problems: [],
    refused,
    alreadyApplied: false,
    sentAt: null,
  };
}

const READ_ONLY: { id: FormColumn['id']; sent: 'etiqueta' | 'texto' | 'indicador' | 'plazo'; what: string }[] = [
  { id: 'label', sent: 'etiqueta', what: 'el número' },
  { id: 'text', sent: 'texto', what: 'el texto de la acción o tarea' },
  { id: 'indicator', sent: 'indicador', what: 'el indicador' },
  { id: 'period', sent: 'plazo', what: 'el plazo' },
];

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Compares the parsed forms with the plan, in order (a later form sees what an earlier one changes). Writes nothing. */
export function evaluateForms(db: Database, planId: number, parsed: readonly Parsed[], opts: ReceiveOptions = {}): Evaluated[] {
  const today = opts.today ?? dominicanToday();
  const progress = planProgressAsOf(db, planId, { asOf: today });
  const current = rowsByKey(progress, loadEvidenceNotes(db, planId));
  const token = (db.prepare('SELECT token FROM form_plan_token WHERE plan_id = ?').get(planId) as { token: string } | undefined)?.token;
  const overlay = new Map<string, Partial<FieldValues>>();
  const batchShas = new Set<string>();
  const batchAnswers = new Map<string, FormAnswers>();
  const choice = (no: number, task: number | null, field: FormField) =>
    opts.choices?.find((c) => c.no === no && c.task === task && c.field === field)?.keep ??
    (opts.preferFormulario ? 'formulario' : 'mejora');
  const out: Evaluated[] = [];

  for (const p of parsed) {
    if (p.refused !== null) {
      out.push({ preview: emptyPreview(p.fileName, p.refused), writes: [], receipt: null });
      continue;
    }
    const { form } = p;
    const id = form.identity;
    const preview = emptyPreview(p.fileName, null);
    preview.responsible = id.responsable ?? '';
    preview.sentAt = /^\d{4}-\d{2}-\d{2}$/.test(id.enviado ?? '') ? id.enviado! : null;
    const formId = id.formulario ?? '';

    // Whose form is it?
    if (!token || id.plan_token !== token || Number(id.plan_id) !== planId) {
      const other = id.plan_token ? planByFormToken(db, id.plan_token) : null;
      preview.refused =
        other && other.id !== planId
          ? `Este formulario es del plan ${other.id} («${other.title}», ${other.institution}), no de este plan. Recíbalo en ese plan; no se aplicó nada.`
          : `Este formulario no salió de este plan (es de «${id.institucion ?? '?'}», ${id.plan ?? 'otro plan'}${id.periodo ? ` ${id.periodo}` : ''}, o de otro archivo de datos de Mejora). No se aplicó nada.`;
      out.push({ preview, writes: [], receipt: null });
      continue;
    }
    if (!formId) {
      preview.refused =
        'Al formulario le faltan sus datos de identidad (la hoja oculta «Mejora» fue modificada). Pida al responsable que use el archivo que recibió. No se aplicó nada.';
      out.push({ preview, writes: [], receipt: null });
      continue;
    }
    // What was sent is read from the data file, never from the form's own hidden sheet: a form
    // edited by hand cannot name another responsable's tasks or change the values it was sent with.
    const record = sentForm(db, planId, formId);
    if (!record) {
      preview.refused =
        'Este formulario no figura entre los enviados desde este plan (sus datos de identidad fueron cambiados, o se envió desde otra copia de los datos). Pida al responsable que use el archivo que recibió. No se aplicó nada.';
      out.push({ preview, writes: [], receipt: null });
      continue;
    }
    preview.responsible = record.responsible;
    preview.sentAt = record.sentAt;
    if (batchShas.has(p.sha256) || receiptBySha(db, planId, p.sha256)) {
      preview.alreadyApplied = true;
      out.push({ preview, writes: [], receipt: null });
      continue;
    }
    batchShas.add(p.sha256);
    // A form received before: its new copy is compared with what it said then, not with what it was sent with.
    const before = batchAnswers.get(formId) ?? lastReceipt(db, planId, formId)?.answers ?? null;

    // Heading cells edited (institution, plan, period…): ignored.
    const heading = headingCells({
      planId,
      planToken: token,
      institution: id.institucion ?? '',
      planTitle: id.plan ?? '',
      period: id.periodo ?? '',
      responsible: id.responsable ?? '',
      formId,
      sentAt: id.enviado ?? '',
      cutoff: null,
    });
    for (const address of Object.keys(heading)) {
      const sentText = id[`celda:${address}`];
      if (sentText === undefined) continue;
      const now = form.heading.get(address) ?? '';
      if (!sameText(now, sentText)) {
        const m = /^([A-Z]+)(\d+)$/.exec(address)!;
        preview.ignored.push({
          row: Number(m[2]),
          column: m[1]!,
          message: 'Se cambió el encabezado del formulario (institución, plan, período o responsable): no se toma.',
        });
      }
    }
    for (const u of form.unkeyed) {
      preview.ignored.push({
        row: u.row,
        column: u.column,
        message:
          'Fila agregada al formulario: Mejora no agrega tareas desde un formulario. Anótela en Observaciones o pida a la oficina que la agregue al plan.',
      });
    }

    const answers: FormAnswers = {};
    const writes: Write[] = [];
    const seen = new Set<string>();
    for (const row of form.rows) {
      if (seen.has(row.key)) {
        preview.ignored.push({
          row: row.row,
          column: row.cells.label?.column ?? 'B',
          message: 'Fila repetida: se tomó solo la primera con esta clave.',
        });
        continue;
      }
      seen.add(row.key);
      const sent = record.rows.get(row.key) as SentRow | undefined;
      if (!sent) {
        preview.ignored.push({
          row: row.row,
          column: row.cells.label?.column ?? 'B',
          message: 'Fila que no estaba en el formulario enviado: no se toma.',
        });
        continue;
      }
      const kind = row.key.startsWith('H') ? 'heading' : row.key.startsWith('T') ? 'task' : 'action';
      const editable = editableFields(kind);
      for (const ro of READ_ONLY) {
        const cell = row.cells[ro.id];
        if (cell && !sameText(cell.text, sent[ro.sent])) {
          preview.ignored.push({
            row: cell.row,
            column: cell.column,
            message: `Se cambió ${ro.what}: Mejora no toma cambios fuera de las celdas amarillas. Si hay que corregir el plan, hágalo en Mejora.`,
          });
        }
      }
      // Values read from the editable cells; cells outside them that were filled are reported.
      const formValues: Partial<FieldValues> = {};
      const cellOf: Partial<Record<FormField, { row: number; column: string }>> = {};
      for (const field of FIELDS) {
        const cell = row.cells[field];
        if (!cell) continue;
        cellOf[field] = cell;
        if (!editable.includes(field)) {
          if (cell.text && !sameText(cell.text, sent[field])) {
            preview.ignored.push({
              row: cell.row,
              column: cell.column,
              message:
                field === 'avance' && kind === 'task'
                  ? 'El % de avance de una tarea no se toma: el de la acción sale de sus tareas. Cambie el Estado de la tarea.'
                  : 'Esta celda no es para llenar (fila de la acción): no se toma. Llene las filas de sus tareas.',
            });
          }
          continue;
        }
        const problem = (message: string) =>
          preview.problems.push({ row: cell.row, column: cell.column, message: `${FORM_FIELD_HEADERS[field]}: ${message}` });
        switch (field) {
          case 'estado': {
            const a = readStatusAnswer(cell.value);
            if (!a.ok) problem(a.message);
            else if (a.value !== null) formValues.estado = a.value;
            break;
          }
          case 'fecha': {
            const a = readDayAnswer(cell.value, today);
            if (!a.ok) problem(a.message);
            else if (a.value !== null) formValues.fecha = a.value;
            break;
          }
          case 'avance': {
            const a = readPercentAnswer(cell.value);
            if (!a.ok) problem(a.message);
            else if (a.value !== null) formValues.avance = percentValue(a.value);
            break;
          }
          default: {
            const text = readTextAnswer(cell.value);
            if (text.length > MAX_NOTE) problem(`el texto tiene ${text.length} caracteres; caben ${MAX_NOTE}. Acórtelo; no se tomó.`);
            else formValues[field] = text;
          }
        }
      }
      if (kind === 'heading') continue;
      answers[row.key] = Object.fromEntries(Object.entries(formValues));

      const now = current.get(row.key);
      const base = (field: FormField) => before?.[row.key]?.[field] ?? sent[field];
      const touched = FIELDS.some((f) => formValues[f] !== undefined && formValues[f] !== base(f));
      if (!now?.values) {
        if (touched) {
          const where = cellOf.estado ?? row.cells.label ?? { row: row.row, column: 'B' };
          // An action sent without tasks that has tasks now is still in the plan: its row is a
          // heading and its progress comes from the tasks, which this form never asked about.
          const gainedTasks = kind === 'action' && current.has(`H${row.key.slice(1)}`);
          preview.problems.push({
            row: where.row,
            column: where.column,
            message: gainedTasks
              ? `La acción ${sent.etiqueta} («${short(sent.texto)}») tiene tareas desde que se envió el formulario: su avance sale ahora de sus tareas, así que lo que dice esta fila no se aplicó. Anótelo en sus tareas, o envíe un formulario nuevo al responsable.`
              : `${kind === 'task' ? 'La tarea' : 'La acción'} ${sent.etiqueta} («${short(sent.texto)}») ya no está en el plan (se quitó después de enviar el formulario): lo que dice esta fila no se aplicó.`,
          });
        }
        continue;
      }
      const nowValues = { ...now.values, ...overlay.get(row.key) };
      const rowWrites: Write[] = [];
      for (const field of editable) {
        const value = formValues[field];
        if (value === undefined) continue;
        const outcome = mergeField(base(field), value, nowValues[field]);
        if (outcome === 'none') continue;
        const ids = { no: now.no, task: now.task, field };
        if (outcome === 'change') {
          preview.changes.push({
            ...ids,
            from: showFieldValue(field, nowValues[field]),
            to: showFieldValue(field, value),
          } satisfies FormChange);
          rowWrites.push({ row: now, field, value });
        } else {
          preview.conflicts.push({
            ...ids,
            mejora: showFieldValue(field, nowValues[field]),
            formulario: showFieldValue(field, value),
          } satisfies FormConflict);
          if (choice(now.no, now.task, field) === 'formulario') rowWrites.push({ row: now, field, value });
        }
      }
      // A day of completion goes only with a completed state.
      const fecha = rowWrites.find((w) => w.field === 'fecha');
      const status = (rowWrites.find((w) => w.field === 'estado')?.value ?? nowValues.estado) as TaskStatus;
      if (fecha && status !== 'completada') {
        const cell = cellOf.fecha!;
        preview.problems.push({
          row: cell.row,
          column: cell.column,
          message: 'Fecha de cumplimiento: solo va con el Estado «Completada»; la fecha no se tomó.',
        });
        rowWrites.splice(rowWrites.indexOf(fecha), 1);
        // Not taken, so not part of what this form said: a corrected copy brings the day again.
        delete answers[row.key]?.fecha;
        preview.changes = preview.changes.filter((c) => !(c.no === now.no && c.task === now.task && c.field === 'fecha'));
        preview.conflicts = preview.conflicts.filter((c) => !(c.no === now.no && c.task === now.task && c.field === 'fecha'));
      }
      for (const w of rowWrites) overlay.set(row.key, { ...overlay.get(row.key), [w.field]: w.value });
      writes.push(...rowWrites);
    }
    sortPreview(preview);
    batchAnswers.set(formId, answers);
    if (before && preview.changes.length === 0 && preview.conflicts.length === 0) {
      // A copy of a form received before (re-saved, sent again): it says so, and nothing else.
      preview.alreadyApplied = true;
      preview.ignored = [];
      preview.problems = [];
    }
    out.push({ preview, writes, receipt: { formId, sha256: p.sha256, answers } });
  }
  return out;
}

/** Plan order for changes and conflicts; sheet order for the notes. */
function sortPreview(p: FormPreview): void {
  const byItem = (a: { no: number; task: number | null; field: FormField }, b: { no: number; task: number | null; field: FormField }) =>
    a.no - b.no || (a.task ?? 0) - (b.task ?? 0) || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field);
  const byCell = (a: FormCellNote, b: FormCellNote) =>
    a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);
  p.changes.sort(byItem);
  p.conflicts.sort(byItem);
  p.ignored.sort(byCell);
  p.problems.sort(byCell);
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

export async function previewForms(db: Database, planId: number, files: readonly FormInput[]): Promise<{ forms: FormPreview[] }> {
  getPlanSummary(db, planId); // not found → its message, before reading anything
  const parsed = await parseForms(files);
  return { forms: evaluateForms(db, planId, parsed).map((e) => e.preview) };
}

/**
 * Applies every form's writes in one transaction. Returns the previews (as they were before
 * applying) and whether anything was written to the plan.
 */
export async function applyForms(
  db: Database,
  planId: number,
  files: readonly FormInput[],
  opts: ReceiveOptions = {},
  beforeWrite: () => Promise<void> = async () => {},
): Promise<{ forms: FormPreview[]; applied: boolean }> {
  getPlanSummary(db, planId);
  const parsed = await parseForms(files);
  const today = opts.today ?? dominicanToday();
  const firstLook = evaluateForms(db, planId, parsed, { ...opts, today });
  if (firstLook.some((e) => e.writes.length > 0)) await beforeWrite();
  return withDoor(db, 'formulario', () =>
    db.transaction(() => {
      // Evaluated again inside the transaction: what is written is what Mejora holds now.
      const evaluated = evaluateForms(db, planId, parsed, { ...opts, today });
      let applied = false;
      for (const e of evaluated) {
        if (!e.receipt) continue;
        const lastLog = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM change_log').get() as { id: number }).id;
        writeForm(db, e.writes, e.preview.responsible, today);
        if (e.writes.length > 0) {
          applied = true;
          recordChange(db, planId, 'form_received', null, `${e.preview.responsible || 'Formulario'} — ${e.preview.file}`);
          // The history names the form's responsable as who made these changes.
          if (e.preview.responsible) {
            db.prepare(`UPDATE change_log SET user_name = ? WHERE id > ? AND door = 'formulario'`).run(e.preview.responsible, lastLog);
          }
        }
        recordReceipt(db, {
          planId,
          formId: e.receipt.formId,
          sha256: e.receipt.sha256,
          fileName: e.preview.file,
          responsible: e.preview.responsible,
          answers: e.receipt.answers,
          changes: e.writes.length,
        });
      }
      return { forms: evaluated.map((e) => e.preview), applied };
    })(),
  );
}

/** One form's writes, row by row, through the seguimiento stores (their rules for days, states and %). */
function writeForm(db: Database, writes: readonly Write[], responsible: string, today: IsoDay): void {
  const byRow = new Map<string, { row: FormRow; values: Partial<FieldValues> }>();
  for (const w of writes) {
    let entry = byRow.get(w.row.key);
    if (!entry) byRow.set(w.row.key, (entry = { row: w.row, values: {} }));
    entry.values[w.field] = w.value;
  }
  for (const { row, values } of byRow.values()) {
    if (row.kind === 'task' && row.taskId !== null) {
      const status = values.estado as TaskStatus | undefined;
      const resulting = status ?? (row.values!.estado as TaskStatus);
      setTaskProgress(
        db,
        row.taskId,
        {
          ...(status ? { status } : {}),
          ...(values.fecha && resulting === 'completada' ? { doneOn: values.fecha } : {}),
          ...(values.observaciones !== undefined ? { note: values.observaciones } : {}),
        },
        today,
      );
      if (values.evidencia !== undefined) setEvidenceNote(db, { taskId: row.taskId }, values.evidencia);
    } else if (row.kind === 'action') {
      const status = values.estado as TaskStatus | undefined;
      setActionProgress(
        db,
        row.actionId,
        {
          ...(status ? { status } : {}),
          ...(values.avance !== undefined
            ? { percent: Number(values.avance), reason: `Formulario de avance${responsible ? ` de ${responsible}` : ''}`.slice(0, 500) }
            : {}),
          ...(values.observaciones !== undefined ? { note: values.observaciones } : {}),
        },
        today,
      );
      if (values.fecha) {
        const state = db.prepare('SELECT status_override, manual_percent FROM action WHERE id = ?').get(row.actionId) as {
          status_override: string | null;
          manual_percent: number | null;
        };
        if (state.status_override === 'completada' || (state.manual_percent ?? 0) >= 100) {
          setActionProgress(db, row.actionId, { doneOn: values.fecha }, today);
        }
      }
      if (values.evidencia !== undefined) setEvidenceNote(db, { actionId: row.actionId }, values.evidencia);
    }
  }
}
