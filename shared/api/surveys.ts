// API methods for citizen survey spreadsheets: import (with a preview), the column
// mapping saved per survey form, results per question and per service, cross-tabs,
// the xlsx export of results, and plan indicators tied to survey measures.
//
// Vocabulary
// - A *survey form* (formulario) is one questionnaire; it is recognised again by its
//   question headers when a new wave of it is imported. The column mapping (kind,
//   scale, reverse coding, service) is saved per form and reused by every wave.
// - A *survey* (surveyId) is one imported file: one wave of a form.
// - A *column id* is the column's 0-based position in that survey's column list
//   (synthetic columns built from option columns come after the file's own columns).
//   Questions in reports use the same ids.
// - Dates in filters are `YYYY-MM-DD` (dd/mm/aaaa is accepted too); dates in results are
//   `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, always Dominican local time (UTC−4).
// - Percentages and indexes are 0–100, rounded to 1 decimal; means to 2 decimals.
import type { ScaleDef } from '../survey/scales.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';

export type { ScaleDef } from '../survey/scales.ts';

/** Largest survey file accepted by the API (CSV); .xlsx files are also held to the xlsx cap (40 MB). */
export const MAX_SURVEY_FILE_BYTES = 60 * 1024 * 1024;

export type SurveySource =
  | 'google_forms'
  | 'google_forms_csv'
  | 'kobotoolbox'
  | 'microsoft_forms'
  | 'surveymonkey'
  | 'limesurvey'
  | 'manual';

export const SURVEY_SOURCE_LABELS: Record<SurveySource, string> = {
  google_forms: 'Google Forms (hoja de cálculo)',
  google_forms_csv: 'Google Forms («Descargar respuestas (.csv)»)',
  kobotoolbox: 'KoboToolbox',
  microsoft_forms: 'Microsoft Forms',
  surveymonkey: 'SurveyMonkey',
  limesurvey: 'LimeSurvey',
  manual: 'Digitada a mano',
};

export const COLUMN_KINDS = ['scale', 'single', 'multi', 'number', 'text', 'date', 'metadata'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  scale: 'Escala',
  single: 'Selección única',
  multi: 'Selección múltiple',
  number: 'Número',
  text: 'Texto libre',
  date: 'Fecha',
  metadata: 'Metadatos (no es pregunta)',
};

export interface ColumnCounts {
  /** Rows with a non-blank value that is not a non-answer. */
  answered: number;
  blank: number;
  /** "No aplica", "NS/NR", "No utilizo este servicio"… */
  nonAnswer: number;
  /** Answered, but the value is not one of the scale's levels (left out of the valid base). */
  invalid: number;
}

/** How one column is understood: proposed at import, overridden by the form's saved mapping. */
export interface ColumnConfig {
  kind: ColumnKind;
  /** For kind "scale": the ordered levels (worst → best). */
  scale: ScaleDef | null;
  /** Several dictionary scales fit the values seen: the user should confirm. */
  scaleAmbiguous: boolean;
  /** Negatively worded item: levels are read best → worst for the statistics. */
  reverse: boolean;
  /** The municipal service this question measures (grid row, "servicio: X"), or null. */
  service: string | null;
  /** Grid stem for `Pregunta [Fila]` columns ("Pregunta"), else null. */
  group: string | null;
  /** Known options of a single/multiple choice question (multi cells are split against them). */
  options: string[] | null;
  /** Why a column is metadata or how it was built, in Spanish (e.g. "marca temporal"), or null. */
  note: string | null;
  /** Option columns (Kobo `pregunta/opción`, SurveyMonkey, X marks) → id of the question they make up. */
  partOf: number | null;
}

/** One column of a survey as Mejora understands it (proposed at import, editable). */
export interface SurveyColumn extends ColumnConfig {
  /** 0-based id within the survey. */
  id: number;
  /** The header as written in the file (spaces tidied). For grid columns: "Pregunta [Fila]". */
  header: string;
  /** Folded header: what the saved mapping and question indicators are keyed by. */
  key: string;
  counts: ColumnCounts;
  /** Up to 6 distinct values seen (untrusted text: show as plain text only). */
  samples: string[];
}

export interface DateRange {
  from: string;
  to: string;
}

/** What `previewSurveyImport` answers; nothing has been written. */
export interface SurveyPreview {
  fileName: string;
  source: SurveySource;
  sourceLabel: string;
  /** Rows counted as respondents (title, header, blank, TOTAL/Promedio and Kobo "Not Approved" rows excluded). */
  respondents: number;
  columns: SurveyColumn[];
  /**
   * A choice column whose value names the service each row evaluates ("Servicio evaluado"), or
   * null. Satisfaction questions without a service of their own (satisfaction scale, or
   * "satisf" in the header) then count for the service named on each row.
   */
  serviceColumnId: number | null;
  /** Spanish notes for the user (ignored sheets, excluded rows, ambiguous scales…). */
  warnings: string[];
  /** Text like "SatisfacciÃ³n" was found; import again with repairMojibake: true to fix it. */
  mojibakeDetected: boolean;
  mojibakeRepaired: boolean;
  /**
   * An already imported form with the same questions (this file is a new wave of it), or null.
   * planId: the plan a new wave joins by default (its form's latest wave's plan).
   */
  matchedForm: { id: number; name: string; waves: number; planId: number | null } | null;
  /** The matched form's saved mapping was applied to the columns above. */
  savedMappingReused: boolean;
  /** First and last response date (Dominican time), or null when the file has no dates. */
  dateRange: DateRange | null;
  /** The earlier import of this very file, if any: importing it again needs allowDuplicate. */
  duplicateOf: SurveySummary | null;
  /** Rows an earlier wave of the matched form already holds: the import leaves them out. */
  alreadyStoredRows: number;
}

export interface ImportedQuestion {
  id: number;
  header: string;
  kind: ColumnKind;
  service: string | null;
}

/** What `importSurvey` answers (also the CLI's `import-survey --json`). */
export interface SurveyImportResult {
  surveyId: number;
  formId: number;
  source: SurveySource;
  /** Respondents stored in this wave (rows an earlier wave already held are left out). */
  respondents: number;
  /** Rows of the file left out because an earlier wave of the form holds them (cumulative downloads). */
  leftOut: number;
  /** The plan the wave joined (a new wave joins its form's plan unless planId was given). */
  planId: number | null;
  /** Every column that is a question (metadata and option columns left out). */
  questions: ImportedQuestion[];
  warnings: string[];
}

export interface SurveySummary {
  id: number;
  formId: number;
  formName: string;
  /** 1-based wave number within its form, by first response date. */
  wave: number;
  planId: number | null;
  fileName: string;
  source: SurveySource;
  respondents: number;
  dateRange: DateRange | null;
  importedAt: string;
}

export interface SurveyDetail extends SurveySummary {
  columns: SurveyColumn[];
  serviceColumnId: number | null;
  warnings: string[];
}

export interface SurveyFormSummary {
  id: number;
  name: string;
  source: SurveySource;
  waves: number;
  /** Services measured by the form's questions (for linking indicators). */
  services: string[];
  /** Questions that can be measured (scale questions), by key. */
  questions: { key: string; header: string; service: string | null }[];
}

export interface DistributionEntry {
  label: string;
  count: number;
  /** % of the valid base (multi: % of respondents who answered the question). */
  pct: number | null;
}

/** One question's results. Field names are the documented JSON of `survey-report --json`. */
export interface QuestionResult {
  id: number;
  header: string;
  kind: ColumnKind;
  service: string | null;
  group: string | null;
  /** Scale name, or null. */
  scale: string | null;
  reverse: boolean;
  /** Respondents in the (filtered) base. */
  respondents: number;
  n_valid: number;
  n_blank: number;
  n_non_answer: number;
  /** Values that are not levels of the scale. */
  n_invalid: number;
  /** Every level (zero counts included) in order worst → best; options for choice questions. */
  distribution: DistributionEntry[];
  top2box_pct: number | null;
  ci95: [number, number] | null;
  mean: number | null;
  index_0_100: number | null;
  /** Only for a 0–10 recommend question. */
  nps: number | null;
  /** Free-text answers (up to 200; untrusted: plain text only). */
  answers?: string[];
}

/** A service pooled over its scale questions: n counts valid answers (respondent × question). */
export interface ServiceResult {
  name: string;
  index_0_100: number | null;
  top2box_pct: number | null;
  ci95: [number, number] | null;
  n: number;
  /** Respondents with at least one valid answer about the service. */
  respondents: number;
  questionIds: number[];
}

export interface SurveyReport {
  surveyId: number;
  formId: number;
  formName: string;
  fileName: string;
  source: SurveySource;
  /** Respondents after filters. */
  respondents: number;
  respondentsTotal: number;
  dateRange: DateRange | null;
  filters: SurveyFilters;
  questions: QuestionResult[];
  services: ServiceResult[];
  warnings: string[];
}

export interface SurveyCrosstab {
  row: { id: number; header: string };
  col: { id: number; header: string };
  rowLabels: string[];
  colLabels: string[];
  /** counts[r][c]: respondents with row label r and column label c (a multi answer counts in each chosen option). */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  /** Respondents with a valid answer to both questions. */
  n: number;
  /** counts as % of each row's total (0–100, 1 decimal); null for an empty row. */
  rowPct: (number | null)[][];
}

export interface IndicatorPoint {
  surveyId: number;
  wave: number;
  dateRange: DateRange | null;
  importedAt: string;
  value: number | null;
  n: number;
}

/** What an indicator measures; the contract's validator and the survey_indicator CHECK (migration 002) use this list. */
export const INDICATOR_METRICS = ['top2box_pct', 'index_0_100', 'mean', 'nps'] as const;
export type IndicatorMetric = (typeof INDICATOR_METRICS)[number];
/** What an indicator on a service (all its scale questions together) can measure: no mean, no NPS. */
export const SERVICE_INDICATOR_METRICS = ['top2box_pct', 'index_0_100'] as const satisfies readonly IndicatorMetric[];
/** Metrics given as a percentage (0–100): their targets must lie in that range. */
export const PERCENT_INDICATOR_METRICS = ['top2box_pct', 'index_0_100'] as const satisfies readonly IndicatorMetric[];
export const INDICATOR_METRIC_LABELS: Record<IndicatorMetric, string> = {
  top2box_pct: '% satisfechos',
  index_0_100: 'Índice 0–100',
  mean: 'Promedio',
  nps: 'NPS',
};

export interface PlanIndicator {
  actionId: number;
  actionNo: number;
  actionText: string;
  formId: number;
  formName: string;
  measure: { type: 'service' | 'question'; ref: string; label: string };
  metric: IndicatorMetric;
  target: { op: '>=' | '<='; value: number };
  /** Spanish, e.g. "% satisfechos — Mercado municipal ≥ 80". */
  label: string;
  /** The wave pinned as baseline when the indicator was linked (imports never move it). */
  baseline: IndicatorPoint | null;
  /** The wave attached to the plan with the latest responses. */
  current: IndicatorPoint | null;
  /** Current value meets the target; null when there is no value yet. */
  met: boolean | null;
  /** The form's waves attached to the action's plan, oldest first. */
  trend: IndicatorPoint[];
}

const id = () => v.int({ min: 1 });
const fileName = () => v.string({ max: 500 });
const bytes = () => v.bytes(MAX_SURVEY_FILE_BYTES);
const dateText = () => v.regex(/^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/, 'una fecha AAAA-MM-DD o dd/mm/aaaa');

export const columnMappingValidator = v.object({
  id: v.int({ min: 0, max: 100_000 }),
  kind: v.literal(...COLUMN_KINDS),
  /** A dictionary scale id (see `listSurveyScales`). */
  scaleId: v.optional(v.nullable(v.string({ max: 40 }))),
  /** Custom levels, worst → best (overrides scaleId). */
  levels: v.optional(v.nullable(v.array(v.string({ max: 200 }), { max: 30 }))),
  reverse: v.boolean(),
  service: v.nullable(v.string({ max: 200 })),
  options: v.optional(v.nullable(v.array(v.string({ max: 500 }), { max: 200 }))),
});
export type ColumnMappingInput = ReturnType<typeof columnMappingValidator.parse>;

const filtersValidator = v.object({
  from: v.optional(dateText()),
  to: v.optional(dateText()),
  /** Keep respondents whose answer to the question is one of the values (any of them, for multi). */
  choices: v.optional(
    v.array(v.object({ questionId: v.int({ min: 0 }), values: v.array(v.string({ max: 500 }), { max: 200 }) }), { max: 20 }),
  ),
});
export type SurveyFilters = ReturnType<typeof filtersValidator.parse>;

export const surveysContract = {
  /** Reads a survey file and proposes how to understand it. Writes nothing. */
  previewSurveyImport: method<SurveyPreview>()(v.object({ fileName: fileName(), bytes: bytes(), repairMojibake: v.optional(v.boolean()) })),
  /**
   * Imports a survey file in one transaction (nothing is stored if anything fails).
   * `mapping` overrides columns of the proposal (same shape as updateSurveyMapping) and is
   * saved on the form; `serviceColumnId` (null = none) overrides the proposed service column.
   */
  importSurvey: method<SurveyImportResult>()(
    v.object({
      fileName: fileName(),
      bytes: bytes(),
      planId: v.optional(v.nullable(id())),
      repairMojibake: v.optional(v.boolean()),
      mapping: v.optional(v.array(columnMappingValidator, { max: 2000 })),
      serviceColumnId: v.optional(v.nullable(v.int({ min: 0 }))),
      /** Import even when the same file was imported before (it is refused otherwise, code 'conflict'). */
      allowDuplicate: v.optional(v.boolean()),
    }),
  ),
  /** Imported surveys (waves), newest first; only those attached to a plan when planId is given. */
  listSurveys: method<SurveySummary[]>()(v.object({ planId: v.optional(id()) })),
  /** Survey forms with their waves, services and measurable questions (for indicator links). */
  listSurveyForms: method<SurveyFormSummary[]>()(v.object({})),
  /** One survey with its columns as currently mapped. */
  getSurvey: method<SurveyDetail>()(v.object({ surveyId: id() })),
  /** Moves one wave to the Papelera for 30 days (then it is deleted; a form left without waves goes with its indicator links). */
  deleteSurvey: method<{ deleted: true }>()(v.object({ surveyId: id() })),
  /**
   * Renames the survey's form (every wave of it carries the form's name). Surveys start named
   * after their file; the office names them as it speaks of them ("Satisfacción mercado 2026").
   */
  renameSurveyForm: method<SurveySummary>()(v.object({ surveyId: id(), name: v.string({ min: 1, max: 200 }) })),
  /** Attaches a survey to a plan (or detaches it with null). */
  setSurveyPlan: method<SurveySummary>()(v.object({ surveyId: id(), planId: v.nullable(id()) })),
  /**
   * Changes columns' kind, scale, reverse coding, service and options. Saved on the survey's
   * form: every wave of the form (and the next one imported) uses it. Columns not listed keep
   * their current mapping. `serviceColumnId` (null = none) sets the service column.
   */
  updateSurveyMapping: method<SurveyDetail>()(
    v.object({
      surveyId: id(),
      columns: v.array(columnMappingValidator, { max: 2000 }),
      serviceColumnId: v.optional(v.nullable(v.int({ min: 0 }))),
    }),
  ),
  /** The scale dictionary (ids for `scaleId`). */
  listSurveyScales: method<ScaleDef[]>()(v.object({})),
  /** Results per question and per service, over the respondents that pass the filters. */
  surveyReport: method<SurveyReport>()(v.object({ surveyId: id(), filters: v.optional(filtersValidator) })),
  /** Counts of one choice/scale question against another, with n in each cell. */
  surveyCrosstab: method<SurveyCrosstab>()(
    v.object({ surveyId: id(), rowQuestionId: v.int({ min: 0 }), colQuestionId: v.int({ min: 0 }), filters: v.optional(filtersValidator) }),
  ),
  /**
   * The report as an .xlsx (values only, never formulas), printable (landscape, one page wide).
   * `crosstabs`: pairs of questions to add as cross-tab sheets (counts and row %).
   */
  exportSurveyReport: method<{ fileName: string; bytes: Uint8Array }>()(
    v.object({
      surveyId: id(),
      filters: v.optional(filtersValidator),
      crosstabs: v.optional(v.array(v.object({ rowQuestionId: v.int({ min: 0 }), colQuestionId: v.int({ min: 0 }) }), { max: 20 })),
    }),
  ),
  /**
   * The report as a PDF for the council: per service and per question the diverging bars,
   * n and the filters on every page, the figures explained once, small bases flagged, and the
   * trend by service over the waves of the same form.
   */
  exportSurveyReportPdf: method<{ fileName: string; bytes: Uint8Array }>()(
    v.object({ surveyId: id(), filters: v.optional(filtersValidator) }),
  ),
  /**
   * Ties an action's indicator to a survey measure (replaces an earlier link of that action).
   * Give surveyFormId, or surveyId (its form is used). measure.ref: a service name, or a
   * question's `key` (SurveyColumn.key).
   */
  linkIndicator: method<PlanIndicator>()(
    v.object({
      actionId: id(),
      surveyFormId: v.optional(id()),
      surveyId: v.optional(id()),
      measure: v.object({ type: v.literal('service', 'question'), ref: v.string({ min: 1, max: 1000 }) }),
      metric: v.literal(...INDICATOR_METRICS),
      target: v.object({ op: v.literal('>=', '<='), value: v.number() }),
      /** The baseline wave (a wave of the form); default: surveyId, else the form's first wave attached to the plan. */
      baselineSurveyId: v.optional(id()),
    }),
  ),
  unlinkIndicator: method<{ deleted: boolean }>()(v.object({ actionId: id() })),
  /** Every linked indicator of a plan's actions: baseline (pinned wave), current (latest responses among the plan's waves), target met, trend. */
  planIndicators: method<PlanIndicator[]>()(v.object({ planId: id() })),
};
