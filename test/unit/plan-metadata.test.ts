// The lines above a plan file's header (shared/planMetadata.ts).
import { describe, expect, it } from 'vitest';
import { metadataForNextPlan, metaLineText, normaliseMetadata, splitMetaLine } from '../../shared/planMetadata.ts';

describe('plan metadata lines', () => {
  it('splits "label: value" and leaves free text whole', () => {
    expect(splitMetaLine('Fecha de elaboración: 15/10/2025')).toEqual({ label: 'Fecha de elaboración', value: '15/10/2025' });
    expect(splitMetaLine('Nombre de la Organización:   Junta X ')).toEqual({ label: 'Nombre de la Organización', value: 'Junta X' });
    expect(splitMetaLine('Reunión a las 10:30')).toEqual({ label: '', value: 'Reunión a las 10:30' });
    expect(splitMetaLine('Dirección de Planificación')).toEqual({ label: '', value: 'Dirección de Planificación' });
    expect(metaLineText({ label: 'Elaborado por', value: 'Comité' })).toBe('Elaborado por: Comité');
    expect(metaLineText({ label: '', value: 'Comité' })).toBe('Comité');
  });

  it("a line naming the institution or the period shows the plan's own; empty lines go", () => {
    const plan = { institution: 'Ayuntamiento B', periodFrom: 2026, periodTo: 2027 };
    expect(
      normaliseMetadata(
        [
          { label: ' Nombre de la Institución: ', value: 'Ayuntamiento A' },
          { label: 'Período', value: '2025' },
          { label: '', value: '  ' },
          { label: 'Fecha de elaboración', value: '' },
        ],
        plan,
      ),
    ).toEqual([
      { label: 'Nombre de la Institución', value: 'Ayuntamiento B' },
      { label: 'Período', value: '2026-2027' },
      { label: 'Fecha de elaboración', value: '' },
    ]);
  });

  it("next year's plan keeps the lines but not this year's dates", () => {
    expect(
      metadataForNextPlan([
        { label: 'Fecha de elaboración', value: '15/10/2025' },
        { label: 'Elaborado por', value: 'Comité' },
      ]),
    ).toEqual([
      { label: 'Fecha de elaboración', value: '' },
      { label: 'Elaborado por', value: 'Comité' },
    ]);
  });
});
