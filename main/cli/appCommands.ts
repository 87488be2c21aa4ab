// serve (browser mode on purpose) and start (the desktop app, or browser mode when
// the Electron binary cannot be had).
import { spawn } from 'node:child_process';
import { downloadElectron, findElectronBinary } from '../app/electronBinary.ts';
import { projectRoot } from '../app/projectRoot.ts';
import { intFlag } from './args.ts';
import type { Command, CommandContext } from './command.ts';

/** The one line the officer reads: where Mejora is, and how to close it. */
export function browserModeLine(appUrl: string, withoutElectron = false): string {
  const why = withoutElectron ? ' (no se encontró la aplicación de escritorio)' : '';
  return `Mejora está en ${appUrl} — ábralo en su navegador${why}; Ctrl+C cierra Mejora.`;
}

async function serve(ctx: CommandContext, withoutElectron = false): Promise<number> {
  // Loaded here, not at the top: importing node:http costs every other command ~50 ms
  // (its ESM facade loads the whole fetch implementation).
  const { startBrowserMode } = await import('../app/browserMode.ts');
  const port = intFlag(ctx.args.flags, 'port');
  const mode = await startBrowserMode({ dbPath: ctx.dbPath, ...(port ? { port } : {}) });
  ctx.io.out(browserModeLine(mode.server.appUrl, withoutElectron));
  return new Promise<number>((resolve) => {
    const stop = () => {
      void mode.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const appCommands: Command[] = [
  {
    name: 'serve',
    usage: 'mejora serve [--db ARCHIVO] [--port PUERTO]',
    summary: 'Abre Mejora en modo navegador (127.0.0.1).',
    run: (ctx) => serve(ctx),
  },
  {
    name: 'start',
    usage: 'mejora start [--db ARCHIVO]',
    summary: 'Abre la aplicación de escritorio (o el modo navegador si Electron no está disponible).',
    async run(ctx) {
      const root = projectRoot();
      const binary = findElectronBinary(root) ?? (process.env.MEJORA_NO_ELECTRON ? null : downloadElectron(root));
      if (!binary) return serve(ctx, true);
      ctx.io.out('Mejora está abierto en su ventana; al cerrarla, Mejora se cierra.');
      const child = spawn(binary, [root, `--db=${ctx.dbPath}`], { stdio: 'inherit' });
      return new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 0)));
    },
  },
];
