// How numbers, counts, sizes and periods read in Spanish (es-DO), in one place for the UI, the CLI
// and the messages the backend writes. Dominican usage: 1,234.5 (comma thousands, point decimals),
// months in lower case ("abril 2026"), days as dd/mm/aaaa (shared/months.ts).

const LOCALE = 'es-DO';

/** A number with exactly `digits` decimals (46 → "46.0" with digits = 1); "—" when missing. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A whole count with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return n.toLocaleString(LOCALE, { maximumFractionDigits: 0 });
}

/**
 * "1 tarea", "3 tareas", "1,204 respuestas": the count and the right form of the noun. Pass the
 * plural when it is not the singular + "s" ("acción" → "acciones").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * "con sus 3 tareas" / "con su tarea" / "sin tareas": the phrase a confirmation message needs,
 * never "con sus 1 tarea".
 */
export function withTheir(n: number, one: string, many = `${one}s`): string {
  if (n === 0) return `sin ${many}`;
  if (n === 1) return `con su ${one}`;
  return `con sus ${plural(n, one, many)}`;
}

/** Bytes as a person reads a file size: "820 KB", "12.4 MB", "1.5 GB" (1 KB = 1024 bytes, as Windows shows). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return plural(bytes, 'byte');
  // One decimal below 10 ("1.5 GB", "9.8 MB"), none above ("12 MB"); never "1.0".
  const digits = value < 10 && Math.round(value * 10) % 10 !== 0 ? 1 : 0;
  return `${formatNumber(value, digits)} ${units[unit]}`;
}

/** A plan's period: "2025–2026", or "2026" when it is one year (never "2026–2026"). */
export function formatPeriod(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** A percentage 0–100 with one decimal: "46.2 %"; "—" when missing. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${formatNumber(value, digits)} %`;
}

/** Below this many answers a percentage or an average moves a lot with each person: say so. */
export const SMALL_BASE = 30;

export function isSmallBase(n: number | null | undefined): boolean {
  return n !== null && n !== undefined && n < SMALL_BASE;
}

/** The caution shown next to figures from a small base. */
export function smallBaseNote(n: number): string {
  return `Base pequeña (n = ${formatCount(n)}): tome estas cifras con cautela.`;
}

/**
 * How a plan is named in a selector or a list: institution and period first (every plan is titled
 * "Plan de Mejora Institucional …"), the title only when it says something else.
 */
export function planLabel(plan: { institution: string; periodFrom: number; periodTo: number; title: string }): string {
  const head = `${plan.institution} · ${formatPeriod(plan.periodFrom, plan.periodTo)}`;
  const usual = /^plan de mejora institucional\s+\d{4}(\s*[-–]\s*\d{4})?$/i.test(plan.title.trim());
  return usual || !plan.title.trim() ? head : `${head} · ${plan.title}`;
}
