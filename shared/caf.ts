// The CAF catalogue (Marco Común de Evaluación) as data: 9 criteria, 28 subcriteria.
// Codes are the same in CAF 2013 and CAF 2020; some labels differ. Source: docs/domain.md §3.

export type CafVersion = '2020' | '2013';
export const CAF_VERSIONS: readonly CafVersion[] = ['2020', '2013'];

export interface CafEntry {
  code: string;
  /** Criterion number 1–9 this entry belongs to. */
  criterion: number;
  label2020: string;
  label2013: string;
}

const c = (code: string, label2020: string, label2013 = label2020): CafEntry => ({
  code,
  criterion: Number(code.split('.')[0]),
  label2020,
  label2013,
});

export const CAF_CRITERIA: readonly CafEntry[] = [
  c('1', 'Liderazgo'),
  c('2', 'Estrategia y planificación'),
  c('3', 'Personas'),
  c('4', 'Alianzas y recursos'),
  c('5', 'Procesos'),
  c('6', 'Resultados orientados a los ciudadanos/clientes'),
  c('7', 'Resultados en las personas'),
  c('8', 'Resultados de responsabilidad social'),
  c('9', 'Resultados clave de rendimiento'),
];

export const CAF_SUBCRITERIA: readonly CafEntry[] = [
  c('1.1', 'Dirigir la organización desarrollando su misión, visión y valores'),
  c('1.2', 'Gestionar la organización, su rendimiento y su mejora continua'),
  c(
    '1.3',
    'Inspirar, motivar y apoyar a las personas de la organización y actuar como modelo de referencia',
    'Motivar y apoyar a las personas de la organización y actuar como modelo de referencia',
  ),
  c('1.4', 'Gestionar relaciones eficaces con las autoridades políticas y otros grupos de interés'),
  c(
    '2.1',
    'Identificar las necesidades y expectativas de los grupos de interés, el entorno externo y la información de gestión relevante',
    'Reunir información sobre las necesidades presentes y futuras de los grupos de interés así como información relevante para la gestión',
  ),
  c('2.2', 'Desarrollar la estrategia y la planificación, teniendo en cuenta la información recopilada'),
  c(
    '2.3',
    'Comunicar, implementar y revisar estrategias y planes',
    'Comunicar e implementar la estrategia y la planificación en toda la organización y revisarla de forma periódica',
  ),
  c(
    '2.4',
    'Gestionar el cambio y la innovación para garantizar la agilidad y la resiliencia de la organización',
    'Planificar, implantar y revisar la innovación y el cambio',
  ),
  c(
    '3.1',
    'Gestionar y mejorar los recursos humanos para apoyar la estrategia de la organización',
    'Planificar, gestionar y mejorar los recursos humanos de acuerdo a la estrategia y planificación de forma transparente',
  ),
  c(
    '3.2',
    'Desarrollar y gestionar las competencias de las personas',
    'Identificar, desarrollar y aprovechar las capacidades de las personas en consonancia con los objetivos tanto individuales como de la organización',
  ),
  c(
    '3.3',
    'Involucrar y empoderar a las personas y apoyar su bienestar',
    'Involucrar a los empleados por medio del diálogo abierto y del empoderamiento, apoyando su bienestar',
  ),
  c('4.1', 'Desarrollar y gestionar alianzas con organizaciones relevantes'),
  c(
    '4.2',
    'Colaborar con los ciudadanos y las organizaciones de la sociedad civil',
    'Desarrollar y establecer alianzas con los ciudadanos/clientes',
  ),
  c('4.3', 'Gestionar las finanzas'),
  c('4.4', 'Gestionar la información y el conocimiento'),
  c('4.5', 'Gestionar la tecnología'),
  c('4.6', 'Gestionar las instalaciones'),
  c(
    '5.1',
    'Diseñar y gestionar procesos para aumentar el valor para los ciudadanos y clientes',
    'Identificar, diseñar, gestionar e innovar en los procesos de forma continua, involucrando a los grupos de interés',
  ),
  c(
    '5.2',
    'Prestar productos y servicios para clientes, ciudadanos, grupos de interés y la sociedad',
    'Desarrollar y prestar servicios y productos orientados a los ciudadanos/clientes',
  ),
  c('5.3', 'Coordinar los procesos en toda la organización y con otras organizaciones relevantes'),
  c('6.1', 'Mediciones de percepción'),
  c('6.2', 'Mediciones de rendimiento'),
  c('7.1', 'Mediciones de percepción'),
  c('7.2', 'Mediciones del rendimiento'),
  c('8.1', 'Mediciones de percepción'),
  c('8.2', 'Mediciones del rendimiento'),
  c('9.1', 'Resultados externos: productos y valor público', 'Resultados externos: resultados e impacto a conseguir'),
  c('9.2', 'Resultados internos: nivel de eficiencia'),
];

export function cafLabel(entry: CafEntry, version: CafVersion): string {
  return version === '2013' ? entry.label2013 : entry.label2020;
}

export function findCriterion(criterion: number): CafEntry | undefined {
  return CAF_CRITERIA.find((e) => e.criterion === criterion);
}

export function findSubcriterion(code: string): CafEntry | undefined {
  return CAF_SUBCRITERIA.find((e) => e.code === code);
}

export function subcriteriaOf(criterion: number): CafEntry[] {
  return CAF_SUBCRITERIA.filter((e) => e.criterion === criterion);
}

/** The catalogue rule: a subcriterion belongs to its criterion (4.5 belongs to 4). */
export function subcriterionBelongsTo(subcriterion: string, criterion: number): boolean {
  const entry = findSubcriterion(subcriterion);
  return entry !== undefined && entry.criterion === criterion;
}
