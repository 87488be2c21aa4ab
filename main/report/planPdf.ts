// The plan in the official layout as a PDF (what the mayor signs): the same title lines,
// two-row header (Tiempo over Inicio and Fin) and columns as the Excel export, on legal
// landscape pages with the header repeated and rows never split.
import type { PlanSettings } from '../../shared/seguimiento/types.ts';
import type { Plan } from '../../shared/types.ts';
import { EXTRA_COLUMN_WIDTH, PLAN_COLUMNS, TIME_HEADER } from '../../shared/planLayout.ts';
import { isInstitutionLabel, metaLineText } from '../../shared/planMetadata.ts';
import { actionCellText, exportFileName, titleLine } from '../planfile/writePlanFile.ts';
import type { MadeBy } from '../files/madeBy.ts';
import { COLORS, PdfBuilder } from './pdf/pdfDocument.ts';
import { drawTable } from './pdf/pdfTable.ts';
import type { HeaderCell, TableColumn } from './pdf/pdfTable.ts';
import { fitWidths, headerMinWidth } from './pdf/widths.ts';
import { drawSignatures } from './signatures.ts';

/** "Plan de Mejora 2025-2026 - Ayuntamiento ….pdf" (the Excel export's name, other extension). */
export function planPdfFileName(plan: Pick<Plan, 'institution' | 'periodFrom' | 'periodTo'>): string {
  return exportFileName(plan).replace(/\.xlsx$/, '.pdf');
}

/** The title block every plan document starts with: the title, then the institution, prominent. */
export function drawPlanTitle(b: PdfBuilder, title: string, institution: string, subtitle?: string): void {
  b.paragraph(institution, { font: 'bold', size: 17, color: COLORS.accent, leading: 1.2 }, { align: 'center', after: 2 });
  b.paragraph(title, { font: 'semibold', size: 12.5, leading: 1.3 }, { align: 'center', after: subtitle ? 1 : 10 });
  if (subtitle) b.paragraph(subtitle, { size: 9, color: COLORS.muted }, { align: 'center', after: 10 });
}

/**
 * The plan as a PDF, closed by the signature block (the mayor signs the plan): `signers` from
 * the plan's settings, "Elaborado por" the user when they name no one.
 */
export async function writePlanPdf(plan: Plan, signers: PlanSettings['signers'], madeBy: MadeBy): Promise<Uint8Array> {
  const title = titleLine(plan);
  const b = new PdfBuilder({
    size: 'LEGAL',
    landscape: true,
    margins: [30, 28, 34, 28],
    title: `${title} — ${plan.institution}`,
    subject: 'Plan de Mejora Institucional',
    madeBy,
    running: { footerLeft: `${plan.institution} · ${title}` },
  });
  // The file's other lines above the header ("Fecha de elaboración: …"), on one line under the title.
  const details = plan.metadata
    .filter((l) => l.value && !isInstitutionLabel(l.label))
    .map(metaLineText)
    .join('  ·  ');
  drawPlanTitle(b, title, plan.institution, details || undefined);

  const headers = [...PLAN_COLUMNS.map((c) => c.header), ...plan.extraColumns];
  const minimums = headers.map((h) => headerMinWidth(Math.min(b.longestWord(h, { font: 'semibold', size: 7.5 }), 70)));
  const widths = fitWidths([...PLAN_COLUMNS.map((c) => c.width), ...plan.extraColumns.map(() => EXTRA_COLUMN_WIDTH)], b.width, minimums);
  const columns: TableColumn[] = widths.map((width, i) => ({
    width,
    align: i < 3 || PLAN_COLUMNS[i]?.key === 'start' || PLAN_COLUMNS[i]?.key === 'end' ? 'center' : 'left',
  }));
  const startIndex = PLAN_COLUMNS.findIndex((c) => c.key === 'start');
  const top: HeaderCell[] = [];
  PLAN_COLUMNS.forEach((c, i) => {
    if (i === startIndex) top.push({ text: TIME_HEADER, span: 2 });
    else if (i !== startIndex + 1) top.push({ text: c.header, rowSpan: 2 });
  });
  for (const h of plan.extraColumns) top.push({ text: h, rowSpan: 2 });
  const sub: HeaderCell[] = [{ text: PLAN_COLUMNS[startIndex]!.header }, { text: PLAN_COLUMNS[startIndex + 1]!.header }];

  const rows = plan.actions.map((a) => [
    ...PLAN_COLUMNS.map((c) => ({ text: actionCellText(a, c.key), ...(c.key === 'no' ? { font: 'semibold' as const } : {}) })),
    ...plan.extraColumns.map((h) => a.extra[h] ?? ''),
  ]);
  if (!rows.length) {
    b.paragraph('Este plan todavía no tiene acciones.', { size: 10, color: COLORS.muted }, { align: 'center' });
  } else {
    drawTable(b, { columns, header: [top, sub], rows, size: 7.5, headerSize: 7.5 });
  }
  drawSignatures(b, signers, madeBy);
  return b.finish();
}
