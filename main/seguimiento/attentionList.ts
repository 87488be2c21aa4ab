// Inicio: what needs attention as of a day, across one plan or every plan.
import type { Database } from 'better-sqlite3';
import type { IsoDay } from '../../shared/dates.ts';
import { attentionReasons } from '../../shared/seguimiento/attention.ts';
import type { Attention, AttentionItem, PlanDates } from '../../shared/seguimiento/types.ts';
import { ATTENTION_REASONS } from '../../shared/seguimiento/types.ts';
import { getPlanSummary, listPlans } from '../db/planStore.ts';
import { nextCutoff } from './cutoffStore.ts';
import { planProgressAsOf } from './progressStore.ts';

export function attentionList(db: Database, asOf: IsoDay, planId?: number): Attention {
  const plans = planId !== undefined ? [getPlanSummary(db, planId)] : listPlans(db);
  const items: AttentionItem[] = [];
  const dates: PlanDates[] = [];
  for (const p of plans) {
    const progress = planProgressAsOf(db, p.id, { asOf, evidence: 'counts' });
    for (const a of progress.actions) {
      for (const f of attentionReasons(a, a.progress, asOf, progress.settings.dueSoonDays)) {
        items.push({
          planId: p.id,
          actionId: a.id,
          no: a.no,
          action: a.action,
          responsible: a.responsible,
          reason: f.reason,
          semaforo: a.progress.semaforo,
          day: f.day,
        });
      }
    }
    dates.push({
      planId: p.id,
      title: p.title,
      institution: p.institution,
      nextCutoff: nextCutoff(db, p.id, asOf),
      sismap: progress.settings.sismap,
      counts: progress.counts,
    });
  }
  const order = (r: AttentionItem['reason']) => ATTENTION_REASONS.indexOf(r);
  items.sort((a, b) => order(a.reason) - order(b.reason) || a.planId - b.planId || a.no - b.no);
  return { asOf, items, plans: dates };
}
