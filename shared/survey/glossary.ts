// One plain-Spanish line for each figure a non-statistician meets on the survey screens: shown on
// hover and focus next to the figure, and all together in the "¿Qué significan estas cifras?" panel.
import { SMALL_BASE } from '../format.ts';

export interface GlossaryEntry {
  term: string;
  text: string;
}

export const GLOSSARY = {
  top2box: {
    term: '% satisfechos (top-2-box)',
    text: 'De cada 100 personas que respondieron, cuántas eligieron uno de los dos niveles más altos de la escala (por ejemplo «Satisfecho» o «Muy satisfecho»).',
  },
  ci95: {
    term: 'IC 95 %',
    text: 'Margen del resultado: si se hubiera preguntado a toda la población, el porcentaje estaría casi seguro (95 de cada 100 veces) entre estos dos valores.',
  },
  index: {
    term: 'Índice 0–100',
    text: 'El promedio de las respuestas pasado a una escala de 0 (todos en el nivel más bajo) a 100 (todos en el más alto); 50 es el punto medio.',
  },
  nps: {
    term: 'NPS',
    text: 'Índice de recomendación: % de personas que dan 9 o 10 menos % que dan de 0 a 6 a «¿recomendaría…?»; va de −100 a 100.',
  },
  n: {
    term: 'n',
    text: 'Cuántas personas dieron una respuesta válida a esta pregunta (sin contar las que la dejaron en blanco o respondieron «No aplica»).',
  },
  smallBase: {
    term: 'Base pequeña',
    text: `Menos de ${SMALL_BASE} respuestas: cada persona mueve mucho el resultado, así que las cifras pueden cambiar bastante de una ola a otra. Tómelas con cautela.`,
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof GLOSSARY;
