// Preview and import of a survey file: parse, recognise an earlier wave of the same form
// (and reuse its saved mapping), apply the user's changes, store in one transaction.
import type { Database } from 'better-sqlite3';
import type { ColumnMappingInput, SurveyImportResult, SurveyPreview, SurveySummary } from '../../shared/api/surveys.ts';
import { SURVEY_SOURCE_LABELS } from '../../shared/api/surveys.ts';
import { AppError } from '../../shared/errors.ts';
import type { SavedMapping } from './mapping.ts';
import { applySaved, toSaved } from './mapping.ts';
import type { ParsedSurvey } from './model.ts';
import { parseSurvey } from './parseSurvey.ts';
import { createHash } from 'node:crypto';
import { formatDominicanDateTime } from '../../shared/dates.ts';
import { rowsAlreadyStored, withoutRows } from './cumulative.ts';
import { findImportOfFile, findMatchingForm, fingerprintOf, formWaveCount, insertSurvey, mappingOfForm, planOfForm } from './store.ts';
import type { FormRow } from './store.ts';
import { resolveServiceColumn, toApiColumn } from './surveyView.ts';

interface Understood {
  parsed: ParsedSurvey;
  form: FormRow | null;
  mapping: SavedMapping;
}

async function understand(db: Database, fileName: string, bytes: Uint8Array, repairMojibake: boolean | undefined): Promise<Understood> {
  const parsed = await parseSurvey(bytes, fileName, { repairMojibake: repairMojibake ?? false });
  const form = findMatchingForm(db, fingerprintOf(parsed.columns));
  const mapping: SavedMapping = form ? mappingOfForm(form) : { columns: {} };
  return { parsed, form, mapping };
}

function effective(u: Understood) {
  return u.parsed.columns.map((c, id) => ({
    id,
    header: c.header,
    key: c.key,
    config: applySaved(c.config, u.mapping.columns[c.key]),
    data: c.data,
  }));
}

function dateRange(parsed: ParsedSurvey) {
  const dated = parsed.dates.dict.filter((d) => d).sort();
  return dated.length ? { from: dated[0]!, to: dated[dated.length - 1]! } : null;
}

export async function previewSurvey(
  db: Database,
  a: { fileName: string; bytes: Uint8Array; repairMojibake?: boolean },
): Promise<SurveyPreview> {
  const u = await understand(db, a.fileName, a.bytes, a.repairMojibake);
  const columns = effective(u);
  const reused = Boolean(u.form) && (Object.keys(u.mapping.columns).length > 0 || u.mapping.serviceColumnKey !== undefined);
  return {
    fileName: a.fileName,
    source: u.parsed.source,
    sourceLabel: SURVEY_SOURCE_LABELS[u.parsed.source],
    respondents: u.parsed.respondents,
    columns: columns.map(toApiColumn),
    serviceColumnId: resolveServiceColumn(u.mapping, columns, u.parsed.serviceColumnId),
    warnings: u.parsed.warnings,
    mojibakeDetected: u.parsed.mojibakeDetected,
    mojibakeRepaired: u.parsed.mojibakeRepaired,
    matchedForm: u.form
      ? { id: u.form.id, name: u.form.name, waves: formWaveCount(db, u.form.id), planId: planOfForm(db, u.form.id) }
      : null,
    savedMappingReused: reused,
    dateRange: dateRange(u.parsed),
    duplicateOf: findImportOfFile(db, sha256(a.bytes)),
    alreadyStoredRows: u.form ? rowsAlreadyStored(db, u.form.id, u.parsed).filter(Boolean).length : 0,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Spanish: which earlier import holds this file, e.g. «Mercado» (ola 1, encuesta 3), importada el 02/03/2026 a las 10:15. */
export function describeImport(s: SurveySummary): string {
  return `«${s.formName}» (ola ${s.wave}, encuesta número ${s.id}), importada el ${formatDominicanDateTime(s.importedAt)}`;
}

/** Lays the user's column changes over the mapping (by header key). */
export function mergeMapping(
  mapping: SavedMapping,
  columns: readonly { id: number; header: string; key: string; config: ReturnType<typeof applySaved> }[],
  changes: readonly ColumnMappingInput[],
  serviceColumnId: number | null | undefined,
): SavedMapping {
  const next: SavedMapping = { ...mapping, columns: { ...mapping.columns } };
  for (const ch of changes) {
    const col = columns[ch.id];
    if (!col) throw new AppError('invalid_argument', `La columna ${ch.id} no existe en esta encuesta.`);
    next.columns[col.key] = toSaved(ch, col.config, col.header);
  }
  if (serviceColumnId !== undefined) {
    if (serviceColumnId === null) next.serviceColumnKey = null;
    else {
      const col = columns[serviceColumnId];
      if (!col) throw new AppError('invalid_argument', `La columna ${serviceColumnId} no existe en esta encuesta.`);
      next.serviceColumnKey = col.key;
    }
  }
  return next;
}

export async function importSurvey(
  db: Database,
  a: {
    fileName: string;
    bytes: Uint8Array;
    planId?: number | null;
    repairMojibake?: boolean;
    mapping?: ColumnMappingInput[];
    serviceColumnId?: number | null;
    allowDuplicate?: boolean;
  },
): Promise<SurveyImportResult> {
  // The plan is checked inside insertSurvey's transaction, not here: it may be deleted
  // while the file is being read.
  const fileSha256 = sha256(a.bytes);
  const earlier = a.allowDuplicate ? null : findImportOfFile(db, fileSha256);
  if (earlier) {
    throw new AppError('conflict', `Este archivo ya se importó: ${describeImport(earlier)}. No se ha guardado nada.`, {
      allowDuplicate: 'Para importarlo otra vez, confirme que quiere una ola repetida.',
    });
  }
  const u = await understand(db, a.fileName, a.bytes, a.repairMojibake);
  // A cumulative download (Google Sheets): keep only the rows no earlier wave holds. Insisting
  // on a duplicate imports the file whole, as the user asked.
  let leftOut = 0;
  if (u.form && !a.allowDuplicate) {
    const stored = rowsAlreadyStored(db, u.form.id, u.parsed);
    leftOut = stored.filter(Boolean).length;
    if (leftOut === u.parsed.respondents && leftOut > 0) {
      throw new AppError(
        'conflict',
        `Todas las ${leftOut} respuestas de «${a.fileName}» ya están en olas anteriores de «${u.form.name}»: no hay respuestas nuevas que importar. No se ha guardado nada.`,
        { allowDuplicate: 'Para importarlo entero de todas formas, confirme que quiere una ola repetida.' },
      );
    }
    if (leftOut) u.parsed = withoutRows(u.parsed, stored);
  }
  // A new wave joins its form's plan unless the caller says otherwise (null = no plan).
  const planId = a.planId !== undefined ? a.planId : u.form ? planOfForm(db, u.form.id) : null;
  const mapping = mergeMapping(u.mapping, effective(u), a.mapping ?? [], a.serviceColumnId);
  const columns = u.parsed.columns.map((c, id) => ({
    id,
    header: c.header,
    key: c.key,
    config: applySaved(c.config, mapping.columns[c.key]),
  }));
  const formName = u.form?.name ?? (a.fileName.replace(/\.[^.]+$/, '').trim() || 'Encuesta');
  const { surveyId, formId } = insertSurvey(db, {
    parsed: u.parsed,
    fileName: a.fileName,
    formName,
    planId,
    formId: u.form?.id ?? null,
    mapping,
    serviceColumnId: u.parsed.serviceColumnId,
    fileSha256,
  });
  return {
    surveyId,
    formId,
    source: u.parsed.source,
    respondents: u.parsed.respondents,
    leftOut,
    planId,
    questions: columns
      .filter((c) => c.config.kind !== 'metadata')
      .map((c) => ({ id: c.id, header: c.header, kind: c.config.kind, service: c.config.service })),
    warnings: u.parsed.warnings,
  };
}
