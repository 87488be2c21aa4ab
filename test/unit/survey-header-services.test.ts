// Hand-typed survey headers that name the service (issue 12 item 3).
import { describe, expect, it } from 'vitest';
import { headerParts, servicesFromHeaders } from '../../shared/survey/headerServices.ts';

const all = () => true;
const read = (headers: string[]) => servicesFromHeaders(headers, all);

describe('survey headers that name a service', () => {
  it('"Satisfacción - Mercado municipal": the question before the dash', () => {
    expect(read(['Satisfacción - Mercado municipal', 'Satisfacción – Cementerio municipal', 'Satisfacción — Parque central'])).toEqual([
      { stem: 'Satisfacción', service: 'Mercado municipal' },
      { stem: 'Satisfacción', service: 'Cementerio municipal' },
      { stem: 'Satisfacción', service: 'Parque central' },
    ]);
  });

  it('"Mercado municipal: satisfacción": the service before the colon', () => {
    expect(read(['Mercado municipal: satisfacción', 'Matadero municipal: Satisfacción', 'Mercado municipal: trato del personal'])).toEqual([
      { stem: 'satisfacción', service: 'Mercado municipal' },
      { stem: 'Satisfacción', service: 'Matadero municipal' },
      { stem: 'trato del personal', service: 'Mercado municipal' },
    ]);
  });

  it('"Satisfacción (Mercado municipal)" and "Mercado municipal - Calificación"', () => {
    expect(read(['Satisfacción (Mercado municipal)', 'Mercado municipal - Calificación'])).toEqual([
      { stem: 'Satisfacción', service: 'Mercado municipal' },
      { stem: 'Calificación', service: 'Mercado municipal' },
    ]);
  });

  it('the question as a sentence, when other columns ask the same of other services', () => {
    expect(
      read([
        '¿Qué tan satisfecho está con el Mercado municipal?',
        '¿Qué tan satisfecho está con el Cementerio municipal?',
        '¿Qué tan satisfecho está con la recolección de basura?',
        '¿Qué tan satisfecho está con el servicio de Matadero municipal?',
      ]),
    ).toEqual([
      { stem: '¿Qué tan satisfecho está con el …?', service: 'Mercado municipal' },
      { stem: '¿Qué tan satisfecho está con el …?', service: 'Cementerio municipal' },
      null, // "con la": another stem, alone
      { stem: '¿Qué tan satisfecho está con el …?', service: 'Matadero municipal' },
    ]);
    expect(read(['¿Cómo califica la limpieza del Parque central?', '¿Cómo califica la limpieza del Mercado municipal?'])).toEqual([
      { stem: '¿Cómo califica la limpieza del …?', service: 'Parque central' },
      { stem: '¿Cómo califica la limpieza del …?', service: 'Mercado municipal' },
    ]);
  });

  it('a sentence alone names no service (it may be about anything)', () => {
    expect(read(['¿Qué tan satisfecho está con la atención recibida?'])).toEqual([null]);
    expect(read(['Satisfacción con el servicio'])).toEqual([null]);
  });

  it('leaves alone what is not a service: scales, units, word endings, plain choices', () => {
    expect(
      read([
        'Sexo',
        'Edad (años)',
        '¿Qué tan satisfecho(a) está?',
        'Calidad del servicio (escala 1 a 5)',
        '¿Recomendaría el ayuntamiento? (0-10)',
        'Sexo - Masculino',
        'Satisfacción - General',
        'Pregunta 1: Satisfacción',
      ]),
    ).toEqual(Array(8).fill(null));
    expect(headerParts('¿Qué tan satisfecho(a) está?')).toBeNull();
  });

  it('only eligible columns (questions) are read', () => {
    expect(servicesFromHeaders(['Satisfacción - Mercado municipal', 'Satisfacción - Parque'], (i) => i === 1)).toEqual([
      null,
      { stem: 'Satisfacción', service: 'Parque' },
    ]);
  });
});
