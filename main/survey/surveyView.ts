// A stored survey as the statistics see it: its columns with the effective mapping
// (detected, overlaid by the form's saved mapping) and its answers (kept in a small
// cache: answers never change after import, so only the mapping is re-read).
import type { Database } from 'better-sqlite3';
import type { SurveyColumn } from '../../shared/api/surveys.ts';
import type { SavedMapping } from './mapping.ts';
import { applySaved, columnCounts, sampleValues } from './mapping.ts';
import type { ColumnConfig, ColumnData } from './model.ts';
import type { FormRow, SurveyAnswers, SurveyHead } from './store.ts';
import { formOfSurvey, getColumns, getSurveyHead, loadAnswers, mappingOfForm } from './store.ts';

export interface ViewColumn {
  id: number;
  header: string;
  key: string;
  config: ColumnConfig;
  data: ColumnData;
}

export interface SurveyView {
  head: SurveyHead;
  form: FormRow;
  mapping: SavedMapping;
  columns: ViewColumn[];
  dates: ColumnData;
  rowNumbers: Int32Array;
  serviceColumnId: number | null;
}

/** Most waves whose answers the cache keeps at once (a form's whole trend, up to this). */
const MAX_CACHED_SURVEYS = 12;

/** The answers of recently used surveys, least recently used dropped first. */
export class AnswerCache {
  private readonly entries = new Map<number, SurveyAnswers>();
  private max: number;
  constructor(max = 4) {
    this.max = max;
  }

  /** Grows the cache to hold `n` surveys (up to a bound), e.g. every wave of a trend. */
  reserve(n: number): void {
    this.max = Math.max(this.max, Math.min(n, MAX_CACHED_SURVEYS));
  }

  get(db: Database, surveyId: number): SurveyAnswers {
    let a = this.entries.get(surveyId);
    if (a) {
      this.entries.delete(surveyId);
    } else {
      a = loadAnswers(db, surveyId);
      while (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(surveyId, a);
    return a;
  }

  /** Everything loaded is stale (the data file was restored from a copy). */
  clear(): void {
    this.entries.clear();
  }

  forget(surveyId: number): void {
    this.entries.delete(surveyId);
  }
}

export function resolveServiceColumn(mapping: SavedMapping, columns: readonly { key: string }[], detected: number | null): number | null {
  if (mapping.serviceColumnKey === undefined) return detected;
  if (mapping.serviceColumnKey === null) return null;
  const i = columns.findIndex((c) => c.key === mapping.serviceColumnKey);
  return i >= 0 ? i : detected;
}

export function loadSurveyView(db: Database, cache: AnswerCache, surveyId: number): SurveyView {
  const head = getSurveyHead(db, surveyId);
  const form = formOfSurvey(db, surveyId);
  const mapping = mappingOfForm(form);
  const answers = cache.get(db, surveyId);
  const columns = getColumns(db, surveyId).map((c, i) => ({
    id: c.id,
    header: c.header,
    key: c.key,
    config: applySaved(c.detected, mapping.columns[c.key]),
    data: answers.columns[i]!,
  }));
  return {
    head,
    form,
    mapping,
    columns,
    dates: answers.dates,
    rowNumbers: answers.rowNumbers,
    serviceColumnId: resolveServiceColumn(mapping, columns, head.detectedServiceColumn),
  };
}

export function toApiColumn(c: { id: number; header: string; key: string; config: ColumnConfig; data: ColumnData }): SurveyColumn {
  const cfg = c.config;
  return {
    id: c.id,
    header: c.header,
    key: c.key,
    kind: cfg.kind,
    scale: cfg.scale,
    scaleAmbiguous: cfg.scaleAmbiguous,
    reverse: cfg.reverse,
    service: cfg.service,
    group: cfg.group,
    options: cfg.options,
    note: cfg.note,
    partOf: cfg.partOf,
    counts: columnCounts(cfg, c.data),
    samples: sampleValues(c.data),
  };
}
