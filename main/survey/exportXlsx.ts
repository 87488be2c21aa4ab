// The survey report as an .xlsx: values only. Answers are untrusted text: they are
// written as plain string cells (never formulas, never hyperlinks), whatever they start with.
import ExcelJS from 'exceljs';
import type { SurveyReport } from '../../shared/api/surveys.ts';
import { COLUMN_KIND_LABELS, SURVEY_SOURCE_LABELS } from '../../shared/api/surveys.ts';
import { isSmallBase, SMALL_BASE } from '../../shared/format.ts';
import { GLOSSARY } from '../../shared/survey/glossary.ts';

const SMALL_BASE_CELL = `Base pequeña (n < ${SMALL_BASE})`;
import { cellSafeText, looksLikeFormula } from '../files/cellText.ts';

type Cell = string | number | null;

/**
 * Cells are strings or numbers only: exceljs writes a string as text even if it starts
 * with "=". Without characters XML forbids and within Excel's 32,767 characters, or
 * Excel refuses to open the file.
 */
function text(value: string | null | undefined): string {
  return cellSafeText(value ?? '');
}

function addTable(ws: ExcelJS.Worksheet, header: string[], rows: Cell[][], widths: number[]): void {
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? text(c) : c)));
  for (const [i, w] of widths.entries()) ws.getColumn(i + 1).width = w;
}

function filterText(r: SurveyReport): string {
  const parts: string[] = [];
  if (r.filters.from || r.filters.to) parts.push(`fechas ${r.filters.from ?? '…'} a ${r.filters.to ?? '…'}`);
  for (const c of r.filters.choices ?? []) {
    const q = r.questions.find((x) => x.id === c.questionId);
    parts.push(`${q?.header ?? `pregunta ${c.questionId}`}: ${c.values.join(', ')}`);
  }
  return parts.length ? parts.join('; ') : 'ninguno';
}

export async function exportReportXlsx(r: SurveyReport): Promise<{ fileName: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mejora';
  const summary = wb.addWorksheet('Resumen');
  summary.addRow([text(`Resultados de la encuesta: ${r.formName}`)]).font = { bold: true, size: 14 };
  summary.addRow([text(`Archivo: ${r.fileName} · ${SURVEY_SOURCE_LABELS[r.source]}`)]);
  summary.addRow([`Personas encuestadas: ${r.respondents} de ${r.respondentsTotal}`]);
  summary.addRow([text(`Base pequeña: ${GLOSSARY.smallBase.text}`)]);
  summary.addRow([text(`Filtros: ${filterText(r)}`)]);
  summary.addRow([]);
  addTable(
    summary,
    ['Pregunta', 'Servicio', 'Tipo', 'Respondentes', 'n válido', 'En blanco', 'No aplica / NS-NR', 'Fuera de escala', '% satisfechos (2 mejores)', 'IC 95 % inferior', 'IC 95 % superior', 'Promedio', 'Índice 0–100', 'NPS', 'Aviso'],
    r.questions.map((q) => [
      q.header, q.service, COLUMN_KIND_LABELS[q.kind], q.respondents, q.n_valid, q.n_blank, q.n_non_answer, q.n_invalid,
      q.top2box_pct, q.ci95?.[0] ?? null, q.ci95?.[1] ?? null, q.mean, q.index_0_100, q.nps,
      q.kind !== 'text' && isSmallBase(q.n_valid) ? SMALL_BASE_CELL : null,
    ]),
    [60, 28, 16, 12, 10, 10, 14, 12, 14, 12, 12, 10, 12, 8, 30],
  );

  const services = wb.addWorksheet('Servicios');
  addTable(
    services,
    ['Servicio', 'Índice 0–100', '% satisfechos', 'IC 95 % inferior', 'IC 95 % superior', 'n (respuestas válidas)', 'Personas', 'Aviso'],
    r.services.map((s) => [s.name, s.index_0_100, s.top2box_pct, s.ci95?.[0] ?? null, s.ci95?.[1] ?? null, s.n, s.respondents, isSmallBase(s.n) ? SMALL_BASE_CELL : null]),
    [36, 12, 14, 14, 14, 18, 10, 30],
  );

  const dist = wb.addWorksheet('Distribución');
  const distRows: Cell[][] = [];
  for (const q of r.questions) for (const d of q.distribution) distRows.push([q.header, d.label, d.count, d.pct]);
  addTable(dist, ['Pregunta', 'Nivel u opción', 'Cantidad', '% de n válido'], distRows, [60, 36, 10, 14]);

  const texts = r.questions.filter((q) => q.answers?.length);
  if (texts.length) {
    const comments = wb.addWorksheet('Comentarios');
    const rows: Cell[][] = [];
    for (const q of texts) for (const a of q.answers!) rows.push([q.header, a]);
    addTable(comments, ['Pregunta', 'Respuesta'], rows, [40, 100]);
  }
  // Text that starts like a formula gets the Text format: re-entering it in Excel keeps it text.
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
      }),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  const safeName = r.formName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'encuesta';
  return { fileName: `Resultados - ${safeName}.xlsx`, bytes: new Uint8Array(buffer as ArrayBuffer) };
}
