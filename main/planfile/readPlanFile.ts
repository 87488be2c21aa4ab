// Reads a plan workbook (bytes) into a ParsedPlan and its warnings. Pure: writes nothing.
import type { ImportWarning, ParsedPlan } from '../../shared/api/planFiles.ts';
import { MAX_PLAN_FILE_BYTES } from '../../shared/api/planFiles.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_META_LABEL, MAX_META_LINES, MAX_META_VALUE } from '../../shared/planMetadata.ts';
import { defaultPlanTitle } from '../../shared/types.ts';
import { MAX_PLAN_ROWS } from '../../shared/limits.ts';
import { DEFAULT_XLSX_LIMITS, assertSafeXlsx } from '../files/inspect.ts';
import { foldText } from '../../shared/text.ts';
import { Workbook } from '../xlsx/workbook.ts';
import type { WorkbookLimits } from '../xlsx/workbook.ts';
import { SEGUIMIENTO_SHEET } from './followUpColumns.ts';
import { readSeguimientoSheet, resolveFollowUp } from './followUpRead.ts';
import { HEADER_SEARCH_ROWS, findHeaderRow, readHeaderLayout } from './headerLayout.ts';
import { applyPlanLimits } from './planLimits.ts';
import { readPlanMeta } from './planMeta.ts';
import { readPlanRows } from './readPlanRows.ts';
import { readSheetData } from './sheetData.ts';
import { looksLikeSurveyFile, surveyFileInPlanDoor } from '../survey/recogniseSurvey.ts';
import { SheetGrid } from './sheetGrid.ts';

export interface PlanFileReading {
  sheet: string;
  plan: ParsedPlan;
  warnings: ImportWarning[];
}

export interface PlanFileOverrides {
  institution?: string | undefined;
  periodFrom?: number | undefined;
  periodTo?: number | undefined;
}

/** A plan workbook is small: refuse anything that inflates past this. */
const PLAN_XLSX_LIMITS = { ...DEFAULT_XLSX_LIMITS, maxFileBytes: MAX_PLAN_FILE_BYTES, maxUncompressedBytes: 256 * 1024 * 1024 };
/** What the reader may inflate for a plan: one sheet or the shared strings at most 48 MB. */
const PLAN_WORKBOOK_LIMITS: WorkbookLimits = {
  what: 'un plan de mejora',
  maxTotalBytes: PLAN_XLSX_LIMITS.maxUncompressedBytes,
  maxSheetBytes: 48 * 1024 * 1024,
  maxSharedStringsBytes: 48 * 1024 * 1024,
};

/**
 * A file with no plan in it that is a survey's answers gets a message naming the right door
 * ("Importar encuesta"); any other such file, the reader's own message.
 */
export async function readPlanFile(bytes: Uint8Array, fileName: string, overrides: PlanFileOverrides = {}): Promise<PlanFileReading> {
  try {
    return await readPlan(bytes, fileName, overrides);
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_file' && (await looksLikeSurveyFile(bytes, fileName))) {
      throw new AppError('invalid_file', surveyFileInPlanDoor(fileName));
    }
    throw err;
  }
}

async function readPlan(bytes: Uint8Array, fileName: string, overrides: PlanFileOverrides): Promise<PlanFileReading> {
  assertSafeXlsx(bytes, fileName, PLAN_XLSX_LIMITS);
  const workbook = await Workbook.open(bytes, fileName, PLAN_WORKBOOK_LIMITS);
  const name = fileName ? `«${fileName}»` : 'El archivo';

  // The sheet whose first rows carry the most plan headers; ties go to the first sheet. Only
  // the top of each sheet is inflated here; the chosen one is read in full afterwards.
  let best: { index: number; row: number; score: number } | null = null;
  for (const [index, sheetRef] of workbook.sheets.entries()) {
    const found = findHeaderRow(new SheetGrid(await readSheetData(workbook, sheetRef, HEADER_SEARCH_ROWS + 1)));
    if (found && (!best || found.score > best.score)) best = { index, row: found.row, score: found.score };
  }
  if (!best) {
    throw new AppError(
      'invalid_file',
      `No se encontró el plan en ${name}: ninguna hoja tiene, en sus primeras 30 filas, los encabezados del plan de mejora (No., Criterio, Área de Mejora, Acción de Mejora, Tareas…). Revise que sea el archivo del plan. No se ha importado nada.`,
    );
  }
  const chosen: { index: number; row: number } = best;
  const ref = workbook.sheets[chosen.index]!;
  const warnings: ImportWarning[] = [];
  // A "Seguimiento" sheet is read after the plan (it is keyed by the plan's No.).
  const followSheet = workbook.sheets.find((other, i) => i !== chosen.index && foldText(other.name) === foldText(SEGUIMIENTO_SHEET));
  const others = [
    ...workbook.sheets.filter((other, i) => i !== chosen.index && other !== followSheet).map((s) => s.name),
    ...workbook.otherSheets,
  ];
  for (const other of others.slice(0, 20)) {
    warnings.push({
      sheet: other,
      row: null,
      column: null,
      message: `Se ignoró la hoja «${other}»: el plan se leyó de la hoja «${ref.name}».`,
    });
  }
  if (others.length > 20) {
    warnings.push({
      sheet: ref.name,
      row: null,
      column: null,
      message: `Se ignoraron otras ${others.length - 20} hojas: el plan se leyó de la hoja «${ref.name}».`,
    });
  }

  const grid = new SheetGrid(await readSheetData(workbook, ref));
  if (grid.sheet.truncated) {
    const max = MAX_PLAN_ROWS.toLocaleString('es-DO');
    warnings.push({
      sheet: ref.name,
      row: null,
      column: null,
      message: `La hoja tiene más de ${max} filas con datos: solo se leyeron las primeras ${max}.`,
    });
  }
  const layout = readHeaderLayout(grid, chosen.row);

  const lines: string[] = [];
  for (const row of grid.rowNumbers) {
    if (row >= layout.firstRow) break;
    const cells: string[] = [];
    for (const col of grid.columnsWithValues(row)) {
      const text = grid.text(row, col);
      if (text) cells.push(text);
    }
    if (cells.length) lines.push(cells.join(' '));
  }
  const meta = readPlanMeta(lines);
  const periodFrom = overrides.periodFrom ?? meta.periodFrom;
  const periodTo =
    overrides.periodTo ?? (overrides.periodFrom !== undefined && meta.periodTo === null ? overrides.periodFrom : meta.periodTo);
  const institution = overrides.institution?.trim() || meta.institution;

  if (meta.periodFrom === null && overrides.periodFrom === undefined) {
    warnings.push({
      sheet: ref.name,
      row: null,
      column: null,
      message: 'El archivo no dice el período del plan (por ejemplo, «Plan de Mejora Institucional 2025-2026»): indíquelo al importar.',
    });
  }
  if (!meta.institution && !overrides.institution?.trim()) {
    warnings.push({
      sheet: ref.name,
      row: null,
      column: null,
      message: 'El archivo no dice el nombre de la institución: indíquelo al importar.',
    });
  }

  const rows = readPlanRows(grid, layout, periodFrom, warnings);
  const read = [...rows.followUpColumns];
  if (followSheet) {
    const sheetRead = readSeguimientoSheet(
      new SheetGrid(await readSheetData(workbook, followSheet)),
      rows.fileNumbers,
      rows.followUp,
      periodFrom,
      (w) => warnings.push(w),
    );
    if (sheetRead) read.push(...sheetRead.map((h) => `${h} (hoja «${followSheet.name}»)`));
    else
      warnings.push({
        sheet: followSheet.name,
        row: null,
        column: null,
        message: `Se ignoró la hoja «${followSheet.name}»: no tiene filas de seguimiento por No. de acción (No., Estatus, % de avance…).`,
      });
  }
  const followUp = resolveFollowUp(rows.actions, rows.followUp, fileName || 'el archivo', (w) => warnings.push(w));
  if (read.length) {
    const kept = rows.extraColumns.filter((h) => /evidencia|verificaci/i.test(h));
    warnings.push({
      sheet: ref.name,
      row: null,
      column: null,
      message:
        `Se leyó el seguimiento del archivo: ${read.map((h) => `«${h}»`).join(', ')}. Un % que no coincide con las tareas se guardó como manual, con el archivo como motivo. ` +
        (kept.length
          ? `No se leyeron como archivos: ${kept.map((h) => `«${h}»`).join(', ')} (se conservan como texto; adjunte las evidencias en Mejora).`
          : 'Las evidencias (archivos) se adjuntan en Mejora.'),
    });
  }
  const title = meta.title || (periodFrom !== null && periodTo !== null ? defaultPlanTitle(periodFrom, periodTo) : '');
  const plan = {
    institution,
    title,
    periodFrom,
    periodTo,
    // A file's lines are cut to what "Datos del plan" can hold, so the plan stays editable there.
    metadata: meta.metadata
      .slice(0, MAX_META_LINES)
      .map((l) => ({ label: l.label.slice(0, MAX_META_LABEL), value: l.value.slice(0, MAX_META_VALUE) })),
    extraColumns: rows.extraColumns,
    actions: rows.actions,
    fileNumbers: rows.fileNumbers,
    followUp,
    hasFollowUp: read.length > 0,
  };
  applyPlanLimits(plan, (row, message) => warnings.push({ sheet: ref.name, row, column: null, message }));
  // The follow-up is parallel to the actions: cut with them.
  if (plan.followUp.length > plan.actions.length) plan.followUp.length = plan.actions.length;
  return { sheet: ref.name, warnings: sortWarnings(warnings), plan };
}

/** Whole-file notes first, then by row and column, as the user reads the sheet. */
function sortWarnings(warnings: ImportWarning[]): ImportWarning[] {
  const col = (c: string | null) => (c === null ? '' : c.padStart(3, ' '));
  return warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => (a.w.row ?? 0) - (b.w.row ?? 0) || col(a.w.column).localeCompare(col(b.w.column)) || a.i - b.i)
    .map(({ w }) => w);
}
