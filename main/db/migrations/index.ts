// Every schema change, in order. Never edit a migration that has shipped: add the next one.
import * as m001 from './001_initial.ts';
import * as m002 from './002_surveys.ts';
import * as m003 from './003_seguimiento.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: m001.sql },
  { id: 2, name: 'surveys', sql: m002.sql },
  { id: 3, name: 'seguimiento', sql: m003.sql },
];
