// The plan table's columns: the official MAP layout, Mejora's progress column after the
// action, then the columns the plan's file carried. Widths are fixed (see ActionTable).
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

export const BASE_COLUMNS: readonly ColumnDef[] = [
  { key: 'no', label: 'No.', width: NO_WIDTH, hideable: false },
  { key: 'criterion', label: 'Criterio', width: 96, hideable: true },
  { key: 'subcriterion', label: 'Subcriterio', width: 88, hideable: true },
  { key: 'area', label: 'Área de Mejora', width: 220, hideable: true },
  { key: 'action', label: 'Acción de Mejora', width: 240, hideable: false },
  { key: 'progress', label: 'Avance', width: 150, hideable: true },
  { key: 'objective', label: 'Objetivo', width: 200, hideable: true },
  { key: 'tasks', label: 'Tareas', width: 240, hideable: true },
  { key: 'time', label: 'Tiempo', width: 200, hideable: true },
  { key: 'resources', label: 'Recursos necesarios', width: 160, hideable: true },
  { key: 'indicator', label: 'Indicador', width: 160, hideable: true },
  { key: 'responsible', label: 'Responsable de seguimiento', width: 150, hideable: true },
  { key: 'comments', label: 'Comentarios', width: 140, hideable: true },
];

export function extraColumns(names: readonly string[]): ColumnDef[] {
  return names.map((name) => ({ key: `extra:${name}`, label: name, width: EXTRA_WIDTH, hideable: true }));
}
