// Recognises plan column headers however an office wrote them: accents, case, spacing,
// "(s)" plurals and the synonyms offices use for the official headers of
// shared/planLayout.ts ("Actividades" for Tareas, "Observaciones" for Comentarios…).
import { foldText } from '../../shared/text.ts';
import type { PlanColumnKey } from '../../shared/planLayout.ts';

export type HeaderKey = PlanColumnKey | 'time';

const SYNONYMS: Record<HeaderKey, string[]> = {
  no: ['no', 'n', 'nro', 'num', 'numero', 'no de accion', 'numero de accion', 'item', '#'],
  criterion: [
    'criterio',
    'criterios',
    'criterio no',
    'criterios no',
    'criterio caf',
    'no criterio',
    'numero de criterio',
    'criterio numero',
  ],
  subcriterion: [
    'subcriterio',
    'subcriterios',
    'subcriterio no',
    'subcriterios no',
    'sub criterio',
    'sub criterio no',
    'no subcriterio',
    'numero de subcriterio',
  ],
  area: [
    'area de mejora',
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
    'accion de mejora',
    'acciones de mejora',
    'accion',
    'acciones',
    'accion de mejora propuesta',
    'acciones de mejora propuestas',
    'acciones propuestas',
    'accion propuesta',
  ],
  objective: ['objetivo', 'objetivos', 'objetivo de la accion', 'objetivo general', 'objetivo especifico'],
  tasks: ['tareas', 'tarea', 'actividades', 'actividad', 'tareas actividades', 'actividades tareas', 'acciones especificas'],
  time: [
    'tiempo',
    'plazo',
    'plazos',
    'cronograma',
    'periodo',
    'periodo de ejecucion',
    'tiempo de ejecucion',
    'fecha',
    'fechas',
    'calendario',
  ],
  start: ['inicio', 'fecha de inicio', 'fecha inicio', 'fecha inicial', 'desde', 'comienzo', 'mes de inicio'],
  end: [
    'fin',
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
  resources: ['recursos', 'recurso', 'recursos necesarios', 'recursos requeridos', 'recursos asignados', 'recursos humanos y materiales'],
  indicator: [
    'indicador',
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
    'responsable de seguimiento',
    'responsables de seguimiento',
    'responsable de',
    'responsable de ejecucion',
    'responsables de ejecucion',
    'encargado',
    'encargados',
    'responsable del seguimiento',
  ],
  comments: [
    'comentarios',
    'comentario',
    'observaciones',
    'observacion',
    'notas',
    'nota',
    'comentarios observaciones',
    'observaciones comentarios',
  ],
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
