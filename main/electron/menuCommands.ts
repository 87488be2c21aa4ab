// The menu commands as run-time data: the preload checks what main forwards against it.
import type { MenuCommand } from '../../shared/desktop.ts';

export const MENU_COMMANDS = [
  'new-plan',
  'import-plan',
  'export-plan',
  'import-survey',
  'show-plans',
] as const satisfies readonly MenuCommand[];

// Fails to compile when shared/desktop.ts gains a command this list lacks.
type Missing = Exclude<MenuCommand, (typeof MENU_COMMANDS)[number]>;
const exhaustive: [Missing] extends [never] ? true : never = true;
void exhaustive;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
