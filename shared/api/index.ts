// The one API contract: every method the renderer, the CLI and the transports know.
import type { ClientOf, HandlersOf } from './contract.ts';
import { nextYearContract } from './nextYear.ts';
import { planFilesContract } from './planFiles.ts';
import { plansContract } from './plans.ts';
import { surveysContract } from './surveys.ts';

export const contract = {
  ...plansContract,
  ...planFilesContract,
  ...surveysContract,
  ...nextYearContract,
};

export type ApiContract = typeof contract;
export type MethodName = keyof ApiContract & string;
export type Api = ClientOf<ApiContract>;
export type ApiHandlers = HandlersOf<ApiContract>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
