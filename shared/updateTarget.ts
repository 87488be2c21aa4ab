// "Actualizar desde Excel" must not quietly pour another institution's plan, or another
// period's, into a saved plan. Pure: what differs between the file and the plan it would update.
import { formatPeriod } from './format.ts';
import { foldText } from './text.ts';

export interface PlanIdentity {
  institution: string;
  periodFrom: number | null;
  periodTo: number | null;
}

export interface UpdateMismatch {
  institution: boolean;
  period: boolean;
}

/** Names compared without accents, case or the usual prefixes ("Ayuntamiento Municipal de"). */
function institutionKey(name: string): string {
  return foldText(name)
    .replace(/^(h\.?\s*)?(ayuntamiento|junta de distrito)( municipal)?( de| del)?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Null when the file is the same plan (same institution and period, as far as the file says). */
export function updateMismatch(file: PlanIdentity, target: PlanIdentity): UpdateMismatch | null {
  const institution = Boolean(file.institution.trim()) && institutionKey(file.institution) !== institutionKey(target.institution);
  const period =
    (file.periodFrom !== null && file.periodFrom !== target.periodFrom) || (file.periodTo !== null && file.periodTo !== target.periodTo);
  return institution || period ? { institution, period } : null;
}

/** The Spanish sentence the UI shows in red and the CLI prints before refusing. */
export function mismatchMessage(m: UpdateMismatch, file: PlanIdentity, target: PlanIdentity): string {
  const parts: string[] = [];
  if (m.institution) parts.push(`es de «${file.institution}», no de «${target.institution}»`);
  if (m.period)
    parts.push(
      `es del período ${file.periodFrom === null || file.periodTo === null ? '(sin período)' : formatPeriod(file.periodFrom, file.periodTo)}, no del ${target.periodFrom === null || target.periodTo === null ? '(sin período)' : formatPeriod(target.periodFrom, target.periodTo)}`,
    );
  return `Este archivo ${parts.join(' y ')}. Lo más seguro es importarlo como un plan nuevo.`;
}
