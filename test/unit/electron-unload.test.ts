// Closing the window with an edit pending: the desktop shell asks, and only "Salir sin
// guardar" lets the page go.
import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { confirmUnload, UNSAVED_CHANGES_DIALOG } from '../../main/electron/window.ts';

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
  const contents = { on: (name: string, fn: (event: { preventDefault(): void }) => void) => handlers.set(name, fn) };
  const unload = () => {
    let allowed = false;
    handlers.get('will-prevent-unload')!({ preventDefault: () => (allowed = true) });
    return allowed;
  };
  return { contents: contents as unknown as WebContents, unload };
}

describe('unsaved changes when the window closes', () => {
  it('asks in Spanish, and keeps the page unless the user chooses to leave', () => {
    expect(UNSAVED_CHANGES_DIALOG.buttons).toEqual(['Salir sin guardar', 'Seguir editando']);
    expect(UNSAVED_CHANGES_DIALOG.buttons[UNSAVED_CHANGES_DIALOG.cancelId]).toBe('Seguir editando');
    const stay = fakeContents();
    confirmUnload(stay.contents, () => UNSAVED_CHANGES_DIALOG.cancelId);
    expect(stay.unload()).toBe(false);
    const leave = fakeContents();
    confirmUnload(leave.contents, () => UNSAVED_CHANGES_DIALOG.buttons.indexOf('Salir sin guardar'));
    expect(leave.unload()).toBe(true);
  });
});
