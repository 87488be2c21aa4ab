// Pasting rows from Excel into a plan: a preview first (writes nothing), then the same text
// applied in one transaction, appended after the plan's last action.
import type { Database } from 'better-sqlite3';
import type { PastePreview } from '../../shared/api/nextYear.ts';
import { AppError } from '../../shared/errors.ts';
import { ARCHIVED_MESSAGE } from '../db/migrations/006_next_year.ts';
import * as store from '../db/planStore.ts';
import { readPastedRows } from '../planfile/pastedRows.ts';

function reading(db: Database, planId: number, text: string) {
  const plan = store.getPlanSummary(db, planId);
  if (plan.archived) throw new AppError('conflict', ARCHIVED_MESSAGE);
  const extraColumns = store.getPlan(db, planId).extraColumns;
  const read = readPastedRows(text, plan.periodFrom);
  return { plan, extraColumns, read, newExtraColumns: read.extraColumns.filter((c) => !extraColumns.includes(c)) };
}

export function previewPaste(db: Database, planId: number, text: string): PastePreview {
  const { plan, read, newExtraColumns } = reading(db, planId, text);
  const { extraColumns: _, ...preview } = read;
  return { ...preview, firstNo: plan.actionCount + 1, newExtraColumns };
}

export function applyPaste(
  db: Database,
  planId: number,
  text: string,
  expectedActions?: number,
): { added: number; firstNo: number; lastNo: number } {
  return db.transaction(() => {
    const { plan, extraColumns, read, newExtraColumns } = reading(db, planId, text);
    if (expectedActions !== undefined && expectedActions !== read.actions.length) {
      throw new AppError('conflict', 'Lo pegado ya no es lo que mostró la vista previa. Vuelva a pegar las filas; no se ha añadido nada.');
    }
    if (newExtraColumns.length) store.setExtraColumns(db, planId, [...extraColumns, ...newExtraColumns]);
    for (const fields of read.actions) store.insertAction(db, planId, fields);
    return { added: read.actions.length, firstNo: plan.actionCount + 1, lastNo: plan.actionCount + read.actions.length };
  })();
}
