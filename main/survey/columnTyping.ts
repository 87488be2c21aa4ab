// Proposes each column's kind (scale, single/multiple choice, number, free text, date)
// from its header and its distinct values, and the service a question measures.
import { foldLabel, isBlank, isNonAnswer } from '../../shared/survey/labels.ts';
import { guessScale } from '../../shared/survey/scales.ts';
import { foldText } from '../../shared/text.ts';
import type { ColumnConfig } from './model.ts';
import { detectSeparator, learnCommaOptions, learnSplitOptions, splitMulti } from './multiSelect.ts';
import { parseTimestamp } from './timestamps.ts';

const FREE_TEXT_HINT = /comentario|sugerencia|observaci|por que|porque|explique|especifique|describa|opinion|que mejoraria|que recomienda/;

export function emptyConfig(): ColumnConfig {
  return {
    kind: 'text',
    scale: null,
    scaleAmbiguous: false,
    reverse: false,
    service: null,
    group: null,
    options: null,
    note: null,
    partOf: null,
  };
}

/** "¿Qué tan satisfecho…? [Mercado municipal]" → stem and row. */
export function gridParts(header: string): { stem: string; row: string } | null {
  const m = /^(.*\S)\s*\[([^\]]+)\]\s*$/.exec(header);
  return m ? { stem: m[1]!.trim(), row: m[2]!.trim() } : null;
}

/** "…con el servicio: Mercado municipal?" → "Mercado municipal". */
export function serviceFromHeader(header: string): string | null {
  const m = /servicios?(?:\s+(?:de|del|de la))?\s*[:\-–—]\s*(.+?)\s*[?¿.]*\s*$/i.exec(header);
  if (m && m[1]!.length <= 80) return m[1]!.trim();
  return null;
}

export function typeColumn(header: string, distinct: readonly { value: string; count: number }[]): ColumnConfig {
  const config = emptyConfig();
  const grid = gridParts(header);
  if (grid) config.group = grid.stem;
  const h = foldText(header);
  const valid = distinct.filter((d) => !isBlank(d.value) && !isNonAnswer(d.value));
  const answered = valid.reduce((n, d) => n + d.count, 0);
  const service = grid ? grid.row : serviceFromHeader(header);

  if (valid.length === 0) {
    config.kind = FREE_TEXT_HINT.test(h) ? 'text' : 'single';
    config.options = [];
    return config;
  }
  if (FREE_TEXT_HINT.test(h) && !grid) {
    config.kind = 'text';
    return config;
  }
  const values = valid.map((d) => d.value);
  // Dates: all values parse and look like dates (not bare numbers).
  if (values.every((v) => /[-/]/.test(v) && parseTimestamp(v) !== null)) {
    config.kind = 'date';
    return config;
  }
  const guess = guessScale(values, header);
  if (guess) {
    config.kind = 'scale';
    config.scale = guess.scale;
    config.scaleAmbiguous = guess.ambiguous;
    config.service = service;
    return config;
  }
  if (values.every((v) => /^-?\d+([.,]\d+)?$/.test(v.trim()))) {
    config.kind = 'number';
    return config;
  }
  const sep = detectSeparator(values);
  if (sep !== 'comma') {
    config.kind = 'multi';
    config.options = learnSplitOptions(valid, sep);
    config.service = service;
    return config;
  }
  if (values.some((v) => v.includes(','))) {
    const options = learnCommaOptions(valid);
    const combined = values.some((v) => splitMulti(v, 'comma', options).length >= 2);
    if (combined && options.length <= 40 && options.length < valid.length) {
      config.kind = 'multi';
      config.options = options;
      config.service = service;
      return config;
    }
  }
  if (valid.length <= 30 && valid.length <= Math.max(3, answered * 0.5)) {
    config.kind = 'single';
    config.options = orderedOptions(valid);
    config.service = service;
    return config;
  }
  config.kind = 'text';
  return config;
}

/** Options by frequency, distinct after folding. */
function orderedOptions(valid: readonly { value: string; count: number }[]): string[] {
  const seen = new Map<string, { label: string; n: number }>();
  for (const d of valid) {
    const f = foldLabel(d.value);
    const e = seen.get(f);
    if (e) e.n += d.count;
    else seen.set(f, { label: d.value.trim(), n: d.count });
  }
  return [...seen.values()].sort((a, b) => b.n - a.n).map((e) => e.label);
}
