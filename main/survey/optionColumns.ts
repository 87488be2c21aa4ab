// Questions spread over one column per option: KoboToolbox `pregunta/opción` 0/1 columns
// (empty = not asked, 0 = not chosen), SurveyMonkey's option columns, and sheets typed by
// hand with an X under the chosen option. Each group becomes one question whose cell
// holds the chosen options (joined with U+001F when several may be chosen).
import { foldLabel } from '../../shared/survey/labels.ts';
import { columnFromValues } from './columnBuilder.ts';
import type { ColumnData } from './model.ts';
import { OPTION_JOINER } from './multiSelect.ts';
import { gridParts } from './columnTyping.ts';

const CHOSEN = new Set(['1', 'x', 'si', 'true', 'verdadero', 'yes', '✓', '✔', 'v']);
const NOT_CHOSEN = new Set(['0', 'no', 'false', 'falso']);

export interface OptionGroup {
  stem: string;
  /** Column index and option label of each option column. */
  parts: { col: number; option: string }[];
  /** An existing column that is the question itself (Kobo's space-joined column), or null. */
  mainCol: number | null;
  /** Nobody chose more than one option. */
  single: boolean;
  data: ColumnData;
}

function markOf(value: string, option: string): 'chosen' | 'not' | 'empty' | 'other' {
  const t = value.trim();
  if (!t) return 'empty';
  const f = foldLabel(t);
  if (CHOSEN.has(f) || CHOSEN.has(t.toLowerCase()) || f === foldLabel(option)) return 'chosen';
  if (NOT_CHOSEN.has(f)) return 'not';
  return 'other';
}

export function findOptionGroups(
  headers: readonly string[],
  columns: readonly ColumnData[],
  skip: (col: number) => boolean,
): OptionGroup[] {
  const byStem = new Map<string, { stem: string; parts: { col: number; option: string }[] }>();
  headers.forEach((header, col) => {
    if (skip(col)) return;
    let stem: string | null = null;
    let option: string | null = null;
    const grid = gridParts(header);
    if (grid) {
      stem = grid.stem;
      option = grid.row;
    } else {
      const slash = header.lastIndexOf('/');
      if (slash > 0 && slash < header.length - 1) {
        stem = header.slice(0, slash).trim();
        option = header.slice(slash + 1).trim();
      }
    }
    if (!stem || !option) return;
    // Every value must be a mark: 1/0, X, Sí/No or the option's own label.
    const data = columns[col]!;
    if (!data.dict.every((v) => markOf(v, option) !== 'other')) return;
    if (!data.dict.some((v) => markOf(v, option) === 'chosen')) {
      // A column nobody ticked still belongs to its group if it holds 0s.
      if (!data.dict.some((v) => markOf(v, option) === 'not')) return;
    }
    const k = foldLabel(stem);
    const g = byStem.get(k) ?? { stem, parts: [] };
    g.parts.push({ col, option });
    byStem.set(k, g);
  });
  const groups: OptionGroup[] = [];
  for (const [k, g] of byStem) {
    if (g.parts.length < 2) continue;
    const mainCol = headers.findIndex((h, i) => !skip(i) && foldLabel(h) === k);
    const rows = columns[g.parts[0]!.col]!.codes.length;
    const values: string[] = new Array(rows);
    let single = true;
    for (let r = 0; r < rows; r++) {
      const chosen: string[] = [];
      let asked = false;
      for (const p of g.parts) {
        const d = columns[p.col]!;
        const m = markOf(d.dict[d.codes[r]!]!, p.option);
        if (m !== 'empty') asked = true;
        if (m === 'chosen') chosen.push(p.option);
      }
      if (chosen.length > 1) single = false;
      // Kobo: 0 in every option column = asked, nothing chosen. X marks: no mark = blank.
      values[r] = !asked ? '' : chosen.length ? chosen.join(OPTION_JOINER) : OPTION_JOINER;
    }
    if (single) for (let r = 0; r < rows; r++) if (values[r] === OPTION_JOINER) values[r] = '';
    groups.push({ stem: g.stem, parts: g.parts, mainCol: mainCol >= 0 ? mainCol : null, single, data: columnFromValues(values) });
  }
  return groups;
}
