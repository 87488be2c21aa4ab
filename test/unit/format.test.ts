import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatNumber,
  formatPercent,
  formatPeriod,
  isSmallBase,
  planLabel,
  plural,
  smallBaseNote,
  withTheir,
} from '../../shared/format.ts';

describe('Spanish wording of counts, sizes and periods (es-DO)', () => {
  it('agrees the noun with the count, never "(s)"', () => {
    expect(plural(1, 'tarea')).toBe('1 tarea');
    expect(plural(0, 'tarea')).toBe('0 tareas');
    expect(plural(2, 'acción', 'acciones')).toBe('2 acciones');
    expect(plural(12345, 'respuesta')).toBe('12,345 respuestas');
  });

  it('says "con su tarea", never "con sus 1 tarea"', () => {
    expect(withTheir(1, 'tarea')).toBe('con su tarea');
    expect(withTheir(3, 'tarea')).toBe('con sus 3 tareas');
    expect(withTheir(0, 'tarea')).toBe('sin tareas');
    expect(withTheir(2, 'acción', 'acciones')).toBe('con sus 2 acciones');
  });

  it('shows sizes in the unit a person would use', () => {
    expect(formatBytes(1536 * 1024 * 1024)).toBe('1.5 GB');
    expect(formatBytes(40 * 1024 * 1024)).toBe('40 MB');
    expect(formatBytes(60 * 1024 * 1024)).toBe('60 MB');
    expect(formatBytes(1024 * 1024 * 1024)).toBe('1 GB');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(900)).toBe('900 bytes');
  });

  it('writes a one-year period once', () => {
    expect(formatPeriod(2026, 2026)).toBe('2026');
    expect(formatPeriod(2025, 2026)).toBe('2025–2026');
  });

  it('formats numbers the Dominican way', () => {
    expect(formatNumber(46, 1)).toBe('46.0');
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
    expect(formatNumber(null)).toBe('—');
    expect(formatPercent(7.25)).toBe('7.3 %');
    expect(formatCount(1204)).toBe('1,204');
  });

  it('names a plan by institution and period first', () => {
    const plan = {
      institution: 'Ayuntamiento Municipal de Vallejuelo',
      periodFrom: 2025,
      periodTo: 2026,
      title: 'Plan de Mejora Institucional 2025-2026',
    };
    expect(planLabel(plan)).toBe('Ayuntamiento Municipal de Vallejuelo · 2025–2026');
    expect(planLabel({ ...plan, title: 'Plan de Mejora Institucional 2025–2026' })).toBe(
      'Ayuntamiento Municipal de Vallejuelo · 2025–2026',
    );
    expect(planLabel({ ...plan, title: 'Plan revisado tras la visita del MAP' })).toBe(
      'Ayuntamiento Municipal de Vallejuelo · 2025–2026 · Plan revisado tras la visita del MAP',
    );
    expect(planLabel({ ...plan, periodTo: 2025, title: 'Plan de Mejora Institucional 2025' })).toBe(
      'Ayuntamiento Municipal de Vallejuelo · 2025',
    );
  });

  it('flags bases under 30 answers', () => {
    expect(isSmallBase(7)).toBe(true);
    expect(isSmallBase(29)).toBe(true);
    expect(isSmallBase(30)).toBe(false);
    expect(isSmallBase(null)).toBe(false);
    expect(smallBaseNote(7)).toMatch(/n = 7/);
  });
});
