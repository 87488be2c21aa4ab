// The column mapping: what the user changed (kind, scale, reverse coding, service,
// options), saved per survey form by header key and laid over what was detected.
import type { ColumnMappingInput, SurveyColumn } from '../../shared/api/surveys.ts';
import { isBlank, isNonAnswer } from '../../shared/survey/labels.ts';
import { customScale, levelLookup, scaleById } from '../../shared/survey/scales.ts';
import { AppError } from '../../shared/errors.ts';
import type { ColumnConfig, ColumnData } from './model.ts';
import { countCodes } from './model.ts';
import { OPTION_JOINER, splitMulti } from './multiSelect.ts';

export interface SavedColumn {
  kind: ColumnConfig['kind'];
  scaleId: string | null;
  levels: string[] | null;
  reverse: boolean;
  service: string | null;
  options: string[] | null;
}

export interface SavedMapping {
  columns: Record<string, SavedColumn>;
  /** Key of the column naming each row's service; null = none; absent = as detected. */
  serviceColumnKey?: string | null;
}

export function parseSavedMapping(json: string): SavedMapping {
  try {
    const m = JSON.parse(json) as SavedMapping;
    return { columns: m.columns ?? {}, ...(m.serviceColumnKey !== undefined ? { serviceColumnKey: m.serviceColumnKey } : {}) };
  } catch {
    return { columns: {} };
  }
}

export function applySaved(detected: ColumnConfig, saved: SavedColumn | undefined): ColumnConfig {
  if (!saved) return detected;
  const scale = saved.levels?.length ? customScale(saved.levels) : saved.scaleId ? scaleById(saved.scaleId) : null;
  return {
    ...detected,
    kind: saved.kind,
    scale: saved.kind === 'scale' ? (scale ?? detected.scale) : null,
    scaleAmbiguous: saved.kind === 'scale' && !scale ? detected.scaleAmbiguous : false,
    reverse: saved.reverse,
    service: saved.service?.trim() ? saved.service.trim() : null,
    options: saved.options ?? detected.options,
  };
}

/** Turns a user's change into what is saved on the form; checks it makes sense. */
export function toSaved(input: ColumnMappingInput, current: ColumnConfig, header: string): SavedColumn {
  let scaleId: string | null = null;
  let levels: string[] | null = null;
  if (input.kind === 'scale') {
    if (input.levels?.length) {
      levels = input.levels.map((l) => l.trim()).filter(Boolean);
      if (levels.length < 2) throw new AppError('invalid_argument', `La escala de «${header}» necesita al menos dos niveles.`);
    } else if (input.scaleId) {
      if (!scaleById(input.scaleId)) throw new AppError('invalid_argument', `Mejora no conoce la escala «${input.scaleId}».`);
      scaleId = input.scaleId;
    } else if (current.scale) {
      if (current.scale.id === 'custom') levels = current.scale.levels;
      else scaleId = current.scale.id;
    } else {
      throw new AppError('invalid_argument', `Elija la escala de «${header}» (sus niveles, del peor al mejor).`);
    }
  }
  return {
    kind: input.kind,
    scaleId,
    levels,
    reverse: input.kind === 'scale' ? input.reverse : false,
    service: input.service?.trim() ? input.service.trim() : null,
    options: input.options === undefined ? null : input.options,
  };
}

/** How each distinct value of a column is coded for statistics. */
export const BLANK = -1;
export const NON_ANSWER = -2;
export const INVALID = -3;

/**
 * For a scale column: the effective level index (0 = worst, after reverse coding) of each
 * dict entry, or BLANK / NON_ANSWER / INVALID.
 */
export function scaleCodes(config: ColumnConfig, data: ColumnData): Int32Array {
  const k = config.scale?.levels.length ?? 0;
  const look = config.scale ? levelLookup(config.scale) : () => null;
  const out = new Int32Array(data.dict.length);
  data.dict.forEach((v, i) => {
    if (isBlank(v)) out[i] = BLANK;
    else if (isNonAnswer(v)) out[i] = NON_ANSWER;
    else {
      const level = look(v);
      out[i] = level === null ? INVALID : config.reverse ? k - 1 - level : level;
    }
  });
  return out;
}

/** The levels in effective order (reverse-coded questions list best-worded level first). */
export function effectiveLevels(config: ColumnConfig): string[] {
  const levels = config.scale?.levels ?? [];
  return config.reverse ? [...levels].reverse() : levels;
}

/** BLANK / NON_ANSWER per dict entry, else 0 (answered). */
export function answerClass(data: ColumnData): Int32Array {
  return Int32Array.from(data.dict, (v) => (isBlank(v) ? BLANK : isNonAnswer(v) ? NON_ANSWER : 0));
}

/** The chosen options of each dict entry of a multi column. */
export function multiParts(config: ColumnConfig, data: ColumnData): string[][] {
  const sep = data.dict.some((v) => v.includes(OPTION_JOINER)) ? 'unit' : data.dict.some((v) => v.includes(';')) ? 'semicolon' : 'comma';
  return data.dict.map((v) => (isBlank(v) || isNonAnswer(v) ? [] : splitMulti(v, sep, config.options)));
}

export function columnCounts(config: ColumnConfig, data: ColumnData, rows: Int32Array | null = null): SurveyColumn['counts'] {
  const counts = countCodes(data, rows);
  const cls = config.kind === 'scale' ? scaleCodes(config, data) : answerClass(data);
  let answered = 0;
  let blank = 0;
  let nonAnswer = 0;
  let invalid = 0;
  cls.forEach((c, i) => {
    const n = counts[i]!;
    if (c === BLANK) blank += n;
    else if (c === NON_ANSWER) nonAnswer += n;
    else if (c === INVALID) invalid += n;
    else answered += n;
  });
  return { answered, blank, nonAnswer, invalid };
}

/** Up to 6 distinct values, most frequent first, for the preview. */
export function sampleValues(data: ColumnData): string[] {
  const counts = countCodes(data, null);
  return data.dict
    .map((v, i) => ({ v: v.split(OPTION_JOINER).filter(Boolean).join('; '), n: counts[i]! }))
    .filter((e, i) => i > 0 && e.n > 0 && e.v)
    .sort((a, b) => b.n - a.n)
    .slice(0, 6)
    .map((e) => (e.v.length > 200 ? e.v.slice(0, 200) + '…' : e.v));
}
