// The plan table's columns: the official MAP layout, Mejora's progress column after the
// action, then the columns the plan's file carried. Headers come from shared/planLayout.ts; the
// widths here are screen pixels, fixed (see ActionTable).
import { columnHeader, type PlanColumnKey, TIME_HEADER } from '../../../../shared/planLayout.ts';

export interface ColumnDef {
  key: string;
  label: string;
  width: number;
  /** No. and Acción always stay (and stay in view when scrolling sideways). */
  hideable: boolean;
}

export const NO_WIDTH = 48;
export const EXTRA_WIDTH = 150;
export const OPS_WIDTH = 136;

/**
 * Screen-only short labels: the official headers «Criterio No.» and «Subcriterio No.» do not fit
 * their narrow columns, and the number in the cell already says it.
 */
const SHORT_LABELS: Partial<Record<PlanColumnKey, string>> = {
  criterion: 'Criterio',
  subcriterion: 'Subcriterio',
};

/** Mejora's own column (not in the official layout), shown after the action. */
const PROGRESS_LABEL = 'Avance';

function official(key: PlanColumnKey, width: number): ColumnDef {
  return { key, label: SHORT_LABELS[key] ?? columnHeader(key), width, hideable: key !== 'no' && key !== 'action' };
}

export const BASE_COLUMNS: readonly ColumnDef[] = [
  official('no', NO_WIDTH),
  official('criterion', 96),
  official('subcriterion', 88),
  official('area', 220),
  official('action', 240),
  { key: 'progress', label: PROGRESS_LABEL, width: 150, hideable: true },
  official('objective', 200),
  official('tasks', 240),
  // Inicio and Fin share one column on screen, under the header that spans them in the file.
  { key: 'time', label: TIME_HEADER, width: 200, hideable: true },
  official('resources', 160),
  official('indicator', 160),
  official('responsible', 150),
  official('comments', 140),
];

/** The two headers under the time column's. */
export const START_LABEL = columnHeader('start');
export const END_LABEL = columnHeader('end');

export function extraColumns(names: readonly string[]): ColumnDef[] {
  return names.map((name) => ({ key: `extra:${name}`, label: name, width: EXTRA_WIDTH, hideable: true }));
}
