// What a CLI command is. Commands call the same API as the UI, through the local client.
import type { Api } from '../../shared/api/index.ts';
import type { ParsedArgs } from './args.ts';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Present only on an interactive terminal: asks a question and returns the typed answer. */
  ask?(question: string): Promise<string>;
}

export interface CommandContext {
  args: ParsedArgs;
  io: CliIO;
  /** Opens the database chosen by --db / MEJORA_DB / the default folder. */
  openApi(): Api;
  dbPath: string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  booleans?: readonly string[];
  /** Long-running commands (serve, start) resolve when they are done serving. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a command that returns nothing exits 0; handlers need not `return`.
  run(ctx: CommandContext): Promise<number | void>;
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
