// The `mejora` command line: one behaviour with the UI, through the same API.
import readline from 'node:readline/promises';
import { AppError, INTERNAL_ERROR_MESSAGE } from '../../shared/errors.ts';
import type { Api } from '../../shared/api/index.ts';
import { openBackend } from '../app/backend.ts';
import type { Backend } from '../app/backend.ts';
import { prepareDefaultDataFile } from '../app/dataLocation.ts';
import { isDefaultLocation, resolveDbPath } from '../paths.ts';
import { appCommands } from './appCommands.ts';
import { backupCommands } from './backupCommands.ts';
import { trashCommands } from './trashCommands.ts';
import { parseArgs, stringFlag, UsageError } from './args.ts';
import type { CliIO, Command } from './command.ts';
import { formCommands } from './formCommands.ts';
import { historyCommands } from './historyCommands.ts';
import { nextYearCommands } from './nextYearCommands.ts';
import { planCommands } from './planCommands.ts';
import { planFileCommands } from './planFileCommands.ts';
import { seguimientoCommands } from './seguimientoCommands.ts';
import { reportCommands } from './reportCommands.ts';
import { surveyCommands } from './surveyCommands.ts';
import { indicatorCommands } from './indicatorCommands.ts';

export const COMMANDS: Command[] = [
  ...planCommands,
  ...nextYearCommands,
  ...planFileCommands,
  ...seguimientoCommands,
  ...formCommands,
  ...historyCommands,
  ...surveyCommands,
  ...indicatorCommands,
  ...reportCommands,
  ...backupCommands,
  ...trashCommands,
  ...appCommands,
];

function usage(): string {
  return [
    'Mejora — Plan de Mejora Institucional',
    '',
    'Uso:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Opciones comunes:',
    '  --db ARCHIVO   el archivo de datos (también MEJORA_DB); por defecto, la carpeta de datos del usuario',
    '  --json         salida legible por programas',
    '  --as-of FECHA  la fecha del avance y del semáforo (dd/mm/aaaa o AAAA-MM-DD); por defecto, hoy',
  ].join('\n');
}

// `mejora show-plan 1 | head`: the reader went away; that is not an error worth a trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function askOnTerminal(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

const stdio: CliIO = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
};

/** The options a command takes: those its usage line names, plus --db and --help. */
function knownFlags(command: Command): Set<string> {
  const names = new Set(['db', 'help', ...(command.booleans ?? [])]);
  for (const m of command.usage.matchAll(/--([a-z][a-z0-9-]*)/g)) names.add(m[1]!);
  return names;
}

/**
 * A mistyped option (--as-off for --as-of) is refused, not ignored: ignored, the command would
 * do something else than asked (show today instead of the day asked) and say it succeeded.
 */
function refuseUnknownFlags(command: Command, argv: readonly string[]): void {
  const known = knownFlags(command);
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0]!;
    if (!known.has(name)) {
      throw new UsageError(
        `«mejora ${command.name}» no tiene la opción --${name}. Sus opciones: ${[...known].map((f) => `--${f}`).join(', ')}. Vea «mejora ${command.name} --help».`,
      );
    }
  }
}

export async function main(argv: string[], io: CliIO = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Mejora no conoce el comando «${name}». Escriba «mejora --help» para ver los comandos.`);
    return 2;
  }
  let backend: Backend | undefined;
  try {
    refuseUnknownFlags(command, rest);
    const args = parseArgs(rest, ['help', ...(command.booleans ?? [])]);
    if (args.flags.help) {
      io.out(`${command.usage}\n  ${command.summary}`);
      return 0;
    }
    const flag = stringFlag(args.flags, 'db');
    // `--db=` (an unset variable in a script) must not fall back to the real data file.
    if (flag !== undefined && !flag.trim())
      throw new UsageError('--db está vacío: escriba la ruta del archivo de datos (o quite --db para usar el de siempre).');
    const dbPath = isDefaultLocation({ flag }) ? prepareDefaultDataFile() : resolveDbPath({ flag });
    const openApi = (): Api => (backend ??= openBackend(dbPath, undefined, { door: 'cli' })).api;
    const code = await command.run({ args, io, openApi, dbPath });
    return code ?? 0;
  } catch (err) {
    if (err instanceof AppError) {
      io.err(
        err.fields
          ? `${err.message}\n${Object.values(err.fields)
              .map((m) => `  - ${m}`)
              .join('\n')}`
          : err.message,
      );
      return err instanceof UsageError ? 2 : 1;
    }
    io.err(INTERNAL_ERROR_MESSAGE);
    if (process.env.MEJORA_DEBUG) io.err(String((err as Error)?.stack ?? err));
    return 1;
  } finally {
    backend?.close();
  }
}
