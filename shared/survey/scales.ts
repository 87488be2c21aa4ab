// The Spanish scale dictionary: ordered levels (worst → best) and the variants people
// write. A scale belongs to a question: a level nobody chose still exists, so the levels
// come from here (or from the user), never only from the values seen.
import { foldLabel, isBlank, isNonAnswer, leadingCode } from './labels.ts';

export interface ScaleDef {
  /** Dictionary id ("satisfaccion5", "num0_10"…) or "custom". */
  id: string;
  /** Spanish name for the UI. */
  name: string;
  /** Display labels, worst → best. */
  levels: string[];
  /** Numeric value of each level for numeric scales (0–10, 1–5…); null for labelled scales. */
  values: number[] | null;
}

interface DictEntry {
  id: string;
  name: string;
  levels: string[];
  /** Other spellings → 0-based level index. */
  aliases?: Record<string, number>;
}

export const SCALE_DICTIONARY: readonly DictEntry[] = [
  {
    id: 'satisfaccion5',
    name: 'Satisfacción (5 niveles)',
    levels: ['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho'],
    aliases: {
      'nada satisfecho': 0,
      'totalmente insatisfecho': 0,
      'poco satisfecho': 1,
      'neutral': 2,
      'neutro': 2,
      'indiferente': 2,
      'ni insatisfecho ni satisfecho': 2,
      'algo satisfecho': 2,
      'bastante satisfecho': 4,
      'totalmente satisfecho': 4,
    },
  },
  {
    id: 'acuerdo5',
    name: 'Acuerdo (5 niveles)',
    levels: ['Totalmente en desacuerdo', 'En desacuerdo', 'Ni de acuerdo ni en desacuerdo', 'De acuerdo', 'Totalmente de acuerdo'],
    aliases: { 'muy en desacuerdo': 0, 'neutral': 2, 'indiferente': 2, 'ni en desacuerdo ni de acuerdo': 2, 'muy de acuerdo': 4 },
  },
  {
    id: 'calidad5',
    name: 'Calidad: Muy malo … Muy bueno',
    levels: ['Muy malo', 'Malo', 'Regular', 'Bueno', 'Muy bueno'],
    aliases: { 'pesimo': 0 },
  },
  {
    // Here "Regular" is the second level, not the midpoint.
    id: 'calidad5_excelente',
    name: 'Calidad: Malo … Excelente',
    levels: ['Malo', 'Regular', 'Bueno', 'Muy bueno', 'Excelente'],
  },
  {
    id: 'frecuencia5',
    name: 'Frecuencia (Nunca … Siempre)',
    levels: ['Nunca', 'Casi nunca', 'A veces', 'Casi siempre', 'Siempre'],
    aliases: { 'algunas veces': 2, 'rara vez': 1, 'pocas veces': 1, 'muchas veces': 3, 'frecuentemente': 3 },
  },
  {
    id: 'probabilidad5',
    name: 'Probabilidad',
    levels: ['Muy improbable', 'Improbable', 'Ni probable ni improbable', 'Probable', 'Muy probable'],
    aliases: { 'nada probable': 0, 'poco probable': 1 },
  },
];

const NUMERIC_RANGES: readonly [number, number][] = [
  [1, 5],
  [1, 7],
  [1, 10],
  [0, 10],
];

export function numericScale(min: number, max: number): ScaleDef {
  const values: number[] = [];
  for (let v = min; v <= max; v++) values.push(v);
  return { id: `num${min}_${max}`, name: `Numérica ${min} a ${max}`, levels: values.map(String), values };
}

function fromEntry(e: DictEntry): ScaleDef {
  return { id: e.id, name: e.name, levels: [...e.levels], values: null };
}

/** Every scale the user can pick, dictionary first, then the numeric ones. */
export function listScales(): ScaleDef[] {
  return [...SCALE_DICTIONARY.map(fromEntry), ...NUMERIC_RANGES.map(([a, b]) => numericScale(a, b))];
}

/** A scale by id ("satisfaccion5", "num0_10"), or null. */
export function scaleById(id: string): ScaleDef | null {
  const e = SCALE_DICTIONARY.find((d) => d.id === id);
  if (e) return fromEntry(e);
  const m = /^num(\d+)_(\d+)$/.exec(id);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 0 && b > a && b - a <= 20) return numericScale(a, b);
  }
  return null;
}

/** A user-defined scale from its labels, worst → best. */
export function customScale(levels: string[]): ScaleDef {
  return { id: 'custom', name: 'Personalizada', levels: [...levels], values: null };
}

/** "muy satisfecho" → also "muy satisfecha" (labels agree with feminine nouns). */
function feminine(folded: string): string {
  return folded.replace(/([a-z]{2,})o\b/g, '$1a');
}

/** Folded label → 0-based level index, for one scale. */
export type LevelLookup = (value: string) => number | null;

export function levelLookup(scale: ScaleDef): LevelLookup {
  if (scale.values) {
    const index = new Map(scale.values.map((v, i) => [v, i]));
    return (value) => {
      const t = value.trim().replace(',', '.');
      const n = /^-?\d+(\.0+)?$/.test(t) ? Number(t) : leadingCode(value);
      return n === null ? null : (index.get(n) ?? null);
    };
  }
  const map = new Map<string, number>();
  const add = (label: string, i: number) => {
    const f = foldLabel(label);
    if (!map.has(f)) map.set(f, i);
    const fem = feminine(f);
    if (!map.has(fem)) map.set(fem, i);
  };
  for (const [i, l] of scale.levels.entries()) add(l, i);
  const entry = SCALE_DICTIONARY.find((d) => d.id === scale.id);
  for (const [alias, i] of Object.entries(entry?.aliases ?? {})) add(alias, i);
  return (value) => map.get(foldLabel(value)) ?? null;
}

export interface ScaleGuess {
  scale: ScaleDef;
  /** More than one dictionary scale fits the values seen (e.g. "Regular, Bueno, Muy bueno"). */
  ambiguous: boolean;
}

const NUMERIC_HINT = /\b(0|1)\s*(al|a|-|y)\s*(5|7|10)\b|escala|recomend|califi|puntu|satisf|probab|valore|nota\b/;

/** Proposes a scale for a column from its distinct values and its header, or null. */
// The dictionary scales' lookups, built once: guessing runs for every column of a file
// (16,384 of them in a crafted one) and each lookup folds every label and alias.
let dictionaryLookups: { scale: ScaleDef; look: LevelLookup }[] | null = null;

export function guessScale(distinct: readonly string[], header: string): ScaleGuess | null {
  const values = distinct.filter((v) => !isBlank(v) && !isNonAnswer(v));
  if (values.length === 0) return null;
  const h = foldLabel(header);
  if (values.every((v) => /^\d{1,2}(\.0+)?$/.test(v.trim()))) {
    const nums = values.map((v) => Number(v.trim()));
    const min = Math.min(...nums);
    const max = Math.max(...nums);
    if (max > 10) return null;
    const hint = /\b(0|1)\s*(al|a|-|y)\s*(5|7|10)\b/.exec(h);
    if (hint) {
      const a = Number(hint[1]);
      const b = Number(hint[3]);
      if (min >= a && max <= b) return { scale: numericScale(a, b), ambiguous: false };
    }
    if (!NUMERIC_HINT.test(h) && new Set(nums).size < 3) return null;
    if (min === 0) return { scale: numericScale(0, 10), ambiguous: false };
    if (max <= 5) return { scale: numericScale(1, 5), ambiguous: false };
    if (max <= 7) return { scale: numericScale(1, 7), ambiguous: max > 5 };
    return { scale: numericScale(1, 10), ambiguous: true };
  }
  dictionaryLookups ??= listScales()
    .filter((s) => !s.values)
    .map((scale) => ({ scale, look: levelLookup(scale) }));
  const fits = dictionaryLookups.filter(({ look }) => values.every((v) => look(v) !== null));
  if (fits.length > 0) {
    const scale = fits[0]!.scale;
    return { scale: { ...scale, levels: [...scale.levels], values: scale.values ? [...scale.values] : null }, ambiguous: fits.length > 1 };
  }
  // Coded labels outside the dictionary: "1 - Pésimo" … "5 - Excelente".
  const coded = values.map((v) => [leadingCode(v), v] as const);
  if (coded.every(([c]) => c !== null) && values.length >= 2) {
    const byCode = new Map<number, string>();
    for (const [c, v] of coded) if (!byCode.has(c!)) byCode.set(c!, v.replace(/^\s*\d{1,2}\s*[-–—.):=]\s*/, '').trim());
    const codes = [...byCode.keys()];
    const lo = Math.min(...codes);
    const hi = Math.max(...codes);
    if (hi - lo <= 10 && hi > lo) {
      const levels: string[] = [];
      for (let c = lo; c <= hi; c++) levels.push(byCode.has(c) ? `${c} - ${byCode.get(c)}` : String(c));
      return { scale: { id: 'custom', name: 'Personalizada (códigos)', levels, values: null }, ambiguous: false };
    }
  }
  return null;
}
