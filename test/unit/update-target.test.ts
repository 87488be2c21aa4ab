import { describe, expect, it } from 'vitest';
import { mismatchMessage, updateMismatch } from '../../shared/updateTarget.ts';

const vallejuelo = { institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 };

describe('updating a plan from another file', () => {
  it('accepts the same plan written differently', () => {
    expect(updateMismatch({ institution: 'AYUNTAMIENTO DE VALLEJUELO', periodFrom: 2025, periodTo: 2026 }, vallejuelo)).toBeNull();
    expect(updateMismatch({ institution: 'Vallejuelo', periodFrom: null, periodTo: null }, vallejuelo)).toBeNull();
    expect(updateMismatch({ institution: '', periodFrom: 2025, periodTo: 2026 }, vallejuelo)).toBeNull();
  });

  it('flags another institution or another period, and says so in Spanish', () => {
    const bani = { institution: 'Ayuntamiento Municipal de Baní', periodFrom: 2025, periodTo: 2026 };
    expect(updateMismatch(bani, vallejuelo)).toEqual({ institution: true, period: false });
    const later = { ...vallejuelo, periodFrom: 2026, periodTo: 2027 };
    expect(updateMismatch(later, vallejuelo)).toEqual({ institution: false, period: true });
    expect(mismatchMessage({ institution: true, period: true }, { ...bani, periodFrom: 2026, periodTo: 2027 }, vallejuelo)).toBe(
      'Este archivo es de «Ayuntamiento Municipal de Baní», no de «Ayuntamiento Municipal de Vallejuelo» y es del período 2026–2027, no del 2025–2026. Lo más seguro es importarlo como un plan nuevo.',
    );
  });
});
