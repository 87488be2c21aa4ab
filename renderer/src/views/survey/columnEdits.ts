// The user's edits to a survey's column mapping, and the `mapping` the API expects from them.
import type { ColumnKind, ColumnMappingInput, SurveyColumn } from '../../../../shared/api/surveys.ts';

export interface ColumnEdit {
  kind: ColumnKind;
  /** A dictionary scale id, "custom" for the column's own levels, or "" when none is chosen. */
  scaleId: string;
  reverse: boolean;
  service: string;
}

export function editOf(column: SurveyColumn): ColumnEdit {
  return { kind: column.kind, scaleId: column.scale?.id ?? '', reverse: column.reverse, service: column.service ?? '' };
}

export function editsOf(columns: SurveyColumn[]): ColumnEdit[] {
  return columns.map(editOf);
}

function changed(column: SurveyColumn, edit: ColumnEdit): boolean {
  const before = editOf(column);
  return (
    before.kind !== edit.kind ||
    (edit.kind === 'scale' && (before.scaleId !== edit.scaleId || before.reverse !== edit.reverse)) ||
    before.service.trim() !== edit.service.trim()
  );
}

/** Scale columns without a chosen scale: the import or save cannot go on until they have one. */
export function missingScales(columns: SurveyColumn[], edits: ColumnEdit[]): SurveyColumn[] {
  return columns.filter((_, i) => edits[i]?.kind === 'scale' && !edits[i]?.scaleId);
}

/** Only the columns the user changed, as `ColumnMappingInput`s (options are kept as they are). */
export function mappingChanges(columns: SurveyColumn[], edits: ColumnEdit[]): ColumnMappingInput[] {
  const out: ColumnMappingInput[] = [];
  columns.forEach((column, i) => {
    const edit = edits[i];
    if (!edit || !changed(column, edit)) return;
    const custom = edit.scaleId === 'custom';
    out.push({
      id: column.id,
      kind: edit.kind,
      scaleId: edit.kind === 'scale' && !custom && edit.scaleId ? edit.scaleId : null,
      levels: edit.kind === 'scale' && custom ? (column.scale?.levels ?? null) : null,
      reverse: edit.kind === 'scale' ? edit.reverse : false,
      service: edit.service.trim() || null,
      options: column.options,
    });
  });
  return out;
}
