import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/desktop.ts';
import { aboutText, menuTemplate } from '../../main/electron/menu.ts';
import { isMenuCommand, MENU_COMMANDS } from '../../main/electron/menuCommands.ts';

// Written out here on purpose: the renderer's MenuCommand union, as the UI understands it.
const VALID: Record<MenuCommand, true> = {
  'new-plan': true,
  'import-plan': true,
  'export-plan': true,
  'import-survey': true,
  'show-plans': true,
};

function build(devTools = false) {
  const sent: MenuCommand[] = [];
  let abouts = 0;
  const template = menuTemplate({ send: (c) => sent.push(c), about: () => abouts++, devTools });
  return { template, sent, abouts: () => abouts };
}

const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  it('is in Spanish with the agreed items', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['Archivo', 'Editar', 'Ver', 'Ayuda']);
    const [file, edit, view, help] = template.map(submenu) as [
      MenuItemConstructorOptions[],
      MenuItemConstructorOptions[],
      MenuItemConstructorOptions[],
      MenuItemConstructorOptions[],
    ];
    expect(labels(file)).toEqual(['Nuevo plan', 'Importar plan…', 'Exportar a Excel…', 'Importar encuesta…', 'Salir']);
    expect(labels(edit)).toEqual(['Deshacer', 'Rehacer', 'Cortar', 'Copiar', 'Pegar', 'Seleccionar todo']);
    expect(labels(view)).toEqual(['Lista de planes', 'Recargar', 'Acercar', 'Alejar', 'Tamaño real', 'Pantalla completa']);
    expect(labels(help)).toEqual(['Acerca de Mejora']);
  });

  it('gives every item a label, so Electron never shows its English defaults', () => {
    const walk = (items: MenuItemConstructorOptions[]): void => {
      for (const item of items) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify(item)).toMatch(/\S/);
        if (item.submenu) walk(item.submenu as MenuItemConstructorOptions[]);
      }
    };
    walk(build(true).template);
  });

  it('uses Electron roles for editing, zoom, window and quit', () => {
    const { template } = build();
    const roles = template
      .flatMap(submenu)
      .filter((i) => i.role)
      .map((i) => [i.label, i.role]);
    expect(roles).toEqual([
      ['Salir', 'quit'],
      ['Deshacer', 'undo'],
      ['Rehacer', 'redo'],
      ['Cortar', 'cut'],
      ['Copiar', 'copy'],
      ['Pegar', 'paste'],
      ['Seleccionar todo', 'selectAll'],
      ['Recargar', 'reload'],
      ['Acercar', 'zoomIn'],
      ['Alejar', 'zoomOut'],
      ['Tamaño real', 'resetZoom'],
      ['Pantalla completa', 'togglefullscreen'],
    ]);
  });

  it('forwards the UI items as valid commands, one each', () => {
    const { template, sent, abouts } = build();
    const forwarded = new Map<string, MenuCommand>();
    for (const item of template.flatMap(submenu)) {
      if (!item.click || item.label === 'Acerca de Mejora') continue;
      const before = sent.length;
      click(item);
      expect(sent.length, item.label).toBe(before + 1);
      forwarded.set(item.label!, sent.at(-1)!);
    }
    for (const command of sent) expect(VALID[command], command).toBe(true);
    expect(Object.fromEntries(forwarded)).toEqual({
      'Nuevo plan': 'new-plan',
      'Importar plan…': 'import-plan',
      'Exportar a Excel…': 'export-plan',
      'Importar encuesta…': 'import-survey',
      'Lista de planes': 'show-plans',
    });
    expect(abouts()).toBe(0);
    click(submenu(template[3]!)[0]!);
    expect(abouts()).toBe(1);
  });

  it('shows developer tools only when asked (not in the packaged app)', () => {
    const roles = (t: MenuItemConstructorOptions[]) => t.flatMap(submenu).map((i) => i.role);
    expect(roles(build(false).template)).not.toContain('toggleDevTools');
    expect(roles(build(true).template)).toContain('toggleDevTools');
  });

  it('has no duplicate shortcuts', () => {
    const accelerators = build(true)
      .template.flatMap(submenu)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

describe('menu commands', () => {
  it('lists exactly the renderer commands', () => {
    expect([...MENU_COMMANDS].sort()).toEqual(Object.keys(VALID).sort());
    expect(isMenuCommand('export-plan')).toBe(true);
    expect(isMenuCommand('delete-everything')).toBe(false);
    expect(isMenuCommand({ toString: () => 'new-plan' })).toBe(false);
  });
});

describe('about box', () => {
  it('names the version and where the data lives', () => {
    const { message, detail } = aboutText({
      version: '0.1.0',
      dbPath: 'C:\\Users\\ana\\AppData\\Roaming\\Mejora\\mejora.sqlite',
      electron: '45.3.4',
    });
    expect(message).toBe('Mejora 0.1.0');
    expect(detail).toContain('Datos: C:\\Users\\ana\\AppData\\Roaming\\Mejora\\mejora.sqlite');
    expect(detail).toContain('Electron 45.3.4');
  });
});
