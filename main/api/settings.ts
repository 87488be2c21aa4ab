// Handlers for app-wide settings.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { settingsContract } from '../../shared/api/settings.ts';
import { getUserName, setUserName } from '../db/settingsStore.ts';
import type { ApiContext } from './context.ts';

export function settingsHandlers(ctx: ApiContext): HandlersOf<typeof settingsContract> {
  const { db } = ctx;
  return {
    getSettings: () => ({ usuario: getUserName(db) }),
    setSettings: ({ usuario }) => {
      if (usuario !== undefined) setUserName(db, usuario);
      return { usuario: getUserName(db) };
    },
  };
}
