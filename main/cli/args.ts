// A small argument parser: positionals, `--name value`, `--name=value` and boolean flags.
import { parseDay } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * A command line written wrongly: an argument missing, malformed or not one of the allowed
 * words. The CLI exits 2 for these (1 is for errors met while doing the work), per its
 * conventions; the message says what to write.
 */
export class UsageError extends AppError {
  constructor(message: string) {
    super('invalid_argument', message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each flag (true for boolean flags). */
  flags: Record<string, string | true>;
  /** Every value given for each valued flag, in order (for flags that may repeat, like --filter). */
  repeated: Record<string, string[]>;
}

export function parseArgs(argv: string[], booleanFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  const repeated: Record<string, string[]> = {};
  const set = (name: string, value: string) => {
    flags[name] = value;
    (repeated[name] ??= []).push(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (eq !== -1) {
      // `--yes=no` must not confirm: a yes/no option takes no value at all.
      if (booleanFlags.includes(name)) throw new UsageError(`--${name} no lleva valor: escriba solo --${name} (o no lo escriba).`);
      set(name, arg.slice(eq + 1));
    } else if (booleanFlags.includes(name)) {
      flags[name] = true;
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`Falta el valor de --${name}.`);
      }
      set(name, value);
      i++;
    }
  }
  return { positionals, flags, repeated };
}

export function stringFlag(flags: ParsedArgs['flags'], name: string): string | undefined {
  const value = flags[name];
  if (value === true) throw new UsageError(`Falta el valor de --${name}.`);
  return value;
}

export function intFlag(flags: ParsedArgs['flags'], name: string): number | undefined {
  const value = stringFlag(flags, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} debe ser un número entero (se recibió «${value}»).`);
  return Number(value);
}

export function requireInt(value: string | undefined, what: string): number {
  if (value === undefined) throw new UsageError(`Falta ${what}.`);
  if (!/^\d+$/.test(value)) throw new UsageError(`${capitalized(what)} debe ser un número entero (se recibió «${value}»).`);
  return Number(value);
}

/** A date flag: dd/mm/aaaa or AAAA-MM-DD (day first, always). */
export function dayFlag(flags: ParsedArgs['flags'], name: string): IsoDay | undefined {
  const value = stringFlag(flags, name);
  if (value === undefined) return undefined;
  const day = parseDay(value);
  if (!day) throw new UsageError(`--${name}: escriba la fecha como dd/mm/aaaa o AAAA-MM-DD (se recibió «${value}»).`);
  return day;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
