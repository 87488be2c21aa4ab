// The lines above the header: the title ("Plan de Mejora Institucional 2025-2026"), the
// institution (its own line or "Nombre de la Organización: …") and the period.
import { splitMetaLine } from '../../shared/planMetadata.ts';
import type { PlanMetaLine } from '../../shared/planMetadata.ts';
import { foldText, tidyText } from '../../shared/text.ts';

export interface PlanMeta {
  title: string;
  institution: string;
  periodFrom: number | null;
  periodTo: number | null;
  /**
   * Every other line, in order ("Fecha de elaboración: 15/10/2025"), and the institution's
   * line when it has a label ("Nombre de la Organización: …"), so an export writes them back.
   */
  metadata: PlanMetaLine[];
}

const INSTITUTION_KEY =
  /^(?:nombre de la (?:organizacion|institucion|entidad)|nombre de la instancia|organizacion|institucion|entidad|instancia|nombre)\s*:\s*/;
const INSTITUTION_WORDS =
  /\b(ayuntamiento|junta|distrito|municipio|municipal|ministerio|direccion|instituto|alcaldia|gobernacion|oficina|consejo|hospital|servicio|superintendencia|tesoreria|contraloria|procuraduria)\b/;
const PERIOD_KEY = /\b(periodo|vigencia|ano|anos)\b/;

/** The years a line names: "2025-2026", "2025 – 2026", "2025/2026", "2025 al 2026", or one year. */
export function readPeriod(text: string): { from: number; to: number } | null {
  const years = [...text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  if (years.length === 0) return null;
  const range = /(?<!\d)(20\d\d)\s*(?:-|–|—|\/|\ba\b|\bal\b|\bhasta\b)\s*(20\d\d)(?!\d)/i.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return to >= from ? { from, to } : null;
  }
  return { from: years[0]!, to: years[0]! };
}

/** Enough of a line to recognise it; folding all of a huge line would backtrack (foldText's trim). */
const MAX_FOLDED = 1000;
const foldLine = (text: string) => foldText(text.length > MAX_FOLDED ? text.slice(0, MAX_FOLDED) : text);

/** "plan … mejora" as words, like `/\bplan\b.*\bmejora\b/` but linear: that pattern rescans the rest of the line for every "plan". */
function namesPlanDeMejora(folded: string): boolean {
  const plan = /\bplan\b/.exec(folded);
  if (!plan) return false;
  const rest = folded.slice(plan.index + plan[0].length);
  const lineEnd = rest.search(/[\n\r\u2028\u2029]/);
  return /\bmejora\b/.test(lineEnd < 0 ? rest : rest.slice(0, lineEnd));
}

/** `lines` are the non-empty rows above the header, each its cells joined with a space. */
export function readPlanMeta(lines: string[]): PlanMeta {
  const meta: PlanMeta = { title: '', institution: '', periodFrom: null, periodTo: null, metadata: [] };
  const rest: string[] = [];
  /** The lines that are not the title, in order; the one that turns out to be the institution or period alone is left out. */
  const kept: string[] = [];
  for (const line of lines) {
    const text = tidyText(line).replace(/\n/g, ' ');
    const folded = foldLine(text);
    if (!meta.title && namesPlanDeMejora(folded)) {
      meta.title = text;
      const period = readPeriod(text);
      if (period) [meta.periodFrom, meta.periodTo] = [period.from, period.to];
      continue;
    }
    const key = INSTITUTION_KEY.exec(folded);
    if (key && !meta.institution) {
      const colon = text.indexOf(':');
      meta.institution = text.slice(colon + 1).trim();
      kept.push(text);
      continue;
    }
    rest.push(text);
    kept.push(text);
  }
  let periodLine: string | null = null;
  if (meta.periodFrom === null) {
    for (const text of rest) {
      const folded = foldLine(text);
      const period = PERIOD_KEY.test(folded) || /^\D*20\d\d\s*[-–/]\s*20\d\d\D*$/.test(folded) ? readPeriod(text) : null;
      if (period) {
        [meta.periodFrom, meta.periodTo] = [period.from, period.to];
        periodLine = text;
        break;
      }
    }
  }
  if (!meta.institution) {
    // A line of its own: prefer one that names a kind of institution, else the first free line.
    const free = rest.filter((t) => !/^[^:]{1,40}:/.test(t) && /[a-z]{3}/i.test(t));
    const line = free.find((t) => INSTITUTION_WORDS.test(foldLine(t))) ?? free[0];
    meta.institution = line ?? '';
    if (line !== undefined) kept.splice(kept.indexOf(line), 1);
  }
  for (const text of kept) {
    const line = splitMetaLine(text);
    // The period alone ("2025-2026", "Período 2025 - 2026") is the plan's period, not a line to keep.
    if (text === periodLine && !line.label) continue;
    meta.metadata.push(line);
  }
  return meta;
}
