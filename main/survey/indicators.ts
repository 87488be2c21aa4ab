// Plan indicators measured by surveys: an action's indicator tied to a service or a
// question of a survey form, a metric and a target. The baseline is pinned to the wave
// chosen when the indicator was linked (changed only on purpose, never by an import). Only
// the form's waves attached to the action's plan are the trend; the one with the latest
// responses is the current value.
import type { Database } from 'better-sqlite3';
import type {
  IndicatorMetric,
  IndicatorPoint,
  PlanIndicator,
  QuestionResult,
  ServiceResult,
  SurveySummary,
} from '../../shared/api/surveys.ts';
import { INDICATOR_METRIC_LABELS, PERCENT_INDICATOR_METRICS, SERVICE_INDICATOR_METRICS } from '../../shared/api/surveys.ts';
import { AppError } from '../../shared/errors.ts';
import { foldLabel } from '../../shared/survey/labels.ts';
import { questionResult, serviceResults } from './report.ts';
import { formOfSurvey, getForm, surveysOfForm } from './store.ts';
import type { AnswerCache, SurveyView } from './surveyView.ts';
import { loadSurveyView } from './surveyView.ts';

interface LinkRow {
  action_id: number;
  form_id: number;
  measure_type: 'service' | 'question';
  measure_ref: string;
  metric: IndicatorMetric;
  target_op: '>=' | '<=';
  target_value: number;
  baseline_survey_id: number | null;
}

export interface LinkInput {
  actionId: number;
  surveyFormId?: number;
  surveyId?: number;
  measure: { type: 'service' | 'question'; ref: string };
  metric: IndicatorMetric;
  target: { op: '>=' | '<='; value: number };
  /** The baseline wave; default: surveyId, else the form's first wave attached to the plan. */
  baselineSurveyId?: number;
}

/**
 * The measures of one request, memoised: a form's waves, each wave's view, its service
 * results and its question results are computed once however many indicators use them.
 */
class RequestMeasures {
  private readonly db: Database;
  private readonly cache: AnswerCache;
  private readonly waves = new Map<number, SurveySummary[]>();
  private readonly views = new Map<number, SurveyView>();
  private readonly services = new Map<number, ServiceResult[]>();
  private readonly questions = new Map<string, QuestionResult | null>();

  constructor(db: Database, cache: AnswerCache) {
    this.db = db;
    this.cache = cache;
  }

  wavesOf(formId: number): SurveySummary[] {
    let w = this.waves.get(formId);
    if (!w) {
      w = surveysOfForm(this.db, formId);
      this.waves.set(formId, w);
      // Keep every wave of the form in the answer cache: a least-recently-used cache
      // smaller than the trend would miss on every wave, request after request.
      this.cache.reserve(w.length);
    }
    return w;
  }

  private view(surveyId: number): SurveyView {
    let v = this.views.get(surveyId);
    if (!v) {
      v = loadSurveyView(this.db, this.cache, surveyId);
      this.views.set(surveyId, v);
    }
    return v;
  }

  private all(view: SurveyView): Int32Array {
    return Int32Array.from({ length: view.head.summary.respondents }, (_, i) => i);
  }

  /** The metric's value in one wave, with its n; null value when the wave does not measure it. */
  measure(
    surveyId: number,
    type: 'service' | 'question',
    ref: string,
    metric: IndicatorMetric,
  ): { value: number | null; n: number; label: string | null } {
    const view = this.view(surveyId);
    if (type === 'question') {
      const col = view.columns.find((c) => c.key === ref);
      if (col?.config.kind !== 'scale') return { value: null, n: 0, label: col?.header ?? null };
      const memoKey = `${surveyId}\u0000${ref}`;
      let q = this.questions.get(memoKey);
      if (q === undefined) {
        q = questionResult(col, this.all(view));
        this.questions.set(memoKey, q);
      }
      if (!q) return { value: null, n: 0, label: col.header };
      const value =
        metric === 'top2box_pct' ? q.top2box_pct : metric === 'index_0_100' ? q.index_0_100 : metric === 'mean' ? q.mean : q.nps;
      return { value, n: q.n_valid, label: col.header };
    }
    let results = this.services.get(surveyId);
    if (!results) {
      results = serviceResults(view, this.all(view));
      this.services.set(surveyId, results);
    }
    const s = results.find((x) => foldLabel(x.name) === foldLabel(ref));
    if (!s) return { value: null, n: 0, label: null };
    const value = metric === 'top2box_pct' ? s.top2box_pct : metric === 'index_0_100' ? s.index_0_100 : null;
    return { value, n: s.n, label: s.name };
  }
}

function indicatorOf(db: Database, measures: RequestMeasures, link: LinkRow): PlanIndicator {
  const action = db.prepare('SELECT position, action, plan_id FROM action WHERE id = ?').get(link.action_id) as {
    position: number;
    action: string;
    plan_id: number;
  };
  const form = getForm(db, link.form_id);
  let measureLabel = link.measure_ref;
  const point = (s: SurveySummary): IndicatorPoint => {
    const m = measures.measure(s.id, link.measure_type, link.measure_ref, link.metric);
    if (m.label) measureLabel = m.label;
    return { surveyId: s.id, wave: s.wave, dateRange: s.dateRange, importedAt: s.importedAt, value: m.value, n: m.n };
  };
  const waves = measures.wavesOf(link.form_id);
  const linked = waves.filter((s) => s.planId === action.plan_id);
  const trend = linked.map(point);
  // The current value: the linked wave with the latest responses (not the latest imported).
  const latest = [...linked]
    .sort((a, b) => (a.dateRange?.to ?? a.importedAt).localeCompare(b.dateRange?.to ?? b.importedAt) || a.id - b.id)
    .pop();
  const current = latest ? trend[linked.indexOf(latest)]! : null;
  const pinned = waves.find((s) => s.id === link.baseline_survey_id);
  const baseline = pinned ? (trend[linked.indexOf(pinned)] ?? point(pinned)) : null;
  const target = { op: link.target_op, value: link.target_value };
  const unit = link.metric === 'top2box_pct' ? ' %' : '';
  const met = current?.value == null ? null : target.op === '>=' ? current.value >= target.value : current.value <= target.value;
  return {
    actionId: link.action_id,
    actionNo: action.position + 1,
    actionText: action.action,
    formId: form.id,
    formName: form.name,
    measure: { type: link.measure_type, ref: link.measure_ref, label: measureLabel },
    metric: link.metric,
    target,
    label: `${INDICATOR_METRIC_LABELS[link.metric]} — ${measureLabel} ${target.op === '>=' ? '≥' : '≤'} ${target.value.toLocaleString('es-DO')}${unit}`,
    baseline,
    current,
    met,
    trend,
  };
}

export function linkIndicator(db: Database, cache: AnswerCache, a: LinkInput): PlanIndicator {
  if (!db.prepare('SELECT 1 FROM action WHERE id = ?').get(a.actionId))
    throw new AppError('not_found', 'Esa acción ya no existe en el plan.');
  let formId = a.surveyFormId;
  if (formId === undefined && a.surveyId !== undefined) {
    formId = formOfSurvey(db, a.surveyId).id;
  }
  if (formId === undefined) throw new AppError('invalid_argument', 'Indique la encuesta (o su formulario) que mide este indicador.');
  getForm(db, formId);
  if (a.measure.type === 'service' && !(SERVICE_INDICATOR_METRICS as readonly string[]).includes(a.metric)) {
    throw new AppError(
      'invalid_argument',
      'Para un servicio se puede medir el % de satisfechos o el índice 0–100, no el promedio ni el NPS.',
    );
  }
  const action = db.prepare('SELECT plan_id FROM action WHERE id = ?').get(a.actionId) as { plan_id: number };
  const baselineId = a.baselineSurveyId ?? a.surveyId ?? defaultBaseline(db, formId, action.plan_id);
  if (
    baselineId !== null &&
    !db.prepare('SELECT 1 FROM survey WHERE id = ? AND form_id = ? AND deleted_at IS NULL').get(baselineId, formId)
  ) {
    throw new AppError(
      'invalid_argument',
      `La encuesta número ${baselineId} no es una ola de esa encuesta: elija como línea base una de sus olas.`,
    );
  }
  const measures = new RequestMeasures(db, cache);
  const fid = formId;
  const measured = measures.wavesOf(fid).some((s) => measures.measure(s.id, a.measure.type, a.measure.ref, a.metric).label !== null);
  if (!measured) {
    throw new AppError(
      'invalid_argument',
      a.measure.type === 'service'
        ? `La encuesta no tiene respuestas sobre el servicio «${a.measure.ref}».`
        : 'Esa pregunta no está en la encuesta o no es una pregunta de escala.',
    );
  }
  if ((PERCENT_INDICATOR_METRICS as readonly string[]).includes(a.metric)) {
    if (a.target.value < 0 || a.target.value > 100) throw new AppError('invalid_argument', 'La meta debe estar entre 0 y 100.');
  }
  db.prepare(
    `INSERT INTO survey_indicator (action_id, form_id, measure_type, measure_ref, metric, target_op, target_value, created_at, baseline_survey_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(action_id) DO UPDATE SET form_id = excluded.form_id, measure_type = excluded.measure_type,
       measure_ref = excluded.measure_ref, metric = excluded.metric, target_op = excluded.target_op, target_value = excluded.target_value,
       baseline_survey_id = excluded.baseline_survey_id`,
  ).run(a.actionId, formId, a.measure.type, a.measure.ref, a.metric, a.target.op, a.target.value, new Date().toISOString(), baselineId);
  return indicatorOf(db, measures, db.prepare('SELECT * FROM survey_indicator WHERE action_id = ?').get(a.actionId) as LinkRow);
}

/** The form's first wave attached to the plan (else its first wave): the baseline when none is chosen. */
function defaultBaseline(db: Database, formId: number, planId: number): number | null {
  const waves = surveysOfForm(db, formId);
  return (waves.find((s) => s.planId === planId) ?? waves[0])?.id ?? null;
}

export function unlinkIndicator(db: Database, actionId: number): boolean {
  return db.prepare('DELETE FROM survey_indicator WHERE action_id = ?').run(actionId).changes > 0;
}

export function planIndicators(db: Database, cache: AnswerCache, planId: number): PlanIndicator[] {
  if (!db.prepare('SELECT 1 FROM plan WHERE id = ? AND deleted_at IS NULL').get(planId))
    throw new AppError('not_found', `No existe el plan número ${planId}.`);
  const links = db
    .prepare(`SELECT i.* FROM survey_indicator i JOIN action a ON a.id = i.action_id WHERE a.plan_id = ? ORDER BY a.position`)
    .all(planId) as LinkRow[];
  const measures = new RequestMeasures(db, cache);
  return links.map((l) => indicatorOf(db, measures, l));
}
