// Multiple-choice cells. Google Forms joins checkboxes with ", " although an option may
// itself contain a comma ("Parques, plazas y áreas verdes"), so cells are split against
// the known options; Microsoft Forms and Google's CSV download join with ";". Options
// built from option columns (Kobo `pregunta/opción`) are joined with U+001F.
import { foldLabel } from '../../shared/survey/labels.ts';

export const OPTION_JOINER = '\u001f';

export type MultiSeparator = 'unit' | 'semicolon' | 'comma';

export function detectSeparator(values: readonly string[]): MultiSeparator {
  if (values.some((v) => v.includes(OPTION_JOINER))) return 'unit';
  if (values.some((v) => /;\s*$/.test(v) || v.includes(';'))) return 'semicolon';
  return 'comma';
}

const COMMA = /,\s*/;

/**
 * How many comma-separated segments one option may span ("Parques, plazas y áreas verdes"
 * spans 2). Bounds the look-ahead: trying every longer run of a 2,000-option cell was cubic.
 */
const MAX_OPTION_SEGMENTS = 9;

/** Greedy longest match of comma-separated segments against the known options. */
function splitCommaAgainst(value: string, isKnown: (folded: string) => boolean): { pieces: string[]; unknown: number } {
  const segs = value.split(COMMA);
  const pieces: string[] = [];
  let unknown = 0;
  let i = 0;
  while (i < segs.length) {
    // The longest run segs[i..j] (within the bound) that is a known option.
    let matched = -1;
    let matchedText = '';
    let joined = '';
    const last = Math.min(segs.length, i + MAX_OPTION_SEGMENTS) - 1;
    for (let j = i; j <= last; j++) {
      joined = j === i ? segs[i]! : `${joined}, ${segs[j]!}`;
      if (isKnown(foldLabel(joined))) {
        matched = j;
        matchedText = joined;
      }
    }
    if (matched >= 0) {
      pieces.push(matchedText.trim());
      i = matched + 1;
      continue;
    }
    // Unknown piece: a following segment that starts in lower case continues it.
    let j = i + 1;
    while (j < segs.length && /^[a-záéíóúñü]/.test(segs[j]!) && !isKnown(foldLabel(segs[j]!))) j++;
    pieces.push(segs.slice(i, j).join(', ').trim());
    unknown++;
    i = j;
  }
  return { pieces: pieces.filter(Boolean), unknown };
}

/** Splits one cell into its chosen options. */
export function splitMulti(value: string, sep: MultiSeparator, options: readonly string[] | null): string[] {
  const v = value.trim();
  if (!v) return [];
  if (sep === 'unit' || v.includes(OPTION_JOINER)) return v.split(OPTION_JOINER).filter(Boolean);
  if (sep === 'semicolon')
    return v
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  const known = new Set((options ?? []).map(foldLabel));
  return splitCommaAgainst(v, (f) => known.has(f)).pieces;
}

/**
 * The options of a comma-joined column, learnt from its distinct values: a value that
 * someone chose alone is an option; a value made of other options is a combination.
 */
export function learnCommaOptions(distinct: readonly { value: string; count: number }[]): string[] {
  const whole = new Map<string, string>();
  for (const { value } of distinct) if (value.trim()) whole.set(foldLabel(value), value.trim());
  const atoms = new Set(whole.keys());
  // A value that splits into ≥2 other known values is a combination, not an option.
  const bySegments = distinct.map(({ value }) => ({ value, segments: value.split(COMMA).length })).sort((a, b) => a.segments - b.segments);
  for (const { value } of bySegments) {
    const f = foldLabel(value);
    // The other atoms, without copying the set for every value (quadratic on many distinct values).
    const { pieces, unknown } = splitCommaAgainst(value, (x) => x !== f && atoms.has(x));
    if (pieces.length >= 2 && unknown < pieces.length) atoms.delete(f);
  }
  // Options only ever chosen together with others.
  const counts = new Map<string, { label: string; n: number }>();
  for (const { value, count } of distinct) {
    if (!value.trim()) continue;
    for (const p of splitCommaAgainst(value, (x) => atoms.has(x)).pieces) {
      const f = foldLabel(p);
      const e = counts.get(f);
      if (e) e.n += count;
      else counts.set(f, { label: whole.get(f) ?? p, n: count });
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.label);
}

/** Semicolon/unit-joined options, by frequency. */
export function learnSplitOptions(distinct: readonly { value: string; count: number }[], sep: MultiSeparator): string[] {
  const counts = new Map<string, { label: string; n: number }>();
  for (const { value, count } of distinct) {
    for (const p of splitMulti(value, sep, null)) {
      const f = foldLabel(p);
      const e = counts.get(f);
      if (e) e.n += count;
      else counts.set(f, { label: p, n: count });
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.label);
}
