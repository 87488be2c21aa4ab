// Handlers for the survey part of the contract (issue 4). The work lives in main/survey/.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { SurveyDetail, SurveyFilters, SurveyFormSummary, surveysContract } from '../../shared/api/surveys.ts';
import { listScales } from '../../shared/survey/scales.ts';
import type { Database } from 'better-sqlite3';
import { buildCrosstab } from '../survey/crosstab.ts';
import { exportReportXlsx } from '../survey/exportXlsx.ts';
import { importSurvey, mergeMapping, previewSurvey } from '../survey/importer.ts';
import { linkIndicator, planIndicators, unlinkIndicator } from '../survey/indicators.ts';
import { buildReport } from '../survey/report.ts';
import * as store from '../survey/store.ts';
import { getPlanSummary } from '../db/planStore.ts';
import { madeByNow } from '../files/madeBy.ts';
import { AnswerCache, loadSurveyView, toApiColumn } from '../survey/surveyView.ts';
import type { ApiContext } from './context.ts';

const hasFilters = (f: SurveyFilters | undefined) => Boolean(f && (f.from || f.to || f.choices?.some((c) => c.values.length)));

function detail(db: Database, cache: AnswerCache, surveyId: number): SurveyDetail {
  const view = loadSurveyView(db, cache, surveyId);
  return {
    ...view.head.summary,
    columns: view.columns.map(toApiColumn),
    serviceColumnId: view.serviceColumnId,
    warnings: view.head.warnings,
  };
}

function formSummaries(db: Database, cache: AnswerCache): SurveyFormSummary[] {
  return store.listForms(db).map((f) => {
    const waves = store.surveysOfForm(db, f.id);
    const latest = waves[waves.length - 1];
    const services = new Set<string>();
    const questions: SurveyFormSummary['questions'] = [];
    if (latest) {
      const view = loadSurveyView(db, cache, latest.id);
      for (const c of view.columns) {
        if (c.config.kind !== 'scale') continue;
        if (c.config.service) services.add(c.config.service);
        questions.push({ key: c.key, header: c.header, service: c.config.service });
      }
      const sc = view.serviceColumnId !== null ? view.columns[view.serviceColumnId] : undefined;
      if (sc) for (const v of sc.config.options ?? []) services.add(v);
    }
    return { id: f.id, name: f.name, source: f.source, waves: waves.length, services: [...services], questions };
  });
}

export function surveyHandlers(ctx: ApiContext): HandlersOf<typeof surveysContract> {
  const { db } = ctx;
  const cache = new AnswerCache();
  ctx.backups.onReplaced(() => cache.clear());
  return {
    previewSurveyImport: (a) => previewSurvey(db, a),
    importSurvey: async (a) => {
      await ctx.backups.before('antes de importar');
      return importSurvey(db, a);
    },
    listSurveys: ({ planId }) => store.listSurveys(db, planId),
    listSurveyForms: () => formSummaries(db, cache),
    getSurvey: ({ surveyId }) => detail(db, cache, surveyId),
    deleteSurvey: async ({ surveyId }) => {
      await ctx.backups.before('antes de borrar una encuesta');
      store.deleteSurvey(db, surveyId);
      cache.forget(surveyId);
      return { deleted: true };
    },
    renameSurveyForm: ({ surveyId, name }) => {
      store.renameSurveyForm(db, surveyId, name);
      cache.forget(surveyId);
      return store.getSurveyHead(db, surveyId).summary;
    },
    setSurveyPlan: ({ surveyId, planId }) => {
      store.setSurveyPlan(db, surveyId, planId);
      return store.getSurveyHead(db, surveyId).summary;
    },
    updateSurveyMapping: ({ surveyId, columns, serviceColumnId }) => {
      const view = loadSurveyView(db, cache, surveyId);
      const next = mergeMapping(view.mapping, view.columns, columns, serviceColumnId);
      store.saveFormMapping(db, view.form.id, next);
      return detail(db, cache, surveyId);
    },
    listSurveyScales: () => listScales(),
    surveyReport: ({ surveyId, filters }) => buildReport(loadSurveyView(db, cache, surveyId), filters),
    surveyCrosstab: ({ surveyId, rowQuestionId, colQuestionId, filters }) =>
      buildCrosstab(loadSurveyView(db, cache, surveyId), rowQuestionId, colQuestionId, filters),
    exportSurveyReport: ({ surveyId, filters, crosstabs }) => {
      const view = loadSurveyView(db, cache, surveyId);
      const tables = (crosstabs ?? []).map((c) => buildCrosstab(view, c.rowQuestionId, c.colQuestionId, filters));
      return exportReportXlsx(buildReport(view, filters), tables, madeByNow(db));
    },
    exportSurveyReportPdf: async ({ surveyId, filters }) => {
      const report = buildReport(loadSurveyView(db, cache, surveyId), filters);
      const head = store.getSurveyHead(db, surveyId).summary;
      // Trend: every wave of the form, whole (filters name questions of this wave only).
      const waves = store
        .surveysOfForm(db, head.formId)
        .sort((a, b) => a.wave - b.wave)
        .map((w) => ({
          surveyId: w.id,
          wave: w.wave,
          dateRange: w.dateRange,
          respondents: w.respondents,
          services: (w.id === surveyId && !hasFilters(filters) ? report : buildReport(loadSurveyView(db, cache, w.id), undefined)).services,
        }));
      const institution = head.planId !== null ? getPlanSummary(db, head.planId).institution : null;
      const { surveyPdfFileName, writeSurveyPdf } = await import('../report/surveyPdf.ts');
      return {
        fileName: surveyPdfFileName(report.formName),
        bytes: await writeSurveyPdf({ report, institution, wave: head.wave, waves, madeBy: madeByNow(db) }),
      };
    },
    linkIndicator: (a) => linkIndicator(db, cache, a),
    unlinkIndicator: ({ actionId }) => ({ deleted: unlinkIndicator(db, actionId) }),
    planIndicators: ({ planId }) => planIndicators(db, cache, planId),
  };
}
