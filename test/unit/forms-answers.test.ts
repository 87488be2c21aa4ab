// How a form's answers are read: what people type in Estado, Fecha de cumplimiento and
// % de avance, read when unambiguous and otherwise refused with a reason; and the three-way rule.
import { describe, expect, it } from 'vitest';
import { readDayAnswer, readPercentAnswer, readStatusAnswer, readTextAnswer } from '../../shared/forms/answers.ts';
import { mergeField, showFieldValue } from '../../shared/forms/merge.ts';

const text = (t: string) => ({ kind: 'text' as const, text: t });
const num = (value: number) => ({ kind: 'number' as const, value });

describe('form answers', () => {
  it('reads Estado in any case, without accents, and the usual synonyms', () => {
    expect(readStatusAnswer(text('COMPLETADA'))).toEqual({ ok: true, value: 'completada' });
    expect(readStatusAnswer(text(' completado '))).toEqual({ ok: true, value: 'completada' });
    expect(readStatusAnswer(text('En Curso'))).toEqual({ ok: true, value: 'en_curso' });
    expect(readStatusAnswer(text('en proceso'))).toEqual({ ok: true, value: 'en_curso' });
    expect(readStatusAnswer(text('Cancelada.'))).toEqual({ ok: true, value: 'cancelada' });
    expect(readStatusAnswer({ kind: 'empty' })).toEqual({ ok: true, value: null });
    const bad = readStatusAnswer(text('Listo'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/«Listo» no es un estado de la lista: elija Pendiente, En curso, Completada, Cancelada/);
  });

  it('reads a day typed as text day first, a date cell, and refuses what is not a day or is after today', () => {
    expect(readDayAnswer(text('15/3/2026'), '2026-11-30')).toEqual({ ok: true, value: '2026-03-15' });
    expect(readDayAnswer(text('2026-03-15'), '2026-11-30')).toEqual({ ok: true, value: '2026-03-15' });
    expect(readDayAnswer({ kind: 'date', day: '2026-04-01' }, '2026-11-30')).toEqual({ ok: true, value: '2026-04-01' });
    const words = readDayAnswer(text('la semana pasada'), '2026-11-30');
    expect(!words.ok && words.message).toMatch(/no es una fecha: escríbala como dd\/mm\/aaaa/);
    const impossible = readDayAnswer(text('31/02/2026'), '2026-11-30');
    expect(impossible.ok).toBe(false);
    const future = readDayAnswer(text('15/12/2026'), '2026-11-30');
    expect(!future.ok && future.message).toMatch(/posterior a hoy/);
  });

  it('reads 50 %, 50, 0.5 (typed 50% in Excel) and 50,5; refuses words and out-of-range figures', () => {
    expect(readPercentAnswer(text('50 %'))).toEqual({ ok: true, value: 50 });
    expect(readPercentAnswer(text('50%'))).toEqual({ ok: true, value: 50 });
    expect(readPercentAnswer(text('50,5'))).toEqual({ ok: true, value: 50.5 });
    expect(readPercentAnswer(num(75))).toEqual({ ok: true, value: 75 });
    // "100%" typed into the cell: Excel stores 1 and formats the cell as a percentage.
    expect(readPercentAnswer({ kind: 'number', value: 1, percent: true })).toEqual({ ok: true, value: 100 });
    expect(readPercentAnswer({ kind: 'number', value: 0.25, percent: true })).toEqual({ ok: true, value: 25 });
    expect(readPercentAnswer(num(0.5))).toEqual({ ok: true, value: 50 });
    expect(readPercentAnswer(num(100))).toEqual({ ok: true, value: 100 });
    const words = readPercentAnswer(text('cincuenta'));
    expect(!words.ok && words.message).toMatch(/«cincuenta» no es un porcentaje/);
    const over = readPercentAnswer(num(140));
    expect(!over.ok && over.message).toMatch(/fuera de 0 a 100/);
  });

  it('keeps free text as written, trimmed, with line breaks', () => {
    expect(readTextAnswer(text('  Acta del 3 de marzo\r\nFotos '))).toBe('Acta del 3 de marzo\nFotos');
    expect(readTextAnswer({ kind: 'empty' })).toBe('');
  });
});

describe('the three-way rule', () => {
  it('changes what only the form changed, leaves what only Mejora changed, and flags what both changed', () => {
    expect(mergeField('pendiente', 'pendiente', 'en_curso')).toBe('none');
    expect(mergeField('pendiente', 'completada', 'pendiente')).toBe('change');
    expect(mergeField('pendiente', 'completada', 'completada')).toBe('none');
    expect(mergeField('pendiente', 'completada', 'cancelada')).toBe('conflict');
  });

  it('shows values the way a person reads them', () => {
    expect(showFieldValue('estado', 'en_curso')).toBe('En curso');
    expect(showFieldValue('fecha', '2026-03-15')).toBe('15/03/2026');
    expect(showFieldValue('avance', '66.67')).toMatch(/^66[.,]67 %$/);
    expect(showFieldValue('observaciones', '')).toBe('');
  });
});
