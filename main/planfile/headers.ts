// Recognises plan column headers however an office wrote them: accents, case, spacing,
// "(s)" plurals and the synonyms offices use for the official headers of
// shared/planLayout.ts ("Actividades" for Tareas, "Observaciones" for Comentarios…).
import { foldText } from '../../shared/text.ts';
import { PLAN_COLUMNS, TIME_HEADER } from '../../shared/planLayout.ts';
import type { PlanColumnKey } from '../../shared/planLayout.ts';

export type HeaderKey = PlanColumnKey | 'time';

/** Other ways offices write each header; the official headers themselves come from shared/planLayout.ts. */
const SYNONYMS: Record<HeaderKey, string[]> = {
  no: ['n', 'nro', 'num', 'numero', 'no de accion', 'numero de accion', 'item', '#'],
  criterion: ['criterio', 'criterios', 'criterios no', 'criterio caf', 'no criterio', 'numero de criterio', 'criterio numero'],
  subcriterion: [
    'subcriterio',
    'subcriterios',
    'subcriterios no',
    'sub criterio',
    'sub criterio no',
    'no subcriterio',
    'numero de subcriterio',
  ],
  area: [
    'areas de mejora',
    'area a mejorar',
    'areas a mejorar',
    'area',
    'areas',
    'debilidad',
    'debilidades',
    'oportunidad de mejora',
    'oportunidades de mejora',
    'area de mejora identificada',
    'areas de mejora identificadas',
  ],
  action: [
    'acciones de mejora',
    'accion',
    'acciones',
    'accion de mejora propuesta',
    'acciones de mejora propuestas',
    'acciones propuestas',
    'accion propuesta',
  ],
  objective: ['objetivos', 'objetivo de la accion', 'objetivo general', 'objetivo especifico'],
  tasks: ['tarea', 'actividades', 'actividad', 'tareas actividades', 'actividades tareas', 'acciones especificas'],
  time: ['plazo', 'plazos', 'cronograma', 'periodo', 'periodo de ejecucion', 'tiempo de ejecucion', 'fecha', 'fechas', 'calendario'],
  start: ['fecha de inicio', 'fecha inicio', 'fecha inicial', 'desde', 'comienzo', 'mes de inicio'],
  end: [
    'final',
    'fecha de fin',
    'fecha fin',
    'fecha final',
    'fecha de termino',
    'termino',
    'hasta',
    'finalizacion',
    'fecha de finalizacion',
    'conclusion',
    'mes de fin',
    'fecha de cierre',
    'cierre',
  ],
  resources: ['recursos', 'recurso', 'recursos requeridos', 'recursos asignados', 'recursos humanos y materiales'],
  indicator: [
    'indicadores',
    'indicador de logro',
    'indicadores de logro',
    'indicador de resultado',
    'indicadores de resultado',
    'indicador de cumplimiento',
  ],
  responsible: [
    'responsable',
    'responsables',
    'responsables de seguimiento',
    'responsable de',
    'responsable de ejecucion',
    'responsables de ejecucion',
    'encargado',
    'encargados',
    'responsable del seguimiento',
  ],
  comments: ['comentario', 'observaciones', 'observacion', 'notas', 'nota', 'comentarios observaciones', 'observaciones comentarios'],
};

const MAX_HEADER_TEXT = 200;

/** "Área(s) de  Mejora:" → "area de mejora"; "No." → "no"; "Responsable(s)" → "responsable". */
export function headerKeyText(text: string): string {
  // No header is this long; the cap keeps the folding linear on a hostile cell.
  if (text.length > MAX_HEADER_TEXT) text = text.slice(0, MAX_HEADER_TEXT);
  return foldText(text.replace(/\((?:s|es|as|os|a)\)/gi, ''))
    .replace(/[º°ª]/g, ' ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, HeaderKey>();
for (const c of PLAN_COLUMNS) LOOKUP.set(headerKeyText(c.header), c.key);
LOOKUP.set(headerKeyText(TIME_HEADER), 'time');
for (const [key, words] of Object.entries(SYNONYMS) as [HeaderKey, string[]][]) {
  for (const w of words) LOOKUP.set(w, key);
}
// Longest first, for "starts with" matches of longer, decorated headers.
const PREFIXES = [...LOOKUP.entries()].filter(([w]) => w.length >= 6).sort((a, b) => b[0].length - a[0].length);

/** The field a header names, or null when it is not one of the plan's columns. */
export function matchHeader(text: string): HeaderKey | null {
  const key = headerKeyText(text);
  if (!key) return null;
  const exact = LOOKUP.get(key);
  if (exact) return exact;
  // "Acción de mejora a implementar", "Responsable de seguimiento y ejecución"…
  for (const [w, field] of PREFIXES) if (key.startsWith(w + ' ')) return field;
  return null;
}
