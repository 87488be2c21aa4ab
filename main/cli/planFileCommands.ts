// export-plan, import-plan (issue 3).
import type { Command } from './command.ts';

export const planFileCommands: Command[] = [];
