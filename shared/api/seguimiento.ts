import { isIsoDay } from '../dates.ts';
import type { IsoDay } from '../dates.ts';
import { YEAR_MONTH_RE } from '../months.ts';
import type {
  ActionWithProgress,
  Attention,
  CutoffSummary,
  EvidenceItem,
  PlanProgress,
  PlanSettings,
  SuggestedCutoff,
} from '../seguimiento/types.ts';
import { TASK_STATUSES } from '../types.ts';
import { ValidationError, v } from '../validate.ts';
import type { Validator } from '../validate.ts';
import { method } from './contract.ts';
import { namedFileValidator } from './fileArg.ts';

/** Largest evidence file accepted. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** Files in one addEvidence call. Over HTTP (browser mode) send one file per call. */
export const MAX_EVIDENCE_FILES_PER_CALL = 20;
export const MAX_NOTE = 2000;

const id = () => v.int({ min: 1 });
const note = () => v.string({ max: MAX_NOTE });
const yearMonth = () => v.nullable(v.regex(YEAR_MONTH_RE, 'un mes con la forma AAAA-MM'));

/** A real calendar day written AAAA-MM-DD. */
export function dayValidator(): Validator<IsoDay> {
  return {
    parse(x, path = '') {
      if (typeof x !== 'string' || !isIsoDay(x)) throw new ValidationError(path, 'una fecha con la forma AAAA-MM-DD');
      return x;
    },
  };
}

/** A percentage 0–100 (up to two decimals count), or 'auto' to drop a manual figure. */
export function percentValidator(): Validator<number | 'auto'> {
  return {
    parse(x, path = '') {
      if (x === 'auto') return x;
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 100) {
        throw new ValidationError(path, 'un porcentaje de 0 a 100, o «auto»');
      }
      return x;
    },
  };
}

export interface EvidenceFileArg {
  fileName: string;
  bytes: Uint8Array;
}

/** One file: the size check names the file (a plain validator message would not). */
export function evidenceFileValidator(): Validator<EvidenceFileArg> {
  return namedFileValidator(
    MAX_EVIDENCE_BYTES,
    (name, size, max) =>
      `«${name}» pesa ${size}; cada evidencia puede pesar hasta ${max}. Redúzcala (por ejemplo, guarde el PDF con menor calidad o divida el archivo) y adjúntela de nuevo. No se adjuntó nada.`,
  );
}

const signer = () => v.object({ name: v.string({ max: 200 }), post: v.string({ max: 200 }) });

export const planSettingsValidator = v.object({
  semaforo: v.object({
    amberBehind: v.int({ min: 0, max: 100 }),
    redBehind: v.int({ min: 0, max: 100 }),
    amberDaysBeforeEnd: v.int({ min: 0, max: 366 }),
  }),
  sismap: v.object({ planDue: v.nullable(dayValidator()), informeDue: v.nullable(dayValidator()) }),
  signers: v.object({ elaborado: signer(), revisado: signer(), aprobado: signer() }),
  dueSoonDays: v.int({ min: 0, max: 366 }),
});

/** Statuses an action accepts: cancel, complete, mark started, or back to what its tasks say. */
export const ACTION_STATUS_ORDERS = ['pendiente', 'en_curso', 'completada', 'cancelada', 'auto'] as const;
export type ActionStatusOrder = (typeof ACTION_STATUS_ORDERS)[number];

export const seguimientoContract = {
  /**
   * The plan with every action's and task's follow-up as of `asOf` (today by default), or —
   * with `cutoffId` — the frozen state of a closed cut-off of this plan (asOf is then ignored).
   * `evidence: 'counts'`: the live plan comes without its `evidence` list (every action and task
   * still has its count) — what the plan screen asks for.
   */
  planProgress: method<PlanProgress>()(
    v.object({
      planId: id(),
      asOf: v.optional(dayValidator()),
      cutoffId: v.optional(id()),
      evidence: v.optional(v.literal('list', 'counts')),
    }),
  ),

  /**
   * A task's status, done day, note and own months. Fields left out keep their value.
   * Completing a task without `doneOn` records `asOf` (today) as its day; leaving
   * `completada` clears the day. Returns the action as of `asOf`.
   */
  setTaskProgress: method<ActionWithProgress>()(
    v.object({
      taskId: id(),
      status: v.optional(v.literal(...TASK_STATUSES)),
      doneOn: v.optional(v.nullable(dayValidator())),
      note: v.optional(note()),
      start: v.optional(yearMonth()),
      end: v.optional(yearMonth()),
      asOf: v.optional(dayValidator()),
    }),
  ),

  /**
   * The action's own follow-up. status: 'cancelada' cancels it and its open tasks;
   * 'completada' completes it (its open tasks with it; an action without tasks is marked
   * done); 'en_curso' marks an action without tasks as started; 'pendiente'/'auto' drop the
   * order and follow the tasks. percent + reason set a manual figure (reason required);
   * percent 'auto' drops it. doneOn: the day it was finished (default asOf). note: the
   * follow-up note (Observaciones).
   */
  setActionProgress: method<ActionWithProgress>()(
    v.object({
      actionId: id(),
      status: v.optional(v.literal(...ACTION_STATUS_ORDERS)),
      percent: v.optional(percentValidator()),
      reason: v.optional(v.string({ max: 500 })),
      doneOn: v.optional(v.nullable(dayValidator())),
      note: v.optional(note()),
      asOf: v.optional(dayValidator()),
    }),
  ),

  /**
   * Attaches files to an action (or one of its tasks): each is checked (type allowlist,
   * ≤ 25 MB, not empty), copied into the evidence folder beside the data file and verified
   * by hash. All or nothing. `date`: the day the evidence represents.
   */
  addEvidence: method<{ evidence: EvidenceItem[] }>()(
    v.object({
      actionId: id(),
      taskId: v.optional(id()),
      files: v.array(evidenceFileValidator(), { max: MAX_EVIDENCE_FILES_PER_CALL }),
      date: v.optional(v.nullable(dayValidator())),
      note: v.optional(note()),
    }),
  ),
  /** Evidence of a plan (or one action), in plan order; removed ones only with includeRemoved. */
  listEvidence: method<{ evidence: EvidenceItem[] }>()(
    v.object({ planId: id(), actionId: v.optional(id()), includeRemoved: v.optional(v.boolean()) }),
  ),
  /** Changes an evidence's day or description. */
  updateEvidence: method<EvidenceItem>()(
    v.object({ evidenceId: id(), date: v.optional(v.nullable(dayValidator())), note: v.optional(note()) }),
  ),
  /** Removes an evidence from the action (a closed cut-off keeps listing it; the file is kept). */
  removeEvidence: method<{ removed: true }>()(v.object({ evidenceId: id() })),
  /** A new file in place of an evidence: the old one is marked replaced, the new one returned. */
  replaceEvidence: method<EvidenceItem>()(
    v.object({
      evidenceId: id(),
      file: evidenceFileValidator(),
      date: v.optional(v.nullable(dayValidator())),
      note: v.optional(note()),
    }),
  ),
  /** The file's bytes (verified against its hash), for download in browser mode. */
  getEvidenceContent: method<{ fileName: string; mediaType: string; bytes: Uint8Array }>()(v.object({ evidenceId: id() })),
  /**
   * A copy of the file under its original name in a temporary folder, for the desktop shell to
   * open with the system's program on the user's click.
   */
  evidenceOpenPath: method<{ path: string; fileName: string }>()(v.object({ evidenceId: id() })),

  /** Closes a cut-off on `date` (not after asOf/today): freezes the plan's state as of that day. */
  createCutoff: method<{ id: number }>()(
    v.object({ planId: id(), date: dayValidator(), label: v.optional(v.string({ max: 120 })), asOf: v.optional(dayValidator()) }),
  ),
  /** The plan's cut-offs by date, and the default quarters not created yet. */
  listCutoffs: method<{ cutoffs: CutoffSummary[]; suggested: SuggestedCutoff[] }>()(v.object({ planId: id() })),
  /** Reopens a closed cut-off (the UI asks first; the CLI needs --yes). Recorded with the reason. */
  reopenCutoff: method<CutoffSummary>()(v.object({ cutoffId: id(), reason: v.optional(v.string({ max: 500 })) })),
  /** Closes a reopened cut-off again: freezes the state as of its day, now. */
  closeCutoff: method<CutoffSummary>()(v.object({ cutoffId: id(), asOf: v.optional(dayValidator()) })),

  /** Inicio: what needs attention as of asOf, for one plan or all. */
  attention: method<Attention>()(v.object({ planId: v.optional(id()), asOf: v.optional(dayValidator()) })),

  getPlanSettings: method<PlanSettings>()(v.object({ planId: id() })),
  setPlanSettings: method<PlanSettings>()(v.object({ planId: id(), settings: planSettingsValidator })),
};
