// The survey results as a PDF a council can read (letter, portrait): the base and the
// filters on every page, how to read the figures explained once in plain Spanish, a summary
// and a trend by service, then every question with the same diverging bar as the screen,
// drawn as vectors. Small bases are flagged.
import type { QuestionResult, ServiceResult, SurveyReport } from '../../shared/api/surveys.ts';
import { COLUMN_KIND_LABELS } from '../../shared/api/surveys.ts';
import { divergingExtent, divergingPalette, divergingSegments, isDarkColor } from '../../shared/survey/diverging.ts';
import type { MadeBy } from '../files/madeBy.ts';
import { COLORS, PdfBuilder } from './pdf/pdfDocument.ts';
import type { TextStyle } from './pdf/pdfDocument.ts';
import { SMALL_BASE, SMALL_BASE_TEXT, count, dateRangeText, filtersText, num, pct } from './surveyText.ts';

export interface SurveyWave {
  surveyId: number;
  wave: number;
  dateRange: { from: string; to: string } | null;
  respondents: number;
  services: ServiceResult[];
}

export interface SurveyPdfInput {
  report: SurveyReport;
  /** The institution of the plan the survey belongs to, when it has one. */
  institution: string | null;
  wave: number;
  /** Every wave of the same form, oldest first (this one included), without filters. */
  waves: SurveyWave[];
  madeBy: MadeBy;
}

export function surveyPdfFileName(formName: string): string {
  const safe =
    formName
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .replace(/[. ]+$/, '') || 'encuesta';
  return `Resultados - ${safe}.pdf`;
}

const H2: TextStyle = { font: 'bold', size: 13, color: COLORS.accent, leading: 1.25 };
const H3: TextStyle = { font: 'semibold', size: 9.5, leading: 1.3 };
const BODY: TextStyle = { size: 8.5, leading: 1.4 };
const SMALL: TextStyle = { size: 7.5, color: COLORS.muted, leading: 1.35 };

const EXPLANATION = [
  [
    '% satisfechos',
    'de cada 100 personas que respondieron la pregunta, cuántas eligieron una de las dos respuestas más favorables (por ejemplo, «Satisfecho» o «Muy satisfecho»).',
  ],
  [
    'Intervalo de confianza del 95 %',
    'el rango en el que, con mucha seguridad, estaría el % de satisfechos si se hubiera preguntado a todas las personas usuarias del servicio. Con más respuestas el rango es más estrecho.',
  ],
  [
    'Índice 0–100',
    'el promedio de las respuestas llevado a una escala de 0 a 100: 0 si todas las personas eligieron la peor opción, 100 si todas eligieron la mejor, 50 en el punto medio. Es la puntuación de 0 a 100 que pide el SISMAP.',
  ],
  [
    'n',
    'cuántas personas dieron una respuesta válida a la pregunta (no se cuentan las respuestas en blanco ni «No aplica» o «No sabe / no responde»).',
  ],
  [
    'Base pequeña',
    `con menos de ${SMALL_BASE} respuestas, unas pocas personas pueden cambiar mucho el resultado: interprételo con cautela.`,
  ],
] as const;

function sectionTitle(b: PdfBuilder, text: string, keepWith = 60): void {
  b.ensure(26 + keepWith);
  b.y += 6;
  b.paragraph(text, H2, { after: 4 });
  b.hline(b.left, b.right, b.y, COLORS.borderLight, 0.75);
  b.y += 8;
}

/** A horizontal 0–100 bar: track, fill, and the figure to its right. */
function scoreBar(b: PdfBuilder, x: number, y: number, w: number, value: number | null, color: string = COLORS.accent): void {
  b.rect(x, y, w, 7, '#eef1f5');
  if (value !== null) b.rect(x, y, (Math.max(0, Math.min(100, value)) / 100) * w, 7, color);
  // The midpoint (50), as on screen.
  b.vline(x + w / 2, y - 1, y + 8, '#ffffff', 1);
}

function drawServiceSummary(b: PdfBuilder, services: ServiceResult[]): void {
  const cols = { name: 170, bar: 130, index: 52, t2b: 62, ci: 78, n: 40 };
  const x = b.left;
  const headY = b.y;
  const head: [string, number, number][] = [
    ['Servicio', x, cols.name],
    ['Índice 0–100', x + cols.name, cols.bar + cols.index],
    ['% satisfechos', x + cols.name + cols.bar + cols.index, cols.t2b],
    ['IC 95 %', x + cols.name + cols.bar + cols.index + cols.t2b, cols.ci],
    ['n', x + cols.name + cols.bar + cols.index + cols.t2b + cols.ci, cols.n],
  ];
  for (const [t, hx, hw] of head)
    b.drawLines([t], hx, headY, hw, { ...SMALL, font: 'semibold' }, t === 'Servicio' || t.startsWith('Índice') ? 'left' : 'right');
  b.y += 13;
  b.hline(b.left, b.right, b.y - 2, COLORS.border);
  for (const s of services) {
    const nameLines = b.lines(s.name, cols.name - 8, BODY);
    const small = s.n < SMALL_BASE;
    const h = Math.max(nameLines.length * b.lineHeight(BODY), 12) + (small ? 10 : 0) + 5;
    if (b.ensure(h)) b.y += 4;
    const y = b.y + 2;
    b.drawLines(nameLines, x, y, cols.name - 8, BODY);
    if (small)
      b.drawLines([SMALL_BASE_TEXT], x, y + nameLines.length * b.lineHeight(BODY), cols.name + cols.bar, {
        ...SMALL,
        color: COLORS.warn,
        font: 'medium',
      });
    scoreBar(b, x + cols.name, y + 3, cols.bar - 8, s.index_0_100);
    let cx = x + cols.name + cols.bar;
    b.drawLines([num(s.index_0_100, 1)], cx, y, cols.index - 14, { ...BODY, font: 'semibold' }, 'left');
    cx += cols.index;
    b.drawLines([pct(s.top2box_pct)], cx, y, cols.t2b, BODY, 'right');
    cx += cols.t2b;
    b.drawLines([s.ci95 ? `${num(s.ci95[0], 1)}–${num(s.ci95[1], 1)}` : '—'], cx, y, cols.ci, BODY, 'right');
    cx += cols.ci;
    b.drawLines([count(s.n)], cx, y, cols.n, BODY, 'right');
    b.y += h;
    b.hline(b.left, b.right, b.y - 1, COLORS.borderLight);
  }
  b.y += 4;
  b.paragraph('n del servicio: respuestas válidas a sus preguntas (una persona cuenta una vez por pregunta).', SMALL, { after: 4 });
}

function drawTrend(b: PdfBuilder, waves: SurveyWave[], current: number): void {
  const shown = waves.slice(-5);
  const names: string[] = [];
  for (const w of shown) for (const s of w.services) if (!names.includes(s.name)) names.push(s.name);
  if (!names.length) return;
  sectionTitle(b, 'Evolución por servicio', 40 + names.length * 14);
  b.paragraph(
    `Índice 0–100 de cada servicio en cada ola de esta encuesta (todas las respuestas de cada ola, sin filtros), con su n. ` +
      `La última columna compara la primera y la última ola mostradas.`,
    BODY,
    { after: 6 },
  );
  const nameW = 160;
  const changeW = 60;
  const colW = (b.width - nameW - changeW) / shown.length;
  const headLines = shown.map((w) => [`Ola ${w.wave}${w.wave === current ? ' (esta)' : ''}`, dateRangeText(w.dateRange)]);
  b.drawLines(['Servicio'], b.left, b.y, nameW, { ...SMALL, font: 'semibold' });
  for (const [i, lines] of headLines.entries())
    b.drawLines(lines, b.left + nameW + i * colW, b.y, colW - 4, { ...SMALL, font: 'semibold' }, 'center');
  b.drawLines(['Cambio'], b.right - changeW, b.y, changeW, { ...SMALL, font: 'semibold' }, 'right');
  b.y += 2 * b.lineHeight(SMALL) + 3;
  b.hline(b.left, b.right, b.y - 1, COLORS.border);
  for (const name of names) {
    const nameLines = b.lines(name, nameW - 8, BODY);
    const h = Math.max(nameLines.length * b.lineHeight(BODY), 22) + 4;
    b.ensure(h);
    const y = b.y + 2;
    b.drawLines(nameLines, b.left, y, nameW - 8, BODY);
    const values: (number | null)[] = [];
    shown.forEach((w, i) => {
      const s = w.services.find((x) => x.name === name);
      values.push(s?.index_0_100 ?? null);
      const cx = b.left + nameW + i * colW;
      if (!s) {
        b.drawLines(['—'], cx, y, colW - 4, BODY, 'center');
        return;
      }
      b.drawLines([num(s.index_0_100, 1)], cx, y, colW - 4, { ...BODY, font: 'semibold' }, 'center');
      b.drawLines(
        [`n = ${count(s.n)}${s.n < SMALL_BASE ? ' · base pequeña' : ''}`],
        cx,
        y + 10,
        colW - 4,
        { ...SMALL, color: s.n < SMALL_BASE ? COLORS.warn : COLORS.muted },
        'center',
      );
    });
    const known = values.filter((v): v is number => v !== null);
    const change = known.length >= 2 ? known[known.length - 1]! - known[0]! : null;
    const changeText = change === null ? '—' : `${change > 0 ? '+' : change < 0 ? '−' : ''}${num(Math.abs(change), 1)}`;
    b.drawLines(
      [changeText],
      b.right - changeW,
      y,
      changeW,
      {
        ...BODY,
        font: 'semibold',
        color: change === null || Math.abs(change) < 0.05 ? COLORS.muted : change > 0 ? COLORS.ok : COLORS.danger,
      },
      'right',
    );
    b.y += h;
    b.hline(b.left, b.right, b.y - 1, COLORS.borderLight);
  }
  b.y += 6;
}

function statsLine(q: QuestionResult): string {
  const parts = [`n = ${count(q.n_valid)}`];
  if (q.kind === 'scale') {
    parts.push(`% satisfechos ${pct(q.top2box_pct)}${q.ci95 ? ` (IC 95 %: ${num(q.ci95[0], 1)}–${num(q.ci95[1], 1)})` : ''}`);
    parts.push(`Índice 0–100: ${num(q.index_0_100, 1)}`);
    parts.push(`Promedio ${num(q.mean, 2)}`);
    if (q.nps !== null) parts.push(`NPS ${num(q.nps, 1)}`);
  }
  const left = [q.n_blank && `${count(q.n_blank)} en blanco`, q.n_non_answer && `${count(q.n_non_answer)} No aplica / NS-NR`].filter(
    Boolean,
  );
  if (left.length) parts.push(`(${left.join(', ')})`);
  return parts.join(' · ');
}

/** One scale question: its text, the diverging bar with % inside, the legend, the figures. */
function drawScaleQuestion(b: PdfBuilder, q: QuestionResult, extent: number): void {
  const headLines = b.lines(q.header, b.width, H3);
  const colors = divergingPalette(q.distribution.length);
  const legend = q.distribution.map((d) => `${d.label}: ${count(d.count)}`);
  // Legend items laid out in rows.
  const legendStyle: TextStyle = { size: 7.5, leading: 1.3 };
  const items = legend.map((t) => ({ t, w: Math.min(b.width, b.widthOf(t, 'regular', 7.5) + 16) }));
  const rows: { t: string; w: number; i: number }[][] = [[]];
  let used = 0;
  items.forEach((it, i) => {
    if (used + it.w > b.width && rows[rows.length - 1]!.length) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push({ ...it, i });
    used += it.w + 6;
  });
  const small = q.n_valid < SMALL_BASE;
  const stats = statsLine(q);
  const statsLines = b.lines(stats, b.width, SMALL);
  const barH = 16;
  const height =
    headLines.length * b.lineHeight(H3) + 4 + barH + 6 + rows.length * 11 + statsLines.length * b.lineHeight(SMALL) + (small ? 11 : 0) + 14;
  b.ensure(height);
  b.y += b.drawLines(headLines, b.left, b.y, b.width, H3) + 4;
  const barX = b.left;
  const barW = b.width;
  const total = q.distribution.reduce((s, d) => s + d.count, 0);
  if (total) {
    for (const s of divergingSegments(
      q.distribution.map((d) => d.count),
      extent,
    )) {
      const x = barX + (s.x / 100) * barW;
      const w = (s.width / 100) * barW;
      b.rect(x, b.y, w, barH, colors[s.level]!);
      if (s.share >= 6 && w >= 22) {
        const label = `${Math.round(s.share)} %`;
        b.drawLines(
          [label],
          x,
          b.y + 3.5,
          w,
          { font: 'semibold', size: 7, color: isDarkColor(colors[s.level]!) ? '#ffffff' : COLORS.text, leading: 1.3 },
          'center',
        );
      }
    }
  } else {
    b.rect(barX, b.y, barW, barH, '#eef1f5');
    b.drawLines(['Sin respuestas válidas'], barX, b.y + 3.5, barW, { ...SMALL }, 'center');
  }
  b.vline(barX + barW / 2, b.y - 2, b.y + barH + 2, COLORS.text, 1);
  b.y += barH + 6;
  for (const row of rows) {
    let x = b.left;
    for (const it of row) {
      b.rect(x, b.y + 2, 7, 7, colors[it.i]!);
      b.drawLines(b.lines(it.t, it.w - 10, legendStyle).slice(0, 1), x + 10, b.y, it.w - 10, legendStyle);
      x += it.w + 6;
    }
    b.y += 11;
  }
  b.y += b.drawLines(statsLines, b.left, b.y + 1, b.width, SMALL);
  if (small) {
    b.drawLines([`${SMALL_BASE_TEXT} (n = ${count(q.n_valid)}).`], b.left, b.y + 1, b.width, {
      ...SMALL,
      color: COLORS.warn,
      font: 'semibold',
    });
    b.y += 11;
  }
  b.y += 12;
}

/** A choice question: one horizontal bar per option with its count and %. */
function drawChoiceQuestion(b: PdfBuilder, q: QuestionResult): void {
  const headLines = b.lines(q.header, b.width, H3);
  const labelW = b.width * 0.38;
  const barW = b.width * 0.42;
  const opts = q.distribution.map((d) => ({ d, lines: b.lines(d.label, labelW - 8, BODY) }));
  const rowsH = opts.reduce((s, o) => s + Math.max(12, o.lines.length * b.lineHeight(BODY)) + 2, 0);
  const stats = statsLine(q) + (q.kind === 'multi' ? ' · Selección múltiple: % de quienes respondieron (pueden sumar más de 100 %).' : '');
  const statsLines = b.lines(stats, b.width, SMALL);
  const height = headLines.length * b.lineHeight(H3) + 4 + rowsH + statsLines.length * b.lineHeight(SMALL) + 14;
  b.ensure(Math.min(height, b.bottom - b.top));
  b.y += b.drawLines(headLines, b.left, b.y, b.width, H3) + 4;
  const max = Math.max(1, ...q.distribution.map((d) => d.pct ?? 0));
  for (const o of opts) {
    const h = Math.max(12, o.lines.length * b.lineHeight(BODY)) + 2;
    b.ensure(h);
    b.drawLines(o.lines, b.left, b.y, labelW - 8, BODY);
    b.rect(b.left + labelW, b.y + 2.5, barW, 7, '#eef1f5');
    b.rect(b.left + labelW, b.y + 2.5, ((o.d.pct ?? 0) / max) * barW, 7, COLORS.accent);
    b.drawLines([count(o.d.count)], b.left + labelW + barW, b.y, 40, BODY, 'right');
    b.drawLines([pct(o.d.pct)], b.left + labelW + barW + 40, b.y, b.width - labelW - barW - 40, { ...BODY, color: COLORS.muted }, 'right');
    b.y += h;
  }
  b.y += 2;
  b.y += b.drawLines(statsLines, b.left, b.y, b.width, SMALL);
  if (q.n_valid < SMALL_BASE) {
    b.drawLines([`${SMALL_BASE_TEXT} (n = ${count(q.n_valid)}).`], b.left, b.y + 1, b.width, {
      ...SMALL,
      color: COLORS.warn,
      font: 'semibold',
    });
    b.y += 11;
  }
  b.y += 12;
}

export async function writeSurveyPdf(input: SurveyPdfInput): Promise<Uint8Array> {
  const r = input.report;
  const filters = filtersText(r);
  const base = `${count(r.respondents)} personas${r.respondents !== r.respondentsTotal ? ` de ${count(r.respondentsTotal)}` : ''}`;
  const b = new PdfBuilder({
    size: 'LETTER',
    landscape: false,
    margins: [54, 44, 46, 44],
    title: `Resultados — ${r.formName}`,
    subject: 'Encuesta de satisfacción ciudadana',
    madeBy: input.madeBy,
    running: {
      header: `${r.formName} · ola ${input.wave} · Base: ${base} · Filtros: ${filters}`,
      headerSkipFirst: false,
      footerLeft: input.institution ?? r.formName,
      footerDetail: `Resultados de la encuesta · ${dateRangeText(r.dateRange)}`,
    },
  });

  // Title block.
  if (input.institution) b.paragraph(input.institution, { font: 'bold', size: 17, color: COLORS.accent, leading: 1.2 }, { after: 2 });
  b.paragraph('Resultados de la encuesta de satisfacción ciudadana', { font: 'semibold', size: 13, leading: 1.3 }, { after: 2 });
  b.paragraph(`${r.formName} · ola ${input.wave}`, { size: 9.5, color: COLORS.muted }, { after: 10 });

  // Key figures.
  const boxW = (b.width - 16) / 3;
  const boxes: [string, string][] = [
    ['Personas encuestadas', base],
    ['Período de las respuestas', dateRangeText(r.dateRange)],
    ['Filtros aplicados', filters],
  ];
  const boxLines = boxes.map(([, v]) => b.lines(v, boxW - 16, { font: 'semibold', size: 10 }).slice(0, 4));
  const boxH = 22 + Math.max(...boxLines.map((l) => l.length)) * 13;
  boxes.forEach(([k], i) => {
    const x = b.left + i * (boxW + 8);
    b.rect(x, b.y, boxW, boxH, '#f4f5f7');
    b.drawLines([k], x + 8, b.y + 6, boxW - 16, SMALL);
    b.drawLines(boxLines[i]!, x + 8, b.y + 18, boxW - 16, { font: 'semibold', size: 10, leading: 1.3 });
  });
  b.y += boxH + 12;

  // How to read the figures, once.
  const explain = EXPLANATION.map(([k, v]) => ({ k, lines: b.lines(`${k}: ${v}`, b.width - 24, BODY) }));
  const explainH = 24 + explain.reduce((s, e) => s + e.lines.length * b.lineHeight(BODY) + 3, 0);
  b.ensure(explainH);
  b.rect(b.left, b.y, b.width, explainH, COLORS.accentWeak);
  b.rect(b.left, b.y, 3, explainH, COLORS.accent);
  let ey = b.y + 8;
  b.drawLines(['Cómo leer estos resultados'], b.left + 12, ey, b.width - 24, { font: 'semibold', size: 9.5 });
  ey += 15;
  for (const e of explain) {
    // The term in semibold, its explanation in regular, on the same first line.
    const termW = b.widthOf(`${e.k}:`, 'semibold', 8.5);
    const first = e.lines[0]!.slice(e.k.length + 1);
    b.drawLines([`${e.k}:`], b.left + 12, ey, termW, { ...BODY, font: 'semibold' });
    b.drawLines([first], b.left + 12 + termW, ey, b.width - 24 - termW, BODY);
    b.drawLines(e.lines.slice(1), b.left + 12, ey + b.lineHeight(BODY), b.width - 24, BODY);
    ey += e.lines.length * b.lineHeight(BODY) + 3;
  }
  b.y += explainH + 10;

  if (r.respondents === 0)
    b.paragraph(
      'Ninguna persona cumple los filtros elegidos: no hay resultados que mostrar.',
      { ...BODY, color: COLORS.warn, font: 'semibold' },
      { after: 8 },
    );

  if (r.services.length) {
    sectionTitle(b, 'Resumen por servicio', 30 + Math.min(r.services.length, 4) * 18);
    drawServiceSummary(b, r.services);
  }
  if (input.waves.length > 1) drawTrend(b, input.waves, input.wave);

  const scale = r.questions.filter((q) => q.kind === 'scale');
  // One extent for every bar, as on the results page (shared/survey/diverging.ts).
  const extent = divergingExtent(scale.map((q) => q.distribution.map((d) => d.count)));
  const services = [...new Set(scale.map((q) => q.service).filter((s): s is string => s !== null))];
  for (const service of services) {
    sectionTitle(b, service, 90);
    for (const q of scale.filter((x) => x.service === service)) drawScaleQuestion(b, q, extent);
  }
  const unassigned = scale.filter((q) => q.service === null);
  if (unassigned.length) {
    sectionTitle(b, services.length ? 'Otras preguntas de escala' : 'Preguntas de escala', 90);
    for (const q of unassigned) drawScaleQuestion(b, q, extent);
  }
  const choice = r.questions.filter((q) => q.kind === 'single' || q.kind === 'multi');
  if (choice.length) {
    sectionTitle(b, 'Preguntas de selección', 80);
    for (const q of choice) drawChoiceQuestion(b, q);
  }
  const texts = r.questions.filter((q) => q.kind === 'text' && q.n_valid > 0);
  if (texts.length) {
    sectionTitle(b, 'Preguntas abiertas', 40);
    b.paragraph('Las respuestas escritas están en la exportación a Excel (hoja «Comentarios»).', BODY, { after: 6 });
    for (const q of texts) b.paragraph(`${q.header} — ${count(q.n_valid)} respuestas (${COLUMN_KIND_LABELS[q.kind]})`, BODY, { after: 3 });
  }
  return b.finish();
}
