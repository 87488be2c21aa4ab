// API methods for the official plan spreadsheet: import (with a preview and, for a plan
// that already exists, what changed), update from a file, export.
import type { PlanMetaLine } from '../planMetadata.ts';
import { MAX_YEAR, MIN_YEAR } from '../rules.ts';
import type { ActionFields } from '../types.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';
import { MAX_PLAN_NAME } from '../limits.ts';
import { dayValidator } from './seguimiento.ts';

/** Largest plan workbook accepted (the same cap as main/files/inspect.ts). */
export const MAX_PLAN_FILE_BYTES = 40 * 1024 * 1024;

export interface ImportWarning {
  sheet: string;
  /** 1-based row of the sheet, or null for the whole file/sheet. */
  row: number | null;
  /** Column letter ("E"), or null. */
  column: string | null;
  /** Spanish: what was found and what was done. */
  message: string;
}

export interface ParsedPlan {
  institution: string;
  title: string;
  periodFrom: number | null;
  periodTo: number | null;
  /** The lines above the header besides the title ("Fecha de elaboración: …"). */
  metadata: PlanMetaLine[];
  extraColumns: string[];
  actions: ActionFields[];
  /**
   * Parallel to actions: the number written in the file's No. column (null when blank or not
   * a number). An update matches saved actions by these numbers when they are all present,
   * positive and unique; otherwise by position. The actions are saved numbered 1..n in file order.
   */
  fileNumbers: (number | null)[];
  /**
   * Parallel to actions: the action-level follow-up the file carried (Estatus, % de avance,
   * Fecha de cumplimiento, Observaciones, or a "Seguimiento" sheet), or null. Task-level
   * follow-up travels in each task (status, doneOn, note, start, end).
   */
  followUp: (ImportedFollowUp | null)[];
  /** True when the file had follow-up columns or a "Seguimiento" sheet (its statuses replace the saved ones on update). */
  hasFollowUp: boolean;
}

/** An action's follow-up as read from a file. A % read from a file counts as manual, with its source as reason. */
export interface ImportedFollowUp {
  statusOverride: 'en_curso' | 'completada' | 'cancelada' | null;
  manualPercent: number | null;
  manualReason: string | null;
  doneOn: string | null;
  note: string;
}

export interface FieldChange {
  /** Spanish column header, e.g. 'Acción de Mejora', 'Tareas', 'Fin'. */
  field: string;
  before: string;
  after: string;
}

export interface PlanDiff {
  added: { no: number; action: string }[];
  removed: { no: number; action: string }[];
  changed: { no: number; action: string; changes: FieldChange[] }[];
  unchanged: number;
  /** Institution, title or period changes. */
  planChanges: FieldChange[];
}

export interface PlanImportPreview {
  fileName: string;
  sheet: string;
  plan: ParsedPlan;
  warnings: ImportWarning[];
  /** An existing plan of the same institution and period (or targetPlanId), if any. */
  existingPlan: { id: number; title: string; institution: string } | null;
  /** Present when existingPlan is. */
  diff: PlanDiff | null;
  /**
   * When the plan to update (targetPlanId) is of another institution or period than the file:
   * the Spanish sentence that says so (shown in red; the dialog then proposes a new plan).
   */
  mismatch: string | null;
}

export interface PlanImportResult {
  planId: number;
  institution: string;
  period: { from: number; to: number };
  actions: number;
  tasks: number;
  warnings: ImportWarning[];
  updated: boolean;
}

const id = () => v.int({ min: 1 });
const year = () => v.int({ min: MIN_YEAR, max: MAX_YEAR });
const fileName = () => v.string({ max: 260 });
const bytes = () => v.bytes(MAX_PLAN_FILE_BYTES);

export const planFilesContract = {
  /** Reads a plan workbook and says what importing it would do. Writes nothing. */
  previewPlanImport: method<PlanImportPreview>()(v.object({ fileName: fileName(), bytes: bytes(), targetPlanId: v.optional(id()) })),
  /**
   * mode 'new' creates a plan; 'update' replaces planId's plan content with the file's
   * (institution, title and period too). periodFrom/periodTo/institution override what the
   * file said. One transaction: nothing is written on any failure.
   */
  importPlan: method<PlanImportResult>()(
    v.object({
      fileName: fileName(),
      bytes: bytes(),
      mode: v.literal('new', 'update'),
      planId: v.optional(id()),
      institution: v.optional(v.string({ max: MAX_PLAN_NAME })),
      periodFrom: v.optional(year()),
      periodTo: v.optional(year()),
    }),
  ),
  /**
   * The plan as an .xlsx in the official layout; `seguimiento: true` adds the follow-up columns
   * (Estatus, % de avance, Semáforo, Evidencias, Observaciones) as of `asOf` (today by default)
   * after the official ones, and a "Seguimiento" sheet with every task.
   */
  exportPlan: method<{ fileName: string; bytes: Uint8Array }>()(
    v.object({ planId: id(), seguimiento: v.optional(v.boolean()), asOf: v.optional(dayValidator()) }),
  ),
};
