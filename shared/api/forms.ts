import { v } from '../validate.ts';
import type { Validator } from '../validate.ts';
import { method } from './contract.ts';
import { namedFileValidator } from './fileArg.ts';

/** Largest form file (or .zip of forms) accepted: the plan import's cap. */
export const MAX_FORM_FILE_BYTES = 40 * 1024 * 1024;
/** Files in one previewForms/applyForms call (a .zip counts as one). */
export const MAX_FORM_FILES_PER_CALL = 50;

export const FORM_FIELDS = ['estado', 'fecha', 'avance', 'observaciones', 'evidencia'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** A value that changes: `from`/`to` are Spanish text as shown (estado in words, fecha dd/mm/aaaa, avance "50 %"). */
export interface FormChange {
  /** The action's No. */
  no: number;
  /** The task's number in the action (from 1), or null for the action itself. */
  task: number | null;
  field: FormField;
  from: string;
  to: string;
}

/** Changed in Mejora since the form was sent AND in the form: nothing is overwritten until chosen. */
export interface FormConflict {
  no: number;
  task: number | null;
  field: FormField;
  mejora: string;
  formulario: string;
}

/** A cell the form's reader could not take: `row` the sheet's row number, `column` its letter. */
export interface FormCellNote {
  row: number;
  column: string;
  message: string;
}

export interface FormPreview {
  /** The file name as given (inside a .zip: "archivo.zip › Avance - ….xlsx"). */
  file: string;
  /** The form's responsable; '' when unknown. */
  responsible: string;
  changes: FormChange[];
  conflicts: FormConflict[];
  /** Edits outside the cells to fill (action text, plan dates, added rows): not taken. */
  ignored: FormCellNote[];
  /** Answers that could not be read (a status not in the list, "cincuenta"…): not taken. */
  problems: FormCellNote[];
  /** Spanish reason when the whole form is refused (another plan, not a form, damaged…); null otherwise. */
  refused: string | null;
  /** The same form was received before: nothing changes. */
  alreadyApplied: boolean;
  /** AAAA-MM-DD the form was made, when known. */
  sentAt: string | null;
}

export interface FormResponsible {
  name: string;
  /** Actions of this responsable not completed or cancelled. */
  pendingActions: number;
  /** Rows the form would carry (tasks, plus actions without tasks). */
  tasks: number;
  /** Selected by default: has pending actions. */
  selected: boolean;
}

export type FormChoice = { no: number; task: number | null; field: FormField; keep: 'mejora' | 'formulario' };

const id = () => v.int({ min: 1 });
/** One returned form (or .zip): a file too big is refused naming it, as every import does. */
function formFileValidator(): Validator<{ fileName: string; bytes: Uint8Array }> {
  return namedFileValidator(
    MAX_FORM_FILE_BYTES,
    (name, size, max) => `«${name}» pesa ${size}; Mejora acepta formularios (o un .zip de formularios) de hasta ${max}. No se aplicó nada.`,
  );
}
const formFile = () => formFileValidator();
const formFiles = () => v.array(formFile(), { max: MAX_FORM_FILES_PER_CALL });
const choice = () =>
  v.object({
    no: v.int({ min: 1 }),
    task: v.nullable(v.int({ min: 1 })),
    field: v.literal(...FORM_FIELDS),
    keep: v.literal('mejora', 'formulario'),
  });

export const formsContract = {
  /** The plan's responsables (as written on its actions), with how much each one's form would carry. */
  formResponsibles: method<{ responsibles: FormResponsible[] }>()(v.object({ planId: id() })),
  /**
   * The forms of the given responsables (none given: everyone with pending actions), as of a
   * closed cut-off (`cutoffId`) or today. One responsable and !zip → one .xlsx; otherwise a
   * .zip with one .xlsx each.
   */
  exportForms: method<{ fileName: string; bytes: Uint8Array }>()(
    v.object({
      planId: id(),
      responsibles: v.array(v.string({ min: 1, max: 500 }), { max: 500 }),
      cutoffId: v.optional(id()),
      zip: v.optional(v.boolean()),
      /** Make the files but record nothing in the data file (a rehearsal: --dry-run). */
      dryRun: v.optional(v.boolean()),
    }),
  ),
  /** Reads returned forms (a .zip among them is opened) and says what applying them would do. Writes nothing. */
  previewForms: method<{ forms: FormPreview[] }>()(v.object({ planId: id(), files: formFiles() })),
  /**
   * Applies the forms' changes in one transaction (history door 'formulario', naming each form's
   * responsable). Conflicts keep Mejora's value unless a choice (or preferFormulario) says otherwise.
   * `applied` is false when nothing had to change.
   */
  applyForms: method<{ forms: FormPreview[]; applied: boolean }>()(
    v.object({
      planId: id(),
      files: formFiles(),
      choices: v.optional(v.array(choice(), { max: 100_000 })),
      preferFormulario: v.optional(v.boolean()),
    }),
  ),
};
