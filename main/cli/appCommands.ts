// serve (browser mode on purpose) and start (the desktop app, or browser mode when
// the Electron binary cannot be had).
import { spawn } from 'node:child_process';
import { startBrowserMode } from '../app/browserMode.ts';
import { downloadElectron, findElectronBinary } from '../app/electronBinary.ts';
import { projectRoot } from '../app/projectRoot.ts';
import { intFlag } from './args.ts';
import type { Command, CommandContext } from './command.ts';

async function serve(ctx: CommandContext): Promise<number> {
  const port = intFlag(ctx.args.flags, 'port');
  const mode = await startBrowserMode({ dbPath: ctx.dbPath, ...(port ? { port } : {}) });
  ctx.io.out(`Mejora está abierto en modo navegador: ${mode.server.appUrl}`);
  ctx.io.out(`Datos: ${mode.backend.dbPath}`);
  ctx.io.out('Abra esa dirección en su navegador. Para cerrar Mejora, pulse Ctrl+C en esta ventana.');
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
    run: serve,
  },
  {
    name: 'start',
    usage: 'mejora start [--db ARCHIVO]',
    summary: 'Abre la aplicación de escritorio (o el modo navegador si Electron no está disponible).',
    async run(ctx) {
      const root = projectRoot();
      const binary = findElectronBinary(root) ?? (process.env.MEJORA_NO_ELECTRON ? null : downloadElectron(root));
      if (!binary) {
        ctx.io.out('No se pudo obtener Electron (sin conexión a internet para descargarlo): Mejora se abre en modo navegador.');
        return serve(ctx);
      }
      const child = spawn(binary, [root, `--db=${ctx.dbPath}`], { stdio: 'inherit' });
      return new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 0)));
    },
  },
];
