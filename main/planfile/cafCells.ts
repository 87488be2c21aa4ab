// Criterion and subcriterion cells: `2`, `"2"`, `Criterio 2`, `2. Estrategia y
// planificación` or the name alone; `4.5`, `4.5.`, `Subcriterio 4.5`, `4,5`.
import { CAF_CRITERIA, CAF_SUBCRITERIA, findCriterion, findSubcriterion } from '../../shared/caf.ts';
import { foldText } from '../../shared/text.ts';
import type { CellValue } from '../xlsx/cellValue.ts';
import { cellText } from '../xlsx/cellValue.ts';

export interface CriterionReading {
  criterion: number | null;
  /** A subcriterion code written in the criterion cell ("4.5" or "4.5 Gestionar la tecnología"). */
  subcriterion: string | null;
  unreadable: boolean;
}

// Criterion cells are short (a number or a criterion's name); folding only the start keeps a
// hostile cell (a huge run of dots) from making foldText's trimming backtrack.
const fold = (s: string) => foldText((s.length > 300 ? s.slice(0, 300) : s).replace(/["'“”‘’«»]/g, ' ')).replace(/\s+/g, ' ');

function subcriterionCode(text: string): string | null {
  const m = /^(\d)\s*[.,]\s*(\d)(?!\d)/.exec(text);
  if (!m) return null;
  const code = `${m[1]}.${m[2]}`;
  return findSubcriterion(code) ? code : null;
}

export function readCriterion(cell: CellValue | undefined): CriterionReading {
  const none = { criterion: null, subcriterion: null, unreadable: false };
  if (!cell) return none;
  if (cell.kind === 'number') {
    if (Number.isInteger(cell.value) && findCriterion(cell.value)) return { criterion: cell.value, subcriterion: null, unreadable: false };
    const sub = subcriterionCode(cell.value.toFixed(1));
    if (sub) return { criterion: Number(sub[0]), subcriterion: sub, unreadable: false };
    return { ...none, unreadable: true };
  }
  const raw = fold(cellText(cell));
  if (!raw) return none;
  const text = raw.replace(/^criterios?\s*(?:no\.?|n[°º]|num(?:ero)?\.?|#)?\s*/, '').trim();
  const sub = subcriterionCode(text);
  if (sub) return { criterion: Number(sub[0]), subcriterion: sub, unreadable: false };
  const m = /^(\d+)(?![\d.,]\d)/.exec(text);
  if (m) {
    const n = Number(m[1]);
    return findCriterion(n) ? { criterion: n, subcriterion: null, unreadable: false } : { ...none, unreadable: true };
  }
  for (const entry of CAF_CRITERIA) {
    const label = fold(entry.label2020);
    if (text === label || text.startsWith(label)) return { criterion: entry.criterion, subcriterion: null, unreadable: false };
  }
  return { ...none, unreadable: true };
}

export interface SubcriterionReading {
  subcriterion: string | null;
  unreadable: boolean;
}

export function readSubcriterion(cell: CellValue | undefined, criterion: number | null): SubcriterionReading {
  if (!cell) return { subcriterion: null, unreadable: false };
  const raw = cell.kind === 'number' ? cell.value.toFixed(1) : fold(cellText(cell));
  if (!raw) return { subcriterion: null, unreadable: false };
  const text = raw.replace(/^sub\s*-?\s*criterios?\s*(?:no\.?|n[°º]|num(?:ero)?\.?|#)?\s*/, '').trim();
  const code = subcriterionCode(text);
  if (code) return { subcriterion: code, unreadable: false };
  // By its name; several criteria share names ("Mediciones de percepción"), so prefer the row's criterion.
  const named = CAF_SUBCRITERIA.filter((e) => [e.label2020, e.label2013].some((l) => fold(l) === text));
  const pick = named.find((e) => e.criterion === criterion) ?? (named.length === 1 ? named[0] : undefined);
  return pick ? { subcriterion: pick.code, unreadable: false } : { subcriterion: null, unreadable: true };
}
