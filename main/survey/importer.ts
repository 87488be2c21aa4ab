// Preview and import of a survey file: parse, recognise an earlier wave of the same form
// (and reuse its saved mapping), apply the user's changes, store in one transaction.
import type { Database } from 'better-sqlite3';
import type { ColumnMappingInput, SurveyImportResult, SurveyPreview } from '../../shared/api/surveys.ts';
import { SURVEY_SOURCE_LABELS } from '../../shared/api/surveys.ts';
import { AppError } from '../../shared/errors.ts';
import type { SavedMapping } from './mapping.ts';
import { applySaved, toSaved } from './mapping.ts';
import type { ParsedSurvey } from './model.ts';
import { parseSurvey } from './parseSurvey.ts';
import { findMatchingForm, fingerprintOf, formWaveCount, insertSurvey, mappingOfForm } from './store.ts';
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
  return u.parsed.columns.map((c, id) => ({ id, header: c.header, key: c.key, config: applySaved(c.config, u.mapping.columns[c.key]), data: c.data }));
}

function dateRange(parsed: ParsedSurvey) {
  const dated = parsed.dates.dict.filter((d) => d).sort();
  return dated.length ? { from: dated[0]!, to: dated[dated.length - 1]! } : null;
}

export async function previewSurvey(db: Database, a: { fileName: string; bytes: Uint8Array; repairMojibake?: boolean }): Promise<SurveyPreview> {
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
    matchedForm: u.form ? { id: u.form.id, name: u.form.name, waves: formWaveCount(db, u.form.id) } : null,
    savedMappingReused: reused,
    dateRange: dateRange(u.parsed),
  };
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
  a: { fileName: string; bytes: Uint8Array; planId?: number | null; repairMojibake?: boolean; mapping?: ColumnMappingInput[]; serviceColumnId?: number | null },
): Promise<SurveyImportResult> {
  // The plan is checked inside insertSurvey's transaction, not here: it may be deleted
  // while the file is being read.
  const u = await understand(db, a.fileName, a.bytes, a.repairMojibake);
  const mapping = mergeMapping(u.mapping, effective(u), a.mapping ?? [], a.serviceColumnId);
  const columns = u.parsed.columns.map((c, id) => ({ id, header: c.header, key: c.key, config: applySaved(c.config, mapping.columns[c.key]) }));
  const formName = u.form?.name ?? (a.fileName.replace(/\.[^.]+$/, '').trim() || 'Encuesta');
  const { surveyId, formId } = insertSurvey(db, {
    parsed: u.parsed,
    fileName: a.fileName,
    formName,
    planId: a.planId ?? null,
    formId: u.form?.id ?? null,
    mapping,
    serviceColumnId: u.parsed.serviceColumnId,
  });
  return {
    surveyId,
    formId,
    source: u.parsed.source,
    respondents: u.parsed.respondents,
    questions: columns.filter((c) => c.config.kind !== 'metadata').map((c) => ({ id: c.id, header: c.header, kind: c.config.kind, service: c.config.service })),
    warnings: u.parsed.warnings,
  };
}
