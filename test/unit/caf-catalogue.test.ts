import { describe, expect, it } from 'vitest';
import { CAF_CRITERIA, CAF_SUBCRITERIA, cafLabel, findSubcriterion, subcriteriaOf, subcriterionBelongsTo } from '../../shared/caf.ts';

describe('CAF catalogue', () => {
  it('has 9 criteria and 28 subcriteria, 4+4+3+6+3+2+2+2+2', () => {
    expect(CAF_CRITERIA.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(CAF_SUBCRITERIA).toHaveLength(28);
    expect(CAF_CRITERIA.map((c) => subcriteriaOf(c.criterion).length)).toEqual([4, 4, 3, 6, 3, 2, 2, 2, 2]);
  });

  it('every subcriterion code is unique and starts with its criterion', () => {
    expect(new Set(CAF_SUBCRITERIA.map((s) => s.code)).size).toBe(28);
    for (const s of CAF_SUBCRITERIA) expect(s.code.startsWith(`${s.criterion}.`)).toBe(true);
  });

  it('shows the 2020 or the 2013 Spanish label', () => {
    const s = findSubcriterion('2.4')!;
    expect(cafLabel(s, '2020')).toBe('Gestionar el cambio y la innovación para garantizar la agilidad y la resiliencia de la organización');
    expect(cafLabel(s, '2013')).toBe('Planificar, implantar y revisar la innovación y el cambio');
    expect(cafLabel(findSubcriterion('4.5')!, '2013')).toBe('Gestionar la tecnología');
    const differing = CAF_SUBCRITERIA.filter((e) => e.label2013 !== e.label2020).map((e) => e.code);
    expect(differing).toEqual(['1.3', '2.1', '2.3', '2.4', '3.1', '3.2', '3.3', '4.2', '5.1', '5.2', '9.1']);
  });

  it('a subcriterion belongs to its criterion only', () => {
    expect(subcriterionBelongsTo('4.5', 4)).toBe(true);
    expect(subcriterionBelongsTo('4.5', 5)).toBe(false);
    expect(subcriterionBelongsTo('4.7', 4)).toBe(false);
    expect(subcriterionBelongsTo('9.2', 9)).toBe(true);
  });
});
