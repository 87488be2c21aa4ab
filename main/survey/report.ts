// Results per question and per service over the selected respondents, with the domain
// formulas (shared/survey/stats.ts). Counting runs over dictionary codes, so a report over
// 60,000 respondents takes milliseconds.
import type { DistributionEntry, QuestionResult, ServiceResult, SurveyFilters, SurveyReport } from '../../shared/api/surveys.ts';
import { foldLabel, isBlank, isNonAnswer } from '../../shared/survey/labels.ts';
import { nps, round, summarizeScale, wilson } from '../../shared/survey/stats.ts';
import { foldText } from '../../shared/text.ts';
import { BLANK, INVALID, NON_ANSWER, answerClass, effectiveLevels, multiParts, scaleCodes } from './mapping.ts';
import { countCodes } from './model.ts';
import { selectRows } from './filters.ts';
import type { SurveyView, ViewColumn } from './surveyView.ts';

const pct = (count: number, n: number) => (n > 0 ? round((count / n) * 100) : null);
const ci = (c: [number, number] | null): [number, number] | null => (c ? [round(c[0])!, round(c[1])!] : null);

function baseResult(col: ViewColumn, respondents: number): QuestionResult {
  return {
    id: col.id,
    header: col.header,
    kind: col.config.kind,
    service: col.config.service,
    group: col.config.group,
    scale: col.config.scale?.name ?? null,
    reverse: col.config.reverse,
    respondents,
    n_valid: 0,
    n_blank: 0,
    n_non_answer: 0,
    n_invalid: 0,
    distribution: [],
    top2box_pct: null,
    ci95: null,
    mean: null,
    index_0_100: null,
    nps: null,
  };
}

/** True for a 0–10 question about recommending (NPS applies). */
export function isRecommendQuestion(col: ViewColumn): boolean {
  const s = col.config.scale;
  return Boolean(s?.values && s.values[0] === 0 && s.values[s.values.length - 1] === 10 && /recomi?end/.test(foldText(col.header)));
}

/** Per-level counts (effective order) plus blank / non-answer / invalid counts. */
export function scaleCounts(col: ViewColumn, rows: Int32Array): { levels: number[]; blank: number; nonAnswer: number; invalid: number } {
  const k = col.config.scale?.levels.length ?? 0;
  const byCode = countCodes(col.data, rows);
  const coded = scaleCodes(col.config, col.data);
  const levels = new Array<number>(k).fill(0);
  let blank = 0;
  let nonAnswer = 0;
  let invalid = 0;
  coded.forEach((c, i) => {
    const n = byCode[i]!;
    if (!n) return;
    if (c === BLANK) blank += n;
    else if (c === NON_ANSWER) nonAnswer += n;
    else if (c === INVALID) invalid += n;
    else levels[c]! += n;
  });
  return { levels, blank, nonAnswer, invalid };
}

function scaleResult(col: ViewColumn, rows: Int32Array): QuestionResult {
  const r = baseResult(col, rows.length);
  const { levels, blank, nonAnswer, invalid } = scaleCounts(col, rows);
  const labels = effectiveLevels(col.config);
  // Levels are in effective order, so a reverse-coded numeric answer counts at its
  // reversed value (10 on a reversed 0–10 question counts as 0): the values as they are.
  const s = summarizeScale(levels, col.config.scale?.values ?? null);
  r.n_valid = s.n;
  r.n_blank = blank;
  r.n_non_answer = nonAnswer;
  r.n_invalid = invalid;
  r.distribution = labels.map((label, i) => ({ label, count: levels[i]!, pct: pct(levels[i]!, s.n) }));
  r.top2box_pct = round(s.top2boxPct);
  r.ci95 = ci(s.ci95);
  r.mean = round(s.mean, 2);
  r.index_0_100 = round(s.index0to100);
  if (isRecommendQuestion(col) && !col.config.reverse) r.nps = round(nps(levels));
  return r;
}

function choiceResult(col: ViewColumn, rows: Int32Array): QuestionResult {
  const r = baseResult(col, rows.length);
  const byCode = countCodes(col.data, rows);
  const cls = answerClass(col.data);
  const multi = col.config.kind === 'multi';
  const parts = multi ? multiParts(col.config, col.data) : null;
  const order: string[] = [];
  const counts = new Map<string, { label: string; count: number }>();
  const add = (label: string, n: number) => {
    const f = foldLabel(label);
    let e = counts.get(f);
    if (!e) {
      e = { label, count: 0 };
      counts.set(f, e);
      order.push(f);
    }
    e.count += n;
  };
  for (const o of col.config.options ?? []) add(o, 0);
  cls.forEach((c, i) => {
    const n = byCode[i]!;
    if (!n) return;
    if (c === BLANK) r.n_blank += n;
    else if (c === NON_ANSWER) r.n_non_answer += n;
    else {
      r.n_valid += n;
      if (parts) for (const p of parts[i]!) add(p, n);
      else add(col.data.dict[i]!.trim(), n);
    }
  });
  r.distribution = order.map((f): DistributionEntry => {
    const e = counts.get(f)!;
    return { label: e.label, count: e.count, pct: pct(e.count, r.n_valid) };
  });
  return r;
}

function numberResult(col: ViewColumn, rows: Int32Array): QuestionResult {
  const r = baseResult(col, rows.length);
  const byCode = countCodes(col.data, rows);
  let sum = 0;
  col.data.dict.forEach((v, i) => {
    const n = byCode[i]!;
    if (!n) return;
    if (isBlank(v)) r.n_blank += n;
    else if (isNonAnswer(v)) r.n_non_answer += n;
    else {
      const x = Number(v.trim().replace(',', '.'));
      if (Number.isFinite(x)) {
        r.n_valid += n;
        sum += x * n;
      } else r.n_invalid += n;
    }
  });
  r.mean = r.n_valid ? round(sum / r.n_valid, 2) : null;
  return r;
}

function textResult(col: ViewColumn, rows: Int32Array): QuestionResult {
  const r = baseResult(col, rows.length);
  const cls = answerClass(col.data);
  const answers: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const code = col.data.codes[rows[i]!]!;
    const c = cls[code]!;
    if (c === BLANK) r.n_blank++;
    else if (c === NON_ANSWER) r.n_non_answer++;
    else {
      r.n_valid++;
      if (answers.length < 200) answers.push(col.data.dict[code]!);
    }
  }
  r.answers = answers;
  return r;
}

export function questionResult(col: ViewColumn, rows: Int32Array): QuestionResult | null {
  switch (col.config.kind) {
    case 'scale':
      return col.config.scale ? scaleResult(col, rows) : null;
    case 'single':
    case 'multi':
      return choiceResult(col, rows);
    case 'number':
      return numberResult(col, rows);
    case 'text':
      return textResult(col, rows);
    default:
      return null;
  }
}

/** A satisfaction question: with a service column, it measures the service each row names. */
export function isSatisfactionQuestion(col: ViewColumn): boolean {
  return col.config.scale?.id === 'satisfaccion5' || /satisf/.test(foldText(col.header));
}

interface ServicePool {
  name: string;
  n: number;
  top2: number;
  /** Sum of each answer's position on 0–1 ((code − 1)/(k − 1)). */
  score: number;
  respondents: Uint8Array;
  questionIds: Set<number>;
}

/**
 * Per service, pooled over its scale questions: the 0–100 index is the mean of each
 * valid answer's (code − 1)/(k − 1) × 100, % satisfied the share in the two best levels;
 * n counts valid answers. Satisfaction questions without a service of their own take
 * each row's service from the service column ("Servicio evaluado").
 */
export function serviceResults(view: SurveyView, rows: Int32Array): ServiceResult[] {
  const pools = new Map<string, ServicePool>();
  const respondents = view.head.summary.respondents;
  const pool = (name: string) => {
    const f = foldLabel(name);
    let p = pools.get(f);
    if (!p) {
      p = { name, n: 0, top2: 0, score: 0, respondents: new Uint8Array(respondents), questionIds: new Set() };
      pools.set(f, p);
    }
    return p;
  };
  const serviceCol = view.serviceColumnId !== null ? view.columns[view.serviceColumnId] : undefined;
  for (const col of view.columns) {
    if (col.config.kind !== 'scale' || !col.config.scale) continue;
    const k = col.config.scale.levels.length;
    if (k < 2) continue;
    const coded = scaleCodes(col.config, col.data);
    const fixed = col.config.service ? pool(col.config.service) : null;
    if (!fixed && !(serviceCol && isSatisfactionQuestion(col))) continue;
    const byServiceCode = serviceCol ? serviceCol.data.dict.map((v) => (v.trim() && !isNonAnswer(v) ? pool(v.trim()) : null)) : [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const c = coded[col.data.codes[r]!]!;
      if (c < 0) continue;
      const p = fixed ?? byServiceCode[serviceCol!.data.codes[r]!];
      if (!p) continue;
      p.n++;
      p.score += c / (k - 1);
      if (c >= k - 2) p.top2++;
      p.respondents[r] = 1;
      p.questionIds.add(col.id);
    }
  }
  return [...pools.values()]
    .filter((p) => p.n > 0)
    .map((p) => ({
      name: p.name,
      index_0_100: round((p.score / p.n) * 100),
      top2box_pct: round((p.top2 / p.n) * 100),
      ci95: ci(wilson(p.top2, p.n)?.map((x) => x * 100) as [number, number] | null),
      n: p.n,
      respondents: p.respondents.reduce((a, b) => a + b, 0),
      questionIds: [...p.questionIds],
    }));
}

export function buildReport(view: SurveyView, filters: SurveyFilters | undefined): SurveyReport {
  const s = view.head.summary;
  const rows = selectRows(view.columns, view.dates, s.respondents, filters);
  const questions: QuestionResult[] = [];
  for (const col of view.columns) {
    if (col.config.kind === 'metadata' || col.config.kind === 'date') continue;
    const q = questionResult(col, rows);
    if (q) questions.push(q);
  }
  return {
    surveyId: s.id,
    formId: s.formId,
    formName: s.formName,
    fileName: s.fileName,
    source: s.source,
    respondents: rows.length,
    respondentsTotal: s.respondents,
    dateRange: s.dateRange,
    filters: filters ?? {},
    questions,
    services: serviceResults(view, rows),
    warnings: view.head.warnings,
  };
}
