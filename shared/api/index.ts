// The one API contract: every method the renderer, the CLI and the transports know.
import { backupsContract, LOCAL_ONLY_METHODS } from './backups.ts';
import type { ClientOf, HandlersOf } from './contract.ts';
import { formsContract } from './forms.ts';
import { historyContract } from './history.ts';
import { nextYearContract } from './nextYear.ts';
import { planFilesContract } from './planFiles.ts';
import { plansContract } from './plans.ts';
import { reportsContract } from './reports.ts';
import { seguimientoContract } from './seguimiento.ts';
import { surveysContract } from './surveys.ts';
import { settingsContract } from './settings.ts';
import { trashContract } from './trash.ts';

export const contract = {
  ...plansContract,
  ...planFilesContract,
  ...surveysContract,
  ...reportsContract,
  ...backupsContract,
  ...seguimientoContract,
  ...trashContract,
  ...settingsContract,
  ...nextYearContract,
  ...historyContract,
  ...formsContract,
};

export type ApiContract = typeof contract;
export type MethodName = keyof ApiContract & string;
export type Api = ClientOf<ApiContract>;
export type ApiHandlers = HandlersOf<ApiContract>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Every method: what the CLI's in-process client carries. */
export const ALL_METHOD_NAMES = Object.keys(contract) as MethodName[];

/** Methods a web page or the renderer may call (IPC, HTTP): all but the local-only ones. */
export const METHOD_NAMES = ALL_METHOD_NAMES.filter((m) => !LOCAL_ONLY_METHODS.includes(m));

export function isRemoteMethod(name: string): boolean {
  return isMethodName(name) && !LOCAL_ONLY_METHODS.includes(name);
}
