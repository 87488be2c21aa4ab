// The lines a plan file carries above its header besides the title ("Nombre de la
// Organización: …", "Fecha de elaboración: 15/10/2025", "Elaborado por: …"). They are kept
// with the plan, edited in "Datos del plan" and written back above the header on export.
import { foldText } from './text.ts';

export interface PlanMetaLine {
  /** "Fecha de elaboración"; empty for a line of free text. */
  label: string;
  value: string;
}

export const MAX_META_LINES = 20;
export const MAX_META_LABEL = 80;
export const MAX_META_VALUE = 300;

const INSTITUTION_LABEL =
  /^(?:nombre de la (?:organizacion|institucion|entidad)|nombre de la instancia|organizacion|institucion|entidad|instancia|nombre)$/;
const PERIOD_LABEL = /^(?:periodo|periodo del plan|vigencia|ano|anos|periodo de ejecucion)$/;

/** "Nombre de la Organización" names the plan's institution: its value is the plan's. */
export function isInstitutionLabel(label: string): boolean {
  return INSTITUTION_LABEL.test(foldText(label));
}

/** "Período" names the plan's years: its value is the plan's period. */
export function isPeriodLabel(label: string): boolean {
  return PERIOD_LABEL.test(foldText(label));
}

/** What a line's value is bound to, if anything. */
export function boundField(label: string): 'institution' | 'period' | null {
  return isInstitutionLabel(label) ? 'institution' : isPeriodLabel(label) ? 'period' : null;
}

/**
 * "Fecha de elaboración: 15/10/2025" → { label, value }; a line with no short label before a
 * colon is free text. A colon inside a time ("10:30") or far into a sentence is not a label.
 */
export function splitMetaLine(text: string): PlanMetaLine {
  const m = /^([^:\n]{1,60}?)\s*:\s*(.*)$/s.exec(text.trim());
  if (!m || /\d$/.test(m[1]!) || !/\p{L}/u.test(m[1]!)) return { label: '', value: text.trim() };
  return { label: m[1]!.trim(), value: m[2]!.trim() };
}

/** The line as written above the header. */
export function metaLineText(line: PlanMetaLine): string {
  return line.label ? `${line.label}: ${line.value}` : line.value;
}

/**
 * The lines as saved: trimmed, empty ones dropped, and a line that names the institution or
 * the period showing the plan's own (so the two never disagree).
 */
export function normaliseMetadata(
  lines: readonly PlanMetaLine[],
  plan: { institution: string; periodFrom: number; periodTo: number },
): PlanMetaLine[] {
  const out: PlanMetaLine[] = [];
  for (const line of lines) {
    const label = line.label.replace(/\s+/g, ' ').trim().replace(/:$/, '').trim();
    let value = line.value.trim();
    const bound = boundField(label);
    if (bound === 'institution') value = plan.institution.trim();
    else if (bound === 'period') value = plan.periodFrom === plan.periodTo ? `${plan.periodFrom}` : `${plan.periodFrom}-${plan.periodTo}`;
    if (!label && !value) continue;
    out.push({ label, value });
  }
  return out.slice(0, MAX_META_LINES);
}

/** For next year's plan: the same lines, with dates left empty (they belong to this year's plan). */
export function metadataForNextPlan(lines: readonly PlanMetaLine[]): PlanMetaLine[] {
  return lines.map((l) => (/\bfecha\b/.test(foldText(l.label)) ? { label: l.label, value: '' } : { ...l }));
}
