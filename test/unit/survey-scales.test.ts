import { describe, expect, it } from 'vitest';
import { foldLabel, isNonAnswer } from '../../shared/survey/labels.ts';
import { guessScale, levelLookup, scaleById } from '../../shared/survey/scales.ts';

describe('scale dictionary', () => {
  it('matches labels ignoring case, accents, gender marks and leading codes', () => {
    const look = levelLookup(scaleById('satisfaccion5')!);
    expect(look('MUY SATISFECHO')).toBe(4);
    expect(look('Satisfecho/a')).toBe(3);
    expect(look('Satisfecho(a)')).toBe(3);
    expect(look('Satisfech@')).toBe(3);
    expect(look('Muy satisfecha')).toBe(4);
    expect(look('5 - Muy satisfecho')).toBe(4);
    expect(look('Ni satisfecho/a ni insatisfecho/a')).toBe(2);
    expect(look('Neutral')).toBe(2);
    expect(look('Nada satisfecho')).toBe(0);
    expect(look('Bueno')).toBeNull();
  });

  it('keeps every level even when nobody chose it', () => {
    const g = guessScale(['Satisfecho', 'Muy satisfecho'], 'Satisfacción');
    expect(g!.scale.levels).toEqual(['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho']);
  });

  it('tells the two quality scales apart: "Regular" is the 2nd level when "Excelente" is there', () => {
    const withExcelente = guessScale(['Malo', 'Regular', 'Excelente'], 'Calidad')!;
    expect(withExcelente.scale.id).toBe('calidad5_excelente');
    expect(levelLookup(withExcelente.scale)('Regular')).toBe(1);
    const withMuyMalo = guessScale(['Muy malo', 'Regular', 'Buena'], 'Calidad')!;
    expect(withMuyMalo.scale.id).toBe('calidad5');
    expect(levelLookup(withMuyMalo.scale)('Regular')).toBe(2);
    expect(guessScale(['Regular', 'Bueno', 'Muy bueno'], 'Calidad')!.ambiguous).toBe(true);
  });

  it('recognises agreement, frequency and numeric scales', () => {
    expect(guessScale(['Totalmente de acuerdo', 'En desacuerdo'], 'x')!.scale.id).toBe('acuerdo5');
    expect(guessScale(['Nunca', 'A veces', 'Siempre'], 'x')!.scale.id).toBe('frecuencia5');
    expect(guessScale(['0', '7', '10'], 'Del 0 al 10, ¿recomendaría…?')!.scale.id).toBe('num0_10');
    expect(guessScale(['1', '3', '5'], 'Califique de 1 a 5')!.scale.id).toBe('num1_5');
    expect(guessScale(['1', '2'], 'Hijos')).toBeNull();
  });

  it('keeps non-answers out of the scale', () => {
    for (const v of ['No aplica', 'N/A', 'NS/NR', 'No sabe / no responde', 'No utilizo este servicio', 'no sabe, no responde']) {
      expect(isNonAnswer(v), v).toBe(true);
    }
    expect(isNonAnswer('Satisfecho')).toBe(false);
    expect(isNonAnswer('')).toBe(false);
    expect(foldLabel(' Satisfecho(a) ')).toBe('satisfecho');
  });
});
