// Every schema change, in order. Never edit a migration that has shipped: add the next one.
import * as m001 from './001_initial.ts';
import * as m002 from './002_surveys.ts';
import * as m003 from './003_seguimiento.ts';
import * as m004 from './004_trust.ts';
import * as m005 from './005_plan_metadata.ts';
import * as m006 from './006_next_year.ts';
import * as m007 from './007_forms.ts';
import * as m008 from './008_survey_waves.ts';
import * as m009 from './009_deleted_actions.ts';
import * as m010 from './010_survey_dates_shared.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: m001.sql },
  { id: 2, name: 'surveys', sql: m002.sql },
  { id: 3, name: 'seguimiento', sql: m003.sql },
  { id: 4, name: 'trust', sql: m004.sql },
  { id: 5, name: 'plan_metadata', sql: m005.sql },
  { id: 6, name: 'next_year', sql: m006.sql },
  { id: 7, name: 'forms', sql: m007.sql },
  { id: 8, name: 'survey_waves', sql: m008.sql },
  { id: 9, name: 'deleted_actions', sql: m009.sql },
  { id: 10, name: 'survey_dates_shared', sql: m010.sql },
];
