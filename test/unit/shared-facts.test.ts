// Facts that live once in shared/ and must agree wherever else they are spelled out: the
// contract, the rules and the shipped migration SQL (which may never be edited).
import { describe, expect, it } from 'vitest';
import { INDICATOR_METRICS } from '../../shared/api/surveys.ts';
import { contract } from '../../shared/api/index.ts';
import { MAX_YEAR, MIN_YEAR, validatePlanFields } from '../../shared/rules.ts';
import { sql as surveysMigration } from '../../main/db/migrations/002_surveys.ts';

/** The quoted values of `CHECK (column IN (...))` in a CREATE TABLE text. */
function checkList(sql: string, column: string): string[] {
  const m = new RegExp(`\\b${column}\\b[^,]*?CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)`).exec(sql);
  if (!m) throw new Error(`no CHECK list for ${column}`);
  return [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
}

describe('one list of indicator metrics', () => {
  it('is the list the survey_indicator CHECK of migration 002 allows', () => {
    expect([...INDICATOR_METRICS].sort()).toEqual(checkList(surveysMigration, 'metric').sort());
  });

  it('is what the contract accepts, and nothing else', () => {
    const link = (metric: string) =>
      contract.linkIndicator.args.parse({
        actionId: 1,
        surveyId: 1,
        measure: { type: 'question', ref: 'p1' },
        metric,
        target: { op: '>=', value: 80 },
      });
    for (const metric of INDICATOR_METRICS) expect(() => link(metric)).not.toThrow();
    expect(() => link('median')).toThrow('«metric»');
  });

  it('reads a CHECK list the way SQLite spells it', () => {
    // The parser above must be able to fail: a different list is read as different.
    expect(checkList("kind TEXT CHECK (kind IN ('a', 'b'))", 'kind')).toEqual(['a', 'b']);
    expect(() => checkList('kind TEXT NOT NULL', 'kind')).toThrow();
  });
});

describe('one year range for plans', () => {
  const plan = (year: number) => ({
    institution: 'Ayuntamiento',
    title: 'Plan',
    periodFrom: year,
    periodTo: year,
    cafVersion: '2020' as const,
  });

  it('the contract and the rules accept and refuse the same years', () => {
    for (const year of [MIN_YEAR - 1, MIN_YEAR, 2026, MAX_YEAR, MAX_YEAR + 1, 1900, 2200]) {
      const ruleOk = Object.keys(validatePlanFields(plan(year))).length === 0;
      let contractOk = true;
      try {
        contract.createPlan.args.parse(plan(year));
        contract.importPlan.args.parse({ fileName: 'plan.xlsx', bytes: new Uint8Array(1), mode: 'new', periodFrom: year, periodTo: year });
        contract.previewNextPlan.args.parse({ planId: 1, periodFrom: year, periodTo: year });
        contract.createNextPlan.args.parse({ planId: 1, periodFrom: year, periodTo: year });
        contract.copyPlan.args.parse({ planId: 1, periodFrom: year, periodTo: year });
      } catch {
        contractOk = false;
      }
      expect({ year, contractOk }).toEqual({ year, contractOk: ruleOk });
    }
  });

  it('is the range the rules name to the user', () => {
    expect(validatePlanFields(plan(MAX_YEAR + 1)).periodFrom).toBe(`Escriba un año entre ${MIN_YEAR} y ${MAX_YEAR}.`);
    expect(MIN_YEAR).toBe(2000);
    expect(MAX_YEAR).toBe(2100);
  });
});
