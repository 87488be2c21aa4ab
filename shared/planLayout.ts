// The official plan layout, the one fact shared by the reader (main/planfile/headerLayout.ts),
// the writer (main/planfile/writePlanFile.ts) and the UI: the columns of the file MAP
// receives, in order, the field each one holds, its Spanish header and its width.

export type PlanColumnKey =
  | 'no'
  | 'criterion'
  | 'subcriterion'
  | 'area'
  | 'action'
  | 'objective'
  | 'tasks'
  | 'start'
  | 'end'
  | 'resources'
  | 'indicator'
  | 'responsible'
  | 'comments';

export interface PlanColumn {
  key: PlanColumnKey;
  header: string;
  /** Excel column width (characters of the default font). */
  width: number;
}

export const PLAN_COLUMNS: readonly PlanColumn[] = [
  { key: 'no', header: 'No.', width: 5 },
  { key: 'criterion', header: 'Criterio No.', width: 10 },
  { key: 'subcriterion', header: 'Subcriterio No.', width: 11 },
  { key: 'area', header: 'Área de Mejora', width: 40 },
  { key: 'action', header: 'Acción de Mejora', width: 35 },
  { key: 'objective', header: 'Objetivo', width: 30 },
  { key: 'tasks', header: 'Tareas', width: 35 },
  { key: 'start', header: 'Inicio', width: 12 },
  { key: 'end', header: 'Fin', width: 12 },
  { key: 'resources', header: 'Recursos necesarios', width: 22 },
  { key: 'indicator', header: 'Indicador', width: 22 },
  { key: 'responsible', header: 'Responsable de seguimiento', width: 22 },
  { key: 'comments', header: 'Comentarios', width: 18 },
];

/** The header that spans Inicio and Fin. */
export const TIME_HEADER = 'Tiempo';
export const EXTRA_COLUMN_WIDTH = 20;

export function columnHeader(key: PlanColumnKey): string {
  return PLAN_COLUMNS.find((c) => c.key === key)!.header;
}
