// What needs attention on Inicio (issue 7 item 6), as of a day. An action may appear once
// per reason: overdue, due soon, completed without evidence, should have started and has not.
import { dayNumber } from '../dates.ts';
import type { IsoDay } from '../dates.ts';
import type { ActionProgress, AttentionReason } from './types.ts';

export interface AttentionFinding {
  reason: AttentionReason;
  /** Last day of Fin (vencida, vence_pronto), first day of Inicio (no_iniciada), else null. */
  day: IsoDay | null;
}

export function attentionReasons(
  action: { endOpen: boolean },
  progress: Pick<ActionProgress, 'state' | 'evidence' | 'startDay' | 'endDay'>,
  asOf: IsoDay,
  dueSoonDays: number,
): AttentionFinding[] {
  const found: AttentionFinding[] = [];
  const today = dayNumber(asOf);
  if (progress.state === 'cancelada') return found;
  if (progress.state === 'completada') {
    if (progress.evidence === 0) found.push({ reason: 'completada_sin_evidencia', day: null });
    return found;
  }
  if (progress.endDay && !action.endOpen) {
    const left = dayNumber(progress.endDay) - today;
    if (left < 0) found.push({ reason: 'vencida', day: progress.endDay });
    else if (left <= dueSoonDays) found.push({ reason: 'vence_pronto', day: progress.endDay });
  }
  if (progress.state === 'no_iniciada' && progress.startDay && today >= dayNumber(progress.startDay)) {
    found.push({ reason: 'no_iniciada', day: progress.startDay });
  }
  return found;
}
