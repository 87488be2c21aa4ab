// The informe de avance as a PDF for MAP's analyst (legal, landscape): a summary page
// (institution, plan, period, cut-off, global progress, bars by state, semáforo and CAF
// criterion), the actions table (header repeated, rows never split, the semáforo in its colour
// and in words), and the signature block Elaborado / Revisado / Aprobado por.
import { formatDay } from '../../../shared/dates.ts';
import type { ActionWithProgress, EvidenceItem, PlanProgress, Semaforo } from '../../../shared/seguimiento/types.ts';
import { ACTION_STATE_LABELS, ACTION_STATES, SEMAFOROS, SEMAFORO_COLORS, SEMAFORO_LABELS } from '../../../shared/seguimiento/types.ts';
import type { CafVersion } from '../../../shared/caf.ts';
import { monthCellText } from '../../planfile/monthText.ts';
import { titleLine } from '../../planfile/writePlanFile.ts';
import type { MadeBy } from '../../files/madeBy.ts';
import { COLORS, PdfBuilder } from '../pdf/pdfDocument.ts';
import { drawSignatures } from '../signatures.ts';
import type { TextStyle } from '../pdf/pdfDocument.ts';
import { drawTable } from '../pdf/pdfTable.ts';
import type { TableCell } from '../pdf/pdfTable.ts';
import { fitWidths, headerMinWidth } from '../pdf/widths.ts';
import { buildInforme, byCriterion, evidenceByAction, periodLabel } from './informeData.ts';

type Progress = PlanProgress & { cafVersion: CafVersion };

const num = (x: number | null, digits = 1) =>
  x === null ? '—' : x.toLocaleString('es-DO', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number | null) => (x === null ? '—' : `${num(x, 1)} %`);
const hex = (c: string) => `#${c}`;

const LABEL: TextStyle = { size: 8, color: COLORS.muted };
const H2: TextStyle = { font: 'bold', size: 11.5, color: COLORS.accent };

/** Horizontal bars: a label, a bar on a common scale, the figure. Returns the height used. */
function bars(
  b: PdfBuilder,
  x: number,
  y: number,
  w: number,
  rows: { label: string; value: number; text: string; color: string }[],
  max: number,
): number {
  const labelW = Math.min(190, w * 0.42);
  const figureW = 78;
  const barW = w - labelW - figureW - 8;
  let cy = y;
  for (const r of rows) {
    const lines = b.lines(r.label, labelW - 6, { size: 8.5 }).slice(0, 2);
    const h = Math.max(14, lines.length * 11) + 3;
    b.drawLines(lines, x, cy + 1, labelW - 6, { size: 8.5 });
    b.rect(x + labelW, cy + 3, barW, 8, '#eef1f5');
    if (max > 0 && r.value > 0) b.rect(x + labelW, cy + 3, Math.max(1.5, (r.value / max) * barW), 8, r.color);
    b.drawLines([r.text], x + labelW + barW + 8, cy + 1, figureW, { size: 8.5, font: 'semibold' });
    cy += h;
  }
  return cy - y;
}

function drawSummary(b: PdfBuilder, p: Progress): void {
  const informe = buildInforme(p);
  const title = titleLine(p);
  b.paragraph(p.institution, { font: 'bold', size: 20, color: COLORS.accent, leading: 1.2 }, { after: 2 });
  b.paragraph('Informe de avance del Plan de Mejora Institucional', { font: 'semibold', size: 14, leading: 1.3 }, { after: 3 });
  b.paragraph(
    `${title} · Período ${p.periodFrom === p.periodTo ? p.periodFrom : `${p.periodFrom}–${p.periodTo}`} · ${periodLabel(p, formatDay)}`,
    { size: 9.5, color: COLORS.muted },
    { after: 14 },
  );

  // Key figures.
  const t = informe.totals;
  const completed = t.by_state.completada;
  const withoutEvidence = p.actions.filter((a) => a.progress.state === 'completada' && a.progress.evidence === 0).length;
  const boxes: [string, string, string][] = [
    ['Avance global', pct(t.percent), 'promedio del % de avance de las acciones'],
    [
      'Acciones',
      String(t.actions),
      `${t.by_state.cancelada ? `${t.by_state.cancelada} cancelada${t.by_state.cancelada === 1 ? '' : 's'}` : 'ninguna cancelada'}`,
    ],
    ['Completadas', String(completed), t.actions ? `${num((completed / t.actions) * 100, 0)} % de las acciones` : ''],
    ['En rojo', String(t.by_semaforo.rojo), 'atrasadas o vencidas'],
    [
      'Completadas sin evidencia',
      String(withoutEvidence),
      withoutEvidence ? 'adjunte sus medios de verificación' : 'todas tienen evidencia',
    ],
  ];
  const gap = 10;
  const boxW = (b.width - gap * (boxes.length - 1)) / boxes.length;
  const boxH = 62;
  boxes.forEach(([k, v, note], i) => {
    const x = b.left + i * (boxW + gap);
    b.rect(x, b.y, boxW, boxH, i === 0 ? COLORS.accentWeak : '#f4f5f7');
    if (i === 0) b.rect(x, b.y, 3, boxH, COLORS.accent);
    b.drawLines([k], x + 10, b.y + 8, boxW - 20, LABEL);
    b.drawLines([v], x + 10, b.y + 20, boxW - 20, {
      font: 'bold',
      size: 18,
      color: i === 0 ? COLORS.accent : i === 3 && t.by_semaforo.rojo ? COLORS.danger : COLORS.text,
      leading: 1.1,
    });
    b.drawLines(b.lines(note, boxW - 20, { size: 7.5 }).slice(0, 1), x + 10, b.y + 45, boxW - 20, { size: 7.5, color: COLORS.muted });
  });
  // The global progress as a bar under the first box.
  b.y += boxH + 18;

  const colW = (b.width - 30) / 2;
  const leftX = b.left;
  const rightX = b.left + colW + 30;
  const top = b.y;
  b.drawLines(['Acciones por estado'], leftX, top, colW, H2);
  let ly = top + 20;
  const stateRows = ACTION_STATES.map((s) => ({
    label: ACTION_STATE_LABELS[s],
    value: t.by_state[s],
    text: `${t.by_state[s]} (${t.actions ? num((t.by_state[s] / t.actions) * 100, 0) : '0'} %)`,
    color: s === 'completada' ? COLORS.accent : s === 'en_proceso' ? '#6c9fd2' : s === 'cancelada' ? '#9aa3ad' : '#c3c9d1',
  }));
  ly += bars(b, leftX, ly, colW, stateRows, Math.max(1, t.actions));
  ly += 12;
  b.drawLines(['Semáforo'], leftX, ly, colW, H2);
  ly += 20;
  const semRows = SEMAFOROS.filter((s) => t.by_semaforo[s] > 0 || ['rojo', 'amarillo', 'verde'].includes(s)).map((s: Semaforo) => ({
    label: SEMAFORO_LABELS[s],
    value: t.by_semaforo[s],
    text: `${t.by_semaforo[s]} (${t.actions ? num((t.by_semaforo[s] / t.actions) * 100, 0) : '0'} %)`,
    color:
      s === 'rojo' ? '#c8553d' : s === 'amarillo' ? '#e0b030' : s === 'verde' ? '#3f9a6a' : s === 'completada' ? COLORS.accent : '#c3c9d1',
  }));
  ly += bars(b, leftX, ly, colW, semRows, Math.max(1, t.actions));

  b.drawLines(['Avance por criterio CAF'], rightX, top, colW, H2);
  const crit = byCriterion(p);
  let ry = top + 20;
  ry += bars(
    b,
    rightX,
    ry,
    colW,
    crit.map((c) => ({ label: c.label, value: c.percent ?? 0, text: `${pct(c.percent)} · ${c.actions} acc.`, color: COLORS.accent })),
    100,
  );
  b.y = Math.max(ly, ry) + 14;
  b.paragraph(
    'Avance global: promedio del % de avance de las acciones (tareas completadas entre tareas, o el % manual indicado con su motivo); ' +
      'no se cuentan las acciones canceladas ni las que no tienen base. Semáforo: compara el avance real con el esperado según el tiempo ' +
      `transcurrido entre el inicio y el fin de cada acción (amarillo con más de ${p.settings.semaforo.amberBehind} puntos de atraso o a ` +
      `${p.settings.semaforo.amberDaysBeforeEnd} días o menos del fin; rojo con más de ${p.settings.semaforo.redBehind} puntos de atraso o vencida).`,
    { size: 7.5, color: COLORS.muted, leading: 1.4 },
  );
}

/** The % and how it was reached ("1 de 2 tareas"); a manual % says so, its reason goes to Observaciones. */
function percentCell(a: ActionWithProgress): string {
  const p = a.progress;
  const how = manualReason(a) === null ? p.formula : 'manual';
  return `${p.percent === null ? '—' : `${num(p.percent, 0)} %`}\n${how}`;
}

/** The reason typed for a manual %, or null when the % comes from the tasks. */
function manualReason(a: ActionWithProgress): string | null {
  const f = a.progress.formula;
  return f.startsWith('Manual:') ? f.slice('Manual:'.length).trim() : null;
}

function observationsCell(a: ActionWithProgress): string {
  const reason = manualReason(a);
  return [a.progress.note, reason ? `% manual: ${reason}` : ''].filter(Boolean).join('\n');
}

function evidenceCell(list: EvidenceItem[] | undefined): string {
  if (!list?.length) return '';
  return list.map((e) => `${e.fileName}${e.date ? ` (${formatDay(e.date)})` : ''}${e.note ? ` — ${e.note}` : ''}`).join('\n');
}

function drawActions(b: PdfBuilder, p: Progress): void {
  b.addPage();
  b.paragraph('Avance por acción', { font: 'bold', size: 13, color: COLORS.accent }, { after: 6 });
  const evidence = evidenceByAction(p);
  const headers = [
    'No.',
    'Criterio',
    'Acción de Mejora',
    'Responsable',
    'Inicio',
    'Fin',
    'Estatus',
    '% de avance',
    'Semáforo',
    'Medios de verificación',
    'Observaciones',
  ];
  const relative = [3, 5, 30, 14, 7, 7, 8, 9, 8, 22, 18];
  const minimums = headers.map((h) => headerMinWidth(b.longestWord(h, { font: 'semibold', size: 7.5 })));
  const widths = fitWidths(relative, b.width, minimums);
  const rows = p.actions.map((a): (string | TableCell)[] => {
    const colour = SEMAFORO_COLORS[a.progress.semaforo];
    return [
      { text: String(a.no), font: 'semibold', align: 'center' },
      { text: a.criterion === null ? '' : String(a.criterion), align: 'center' },
      a.action,
      a.responsible,
      { text: monthCellText(a.start, a.endOpen && !a.end), align: 'center' },
      { text: monthCellText(a.end, a.endOpen), align: 'center' },
      ACTION_STATE_LABELS[a.progress.state],
      { text: percentCell(a), align: 'center' },
      { text: SEMAFORO_LABELS[a.progress.semaforo], fill: hex(colour.fill), color: hex(colour.text), font: 'semibold', align: 'center' },
      evidenceCell(evidence.get(a.id)),
      observationsCell(a),
    ];
  });
  if (!rows.length) b.paragraph('El plan no tiene acciones.', { size: 10, color: COLORS.muted });
  else drawTable(b, { columns: widths.map((width) => ({ width })), header: [headers.map((text) => ({ text }))], rows, size: 7.5 });
}

export async function writeInformePdf(p: Progress, madeBy: MadeBy): Promise<Uint8Array> {
  const cut = p.cutoff ? `${p.cutoff.label} · corte del ${formatDay(p.cutoff.date)}` : `Avance al ${formatDay(p.asOf)}`;
  const b = new PdfBuilder({
    size: 'LEGAL',
    landscape: true,
    margins: [34, 30, 36, 30],
    title: `Informe de avance — ${p.institution}`,
    subject: `Informe de avance del Plan de Mejora Institucional · ${cut}`,
    madeBy,
    running: {
      header: `Informe de avance · ${titleLine(p)} · ${cut}`,
      headerSkipFirst: true,
      footerLeft: p.institution,
      footerDetail: `Informe de avance · ${cut}`,
    },
  });
  drawSummary(b, p);
  drawActions(b, p);
  drawSignatures(b, p.settings.signers, madeBy);
  return b.finish();
}
