// API methods for app-wide settings (the user's name: it goes with every change and onto reports).
import { v } from '../validate.ts';
import { method } from './contract.ts';

export interface AppSettings {
  /** The user's name ("" when not set). */
  usuario: string;
}

export const settingsContract = {
  getSettings: method<AppSettings>()(v.object({})),
  setSettings: method<AppSettings>()(v.object({ usuario: v.optional(v.string({ max: 120 })) })),
};
