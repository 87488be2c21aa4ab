// Filters of the plan table and of the "Pendientes de …" sheet: by responsable (as offices
// write them: any case, accents or spacing; a cell naming several people counts for each),
// by CAF criterion, by semáforo and by words. Pure: the UI and tests call the same rules.
import { responsableKey, responsablesOf } from './seguimiento/responsables.ts';
import type { Semaforo } from './seguimiento/types.ts';
import { foldText } from './text.ts';
import type { Action } from './types.ts';

export interface ActionFilter {
  /** Words that must all appear (any case or accents), or an action's No. */
  text: string;
  /** A responsable's key (responsableKey), '' for all. */
  responsable: string;
  criterion: number | null;
  semaforo: Semaforo | null;
}

export const NO_FILTER: ActionFilter = { text: '', responsable: '', criterion: null, semaforo: null };

export type FilterableAction = Pick<
  Action,
  'no' | 'criterion' | 'subcriterion' | 'area' | 'action' | 'objective' | 'resources' | 'indicator' | 'responsible' | 'comments' | 'extra'
> & { tasks: readonly { text: string }[]; progress?: { semaforo: Semaforo; note?: string } };

export function isFiltering(f: ActionFilter): boolean {
  return f.text.trim() !== '' || f.responsable !== '' || f.criterion !== null || f.semaforo !== null;
}

/** Does the cell name this person (given by key or by name)? "Planificación / OAI" names both. */
export function matchesResponsable(cell: string, person: string): boolean {
  const key = responsableKey(person);
  if (!key) return true;
  return responsablesOf(cell).some((r) => r.key === key);
}

export interface ResponsableOption {
  key: string;
  label: string;
  /** Actions that name this person. */
  count: number;
}

/** Everyone named in the plan's Responsable cells, once each, alphabetically. */
export function responsableOptions(actions: readonly Pick<Action, 'responsible'>[]): ResponsableOption[] {
  const byKey = new Map<string, ResponsableOption>();
  for (const a of actions) {
    for (const r of responsablesOf(a.responsible)) {
      const found = byKey.get(r.key);
      if (found) found.count++;
      else byKey.set(r.key, { key: r.key, label: r.label, count: 1 });
    }
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, 'es', { sensitivity: 'base' }));
}

// The folded text of an action, computed once per action object (a table of 400 actions
// is filtered at every keystroke).
const haystacks = new WeakMap<object, string>();
function haystack(a: FilterableAction): string {
  let h = haystacks.get(a);
  if (h === undefined) {
    const parts = [
      a.area,
      a.action,
      a.objective,
      a.resources,
      a.indicator,
      a.responsible,
      a.comments,
      a.subcriterion ?? '',
      a.progress?.note ?? '',
    ];
    for (const t of a.tasks) parts.push(t.text);
    for (const v of Object.values(a.extra)) parts.push(v);
    h = foldText(parts.join('\n'));
    haystacks.set(a, h);
  }
  return h;
}

export function matchesText(a: FilterableAction, text: string): boolean {
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  if (words.length === 1 && /^\d+$/.test(words[0]!) && a.no === Number(words[0])) return true;
  const h = haystack(a);
  return words.every((w) => h.includes(w));
}

export function actionMatches(a: FilterableAction, f: ActionFilter): boolean {
  if (f.criterion !== null && a.criterion !== f.criterion) return false;
  if (f.semaforo !== null && a.progress?.semaforo !== f.semaforo) return false;
  if (f.responsable && !responsablesOf(a.responsible).some((r) => r.key === f.responsable)) return false;
  return matchesText(a, f.text);
}

export function filterActions<T extends FilterableAction>(actions: readonly T[], f: ActionFilter): T[] {
  return isFiltering(f) ? actions.filter((a) => actionMatches(a, f)) : [...actions];
}
