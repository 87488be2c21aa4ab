// The editor's follow-up form for an action, and what it sends on "Guardar". Pure, so the
// rules (a manual % needs a reason; a completed task has its day) are one place.
import type { ActionProgress, ActionStatusOverride } from '../../../../shared/seguimiento/types.ts';

export type ActionStatusChoice = 'auto' | ActionStatusOverride;

export interface ActionProgressForm {
  status: ActionStatusChoice;
  manual: boolean;
  /** As typed ("40", "37,5"). */
  percent: string;
  reason: string;
  /** 'AAAA-MM-DD' or ''. */
  doneOn: string;
  note: string;
}

export function progressFormOf(p: ActionProgress | null): ActionProgressForm {
  return {
    status: p?.statusOverride ?? 'auto',
    manual: p?.manualPercent != null,
    percent: p?.manualPercent != null ? String(p.manualPercent).replace('.', ',') : '',
    reason: p?.manualReason ?? '',
    doneOn: p?.statusOverride === 'completada' ? (p.doneOn ?? '') : '',
    note: p?.note ?? '',
  };
}

/** "37,5" / "37.5" / "40 %" → 37.5; null when it is not a number from 0 to 100. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n : null;
}

export interface ProgressFormErrors {
  percent?: string;
  reason?: string;
}

export function validateProgressForm(f: ActionProgressForm): ProgressFormErrors {
  const errors: ProgressFormErrors = {};
  if (!f.manual) return errors;
  if (parsePercent(f.percent) === null) errors.percent = 'Escriba un porcentaje de 0 a 100 (por ejemplo 40).';
  if (!f.reason.trim()) errors.reason = 'Escriba el motivo del porcentaje manual (por ejemplo, «informe del área»).';
  return errors;
}

export interface ActionProgressChange {
  status?: 'auto' | 'en_curso' | 'completada' | 'cancelada';
  percent?: number | 'auto';
  reason?: string;
  doneOn?: string | null;
  note?: string;
}

/** What changed between the form as opened and as saved (null: nothing to send). */
export function progressChange(before: ActionProgressForm, after: ActionProgressForm): ActionProgressChange | null {
  const change: ActionProgressChange = {};
  if (after.status !== before.status) change.status = after.status;
  if (after.manual !== before.manual || after.percent !== before.percent || after.reason !== before.reason) {
    if (after.manual) {
      change.percent = parsePercent(after.percent)!;
      change.reason = after.reason.trim();
    } else if (before.manual) change.percent = 'auto';
  }
  if (after.status === 'completada' && (after.doneOn !== before.doneOn || change.status)) change.doneOn = after.doneOn || null;
  if (after.note !== before.note) change.note = after.note;
  return Object.keys(change).length ? change : null;
}
