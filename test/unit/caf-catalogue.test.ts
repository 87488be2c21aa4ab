import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAF_CRITERIA, CAF_SUBCRITERIA, cafLabel, findSubcriterion, subcriteriaOf, subcriterionBelongsTo } from '../../shared/caf.ts';

describe('CAF catalogue', () => {
  it('has 9 criteria and 28 subcriteria, 4+4+3+6+3+2+2+2+2', () => {
    expect(CAF_CRITERIA.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(CAF_SUBCRITERIA).toHaveLength(28);
    expect(CAF_CRITERIA.map((c) => subcriteriaOf(c.criterion).length)).toEqual([4, 4, 3, 6, 3, 2, 2, 2, 2]);
  });

  it('is the catalogue of docs/domain.md §3, word for word, in both versions', () => {
    // The table gives every code with its CAF 2020 label; the paragraph after it, the 2013 labels that differ.
    const doc = fs.readFileSync(path.join(import.meta.dirname, '../../docs/domain.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## 3. CAF'), doc.indexOf('## 4.'));
    const rows = [...section.matchAll(/^\| (\d(?:\.\d)?) \| (.+?) \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    const label2013 = new Map(
      [
        ...section
          .slice(section.indexOf('CAF 2013 labels that differ'))
          .replace(/\s+/g, ' ')
          .matchAll(/(\d\.\d) "([^"]+)"/g),
      ].map((m) => [m[1]!, m[2]!]),
    );
    expect(rows).toHaveLength(9 + 28);
    expect(label2013.size).toBe(11);
    const documented = rows.map(([code, label]) => ({ code, label2020: label, label2013: label2013.get(code) ?? label }));
    const catalogue = [...CAF_CRITERIA, ...CAF_SUBCRITERIA]
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
      .map(({ code, label2020, label2013 }) => ({ code, label2020, label2013 }));
    expect(catalogue).toEqual(documented);
  });

  it('files each subcriterion under the criterion its code names', () => {
    expect(findSubcriterion('4.5')?.criterion).toBe(4);
    expect(subcriteriaOf(9).map((s) => s.code)).toEqual(['9.1', '9.2']);
    expect(new Set(CAF_SUBCRITERIA.map((s) => s.code)).size).toBe(28);
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
