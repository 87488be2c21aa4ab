// Sending forms (issue 11 item 1): the plan's responsables and, for those chosen, one workbook
// each — or one .zip with all of them — named "Avance - <responsable> - <plan> - <fecha>.xlsx".
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import JSZip from 'jszip';
import type { FormResponsible } from '../../shared/api/forms.ts';
import { dominicanToday, fileNameDay } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { formatPeriod } from '../../shared/format.ts';
import { responsableKey } from '../../shared/seguimiento/responsables.ts';
import type { PlanProgress } from '../../shared/seguimiento/types.ts';
import { planProgressAsOf } from '../seguimiento/progressStore.ts';
import { windowsSafeName } from '../report/informe/evidenceZip.ts';
import { actionsForResponsible, loadEvidenceNotes, pendingCount, planResponsibles, rowsOfAction } from './formRows.ts';
import { existingPlanFormToken, planFormToken, recordSentForm } from './formStore.ts';
import { sentRowOf, writeFormWorkbook } from './writeForm.ts';

export function formResponsibles(db: Database, planId: number): { responsibles: FormResponsible[] } {
  const progress = planProgressAsOf(db, planId);
  return {
    responsibles: planResponsibles(progress).map((r) => {
      const carried = actionsForResponsible(progress, r.label)!;
      const pending = pendingCount(r.actions);
      return {
        name: r.label,
        pendingActions: pending,
        tasks: carried.actions.reduce((n, a) => n + Math.max(1, a.tasks.length), 0),
        selected: pending > 0,
      };
    }),
  };
}

/** "Plan de Mejora Institucional 2025-2026" is long in a file name: the institution and period say which plan. */
function planNamePart(p: PlanProgress): string {
  const usual = /^plan de mejora institucional\s+\d{4}(\s*[-–]\s*\d{4})?$/i.test(p.title.trim());
  const period = p.periodFrom === p.periodTo ? String(p.periodFrom) : `${p.periodFrom}-${p.periodTo}`;
  return usual || !p.title.trim() ? `Plan ${period}` : p.title.trim();
}

export function formFileName(responsible: string, p: PlanProgress, day: IsoDay): string {
  const who = responsible.slice(0, 50);
  const plan = planNamePart(p).slice(0, 40);
  return windowsSafeName(`Avance - ${who} - ${plan} - ${fileNameDay(day)}.xlsx`, 120);
}

export interface ExportFormsOptions {
  cutoffId?: number | undefined;
  zip?: boolean | undefined;
  today?: IsoDay | undefined;
  /** Make the files but record nothing (the CLI's --dry-run). */
  dryRun?: boolean | undefined;
}

export async function exportForms(
  db: Database,
  planId: number,
  responsibles: readonly string[],
  opts: ExportFormsOptions = {},
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const today = opts.today ?? dominicanToday();
  const progress =
    opts.cutoffId !== undefined ? planProgressAsOf(db, planId, { cutoffId: opts.cutoffId }) : planProgressAsOf(db, planId, { asOf: today });
  const known = planResponsibles(progress);
  let names = [...responsibles];
  if (names.length === 0) {
    names = formResponsibles(db, planId)
      .responsibles.filter((r) => r.selected)
      .map((r) => r.name);
    if (names.length === 0) {
      throw new AppError(
        'invalid_argument',
        known.length
          ? 'Ningún responsable tiene acciones pendientes. Elija a quién enviar el formulario (--responsible NOMBRE).'
          : 'Las acciones del plan no tienen responsable: escriba el responsable de cada acción y vuelva a intentarlo.',
      );
    }
  }
  const unique = [...new Map(names.map((n) => [responsableKey(n), n])).values()];
  const notes = loadEvidenceNotes(db, planId);
  const token = opts.dryRun ? (existingPlanFormToken(db, planId) ?? 'sin-registrar-prueba') : planFormToken(db, planId);
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  for (const name of unique) {
    const found = actionsForResponsible(progress, name);
    if (!found) {
      const list = known.map((r) => `«${r.label}»`).join(', ');
      throw new AppError(
        'not_found',
        `Ninguna acción del plan tiene como responsable a «${name}». Responsables del plan: ${list || '(ninguno)'}.`,
      );
    }
    const rows = found.actions.flatMap((a) => rowsOfAction(a, notes));
    const formId = randomUUID();
    const bytes = await writeFormWorkbook(
      {
        planId,
        planToken: token,
        institution: progress.institution,
        planTitle: progress.title,
        period: formatPeriod(progress.periodFrom, progress.periodTo),
        responsible: found.label,
        formId,
        sentAt: today,
        cutoff: progress.cutoff ? { id: progress.cutoff.id, label: progress.cutoff.label, date: progress.cutoff.date } : null,
      },
      rows,
    );
    if (!opts.dryRun) {
      recordSentForm(db, { formId, planId, responsible: found.label, sentAt: today, rows: rows.map(sentRowOf) });
    }
    files.push({ fileName: formFileName(found.label, progress, today), bytes });
  }
  if (files.length === 1 && !opts.zip) return files[0]!;
  const zip = new JSZip();
  const used = new Set<string>();
  for (const f of files) {
    let name = f.fileName;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = f.fileName.replace(/\.xlsx$/, ` (${n}).xlsx`);
    used.add(name.toLowerCase());
    zip.file(name, f.bytes, { date: new Date() });
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { fileName: windowsSafeName(`Formularios de avance - ${planNamePart(progress)} - ${fileNameDay(today)}.zip`, 120), bytes };
}
