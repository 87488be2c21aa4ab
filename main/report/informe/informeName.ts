// "Informe de avance - Trimestre 1 2026 - Ayuntamiento Municipal de Vallejuelo.pdf": the cut-off
// (or the day) and the institution, safe as a Windows file name.
import type { InformeFormat } from '../../../shared/api/reports.ts';
import type { PlanProgress } from '../../../shared/seguimiento/types.ts';
import { fileNameDay } from '../../../shared/dates.ts';

export function informeFileName(p: PlanProgress, format: InformeFormat): string {
  const clean = (s: string) =>
    s
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const when = p.cutoff ? clean(p.cutoff.label).slice(0, 40) : `al ${fileNameDay(p.asOf)}`;
  const institution = clean(p.institution)
    .slice(0, 100)
    .replace(/[. ]+$/, '');
  const kind = format === 'zip' ? 'Evidencias del informe de avance' : 'Informe de avance';
  return `${kind} - ${when}${institution ? ` - ${institution}` : ''}.${format}`;
}
