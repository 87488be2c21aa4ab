// Reads --db=PATH or --db PATH from the shell's command line (`mejora start` passes --db=PATH).

export function dbFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--db=')) return arg.slice('--db='.length) || undefined;
    if (arg === '--db') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
  }
  return undefined;
}
