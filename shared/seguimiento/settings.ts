// Plan settings by name (`mejora plan-settings PLAN --set CLAVE=VALOR`) and their checks.
// The keys are Spanish: the user types them.
import { formatDay, parseDay } from '../dates.ts';
import type { PlanSettings, Signer } from './types.ts';

export interface SettingKey {
  key: string;
  label: string;
  get(s: PlanSettings): string;
  /** Returns the new settings, or a Spanish message saying what to write. */
  set(s: PlanSettings, value: string): PlanSettings | string;
}

function threshold(
  label: string,
  pick: (s: PlanSettings) => number,
  put: (s: PlanSettings, n: number) => void,
  max: number,
): Omit<SettingKey, 'key'> {
  return {
    label,
    get: (s) => String(pick(s)),
    set: (s, value) => {
      const v = value.trim();
      if (!/^\d+$/.test(v) || Number(v) > max) return `${label}: escriba un número entero de 0 a ${max} (se recibió «${value}»).`;
      const next = structuredClone(s);
      put(next, Number(v));
      return next;
    },
  };
}

function day(label: string, which: 'planDue' | 'informeDue'): Omit<SettingKey, 'key'> {
  return {
    label,
    get: (s) => formatDay(s.sismap[which]),
    set: (s, value) => {
      const next = structuredClone(s);
      if (!value.trim()) {
        next.sismap[which] = null;
        return next;
      }
      const parsed = parseDay(value);
      if (!parsed) return `${label}: escriba la fecha como dd/mm/aaaa (se recibió «${value}»).`;
      next.sismap[which] = parsed;
      return next;
    },
  };
}

function signer(who: 'elaborado' | 'revisado' | 'aprobado', field: keyof Signer, label: string): Omit<SettingKey, 'key'> {
  return {
    label,
    get: (s) => s.signers[who][field],
    set: (s, value) => {
      if (value.length > 200) return `${label}: escriba hasta 200 caracteres.`;
      const next = structuredClone(s);
      next.signers[who][field] = value.trim();
      return next;
    },
  };
}

export const PLAN_SETTING_KEYS: readonly SettingKey[] = [
  {
    key: 'semaforo.amarillo',
    ...threshold(
      'Amarillo: puntos por detrás de lo esperado',
      (s) => s.semaforo.amberBehind,
      (s, n) => (s.semaforo.amberBehind = n),
      100,
    ),
  },
  {
    key: 'semaforo.rojo',
    ...threshold(
      'Rojo: puntos por detrás de lo esperado',
      (s) => s.semaforo.redBehind,
      (s, n) => (s.semaforo.redBehind = n),
      100,
    ),
  },
  {
    key: 'semaforo.dias_fin',
    ...threshold(
      'Amarillo: días o menos para el fin',
      (s) => s.semaforo.amberDaysBeforeEnd,
      (s, n) => (s.semaforo.amberDaysBeforeEnd = n),
      366,
    ),
  },
  {
    key: 'inicio.dias_vence',
    ...threshold(
      'Inicio: días para «vence pronto»',
      (s) => s.dueSoonDays,
      (s, n) => (s.dueSoonDays = n),
      366,
    ),
  },
  { key: 'sismap.plan', ...day('SISMAP: vence el plan', 'planDue') },
  { key: 'sismap.informe', ...day('SISMAP: vence el informe de avance', 'informeDue') },
  { key: 'elaborado.nombre', ...signer('elaborado', 'name', 'Elaborado por: nombre') },
  { key: 'elaborado.cargo', ...signer('elaborado', 'post', 'Elaborado por: cargo') },
  { key: 'revisado.nombre', ...signer('revisado', 'name', 'Revisado por: nombre') },
  { key: 'revisado.cargo', ...signer('revisado', 'post', 'Revisado por: cargo') },
  { key: 'aprobado.nombre', ...signer('aprobado', 'name', 'Aprobado por: nombre') },
  { key: 'aprobado.cargo', ...signer('aprobado', 'post', 'Aprobado por: cargo') },
];

export function findSettingKey(key: string): SettingKey | undefined {
  return PLAN_SETTING_KEYS.find((k) => k.key === key.trim().toLowerCase());
}

/** Field → Spanish message; empty when the settings are coherent. */
export function validatePlanSettings(s: PlanSettings): Record<string, string> {
  const errors: Record<string, string> = {};
  if (s.semaforo.redBehind < s.semaforo.amberBehind) {
    errors['semaforo.rojo'] = 'El umbral del rojo no puede ser menor que el del amarillo.';
  }
  return errors;
}
