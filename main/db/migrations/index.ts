// Every schema change, in order. Never edit a migration that has shipped: add the next one.
import * as m001 from './001_initial.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: m001.sql },
];
