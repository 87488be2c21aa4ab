// Menu commands from the desktop shell reach views through one relay: App.svelte holds the only
// subscription, moves to the command's screen when it has one, and hands the command to the view
// on screen that registered a handler for it.
import type { MenuCommand } from '../../../shared/desktop.ts';

export type MenuHandlers = Partial<Record<MenuCommand, () => void>>;

export interface MenuRelay {
  /** A view's handlers while it is on screen (call in an $effect); returns the function that removes them. */
  handle(handlers: MenuHandlers): () => void;
  /**
   * Runs the command on the newest view that handles it. After a navigation the view that acts on it may
   * not be mounted yet: then the command waits for the next view to register, and is dropped if that view
   * does not handle it (so it never fires later on an unrelated screen).
   */
  deliver(command: MenuCommand, afterNavigation: boolean): void;
}

export function createMenuRelay(): MenuRelay {
  const views: MenuHandlers[] = [];
  let waiting: MenuCommand | null = null;

  return {
    handle(handlers) {
      views.push(handlers);
      if (waiting) {
        const command = waiting;
        waiting = null;
        // Not inside the caller's $effect: the handler's reads must not become its dependencies.
        queueMicrotask(() => {
          if (views.includes(handlers)) handlers[command]?.();
        });
      }
      return () => {
        const i = views.lastIndexOf(handlers);
        if (i >= 0) views.splice(i, 1);
      };
    },
    deliver(command, afterNavigation) {
      for (let i = views.length - 1; i >= 0; i--) {
        const run = views[i]![command];
        if (run) {
          waiting = null;
          run();
          return;
        }
      }
      waiting = afterNavigation ? command : null;
    },
  };
}

/** The app's one relay. */
export const menu = createMenuRelay();
