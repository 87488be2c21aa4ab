// The Spanish application menu, as data. Items the UI must act on are forwarded with
// `send(command)`; editing, zoom and window items use Electron's built-in roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/desktop.ts';

export interface MenuActions {
  /** Forwards a command to the renderer (MENU_CHANNEL). */
  send(command: MenuCommand): void;
  /** Shows the "Acerca de Mejora" box. */
  about(): void;
  /** Adds the developer tools item (only when not packaged). */
  devTools?: boolean;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const forward = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(command),
  });
  const view: MenuItemConstructorOptions[] = [
    forward('Lista de planes', 'show-plans', 'CmdOrCtrl+L'),
    { type: 'separator' },
    { label: 'Recargar', role: 'reload' },
    { type: 'separator' },
    { label: 'Acercar', role: 'zoomIn' },
    { label: 'Alejar', role: 'zoomOut' },
    { label: 'Tamaño real', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Pantalla completa', role: 'togglefullscreen' },
  ];
  if (actions.devTools) view.push({ type: 'separator' }, { label: 'Herramientas de desarrollo', role: 'toggleDevTools' });
  return [
    {
      label: 'Archivo',
      submenu: [
        forward('Nuevo plan', 'new-plan', 'CmdOrCtrl+N'),
        forward('Importar plan…', 'import-plan', 'CmdOrCtrl+O'),
        forward('Exportar a Excel…', 'export-plan', 'CmdOrCtrl+E'),
        forward('Importar encuesta…', 'import-survey'),
        { type: 'separator' },
        { label: 'Salir', role: 'quit' },
      ],
    },
    {
      label: 'Editar',
      submenu: [
        { label: 'Deshacer', role: 'undo' },
        { label: 'Rehacer', role: 'redo' },
        { type: 'separator' },
        { label: 'Cortar', role: 'cut' },
        { label: 'Copiar', role: 'copy' },
        { label: 'Pegar', role: 'paste' },
        { type: 'separator' },
        { label: 'Seleccionar todo', role: 'selectAll' },
      ],
    },
    { label: 'Ver', submenu: view },
    {
      label: 'Ayuda',
      submenu: [{ label: 'Acerca de Mejora', click: () => actions.about() }],
    },
  ];
}

/** The text of the "Acerca de Mejora" box. */
export function aboutText(info: { version: string; dbPath: string; electron?: string | undefined }): { message: string; detail: string } {
  const lines = ['Plan de Mejora Institucional: planificación, seguimiento y encuestas, sin conexión.', '', `Datos: ${info.dbPath}`];
  if (info.electron) lines.push(`Electron ${info.electron}`);
  return { message: `Mejora ${info.version}`, detail: lines.join('\n') };
}
