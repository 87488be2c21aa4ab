// The current view, kept in the address fragment (#/plan/3) so a reload returns to it.
export type Route =
  | { name: 'plans' }
  | { name: 'plan'; planId: number }
  | { name: 'surveys' }
  | { name: 'survey'; surveyId: number }
  | { name: 'backups' };

function parse(hash: string): Route {
  let m = /^#\/plan\/(\d+)/.exec(hash);
  if (m) return { name: 'plan', planId: Number(m[1]) };
  m = /^#\/encuesta\/(\d+)/.exec(hash);
  if (m) return { name: 'survey', surveyId: Number(m[1]) };
  if (hash.startsWith('#/encuestas')) return { name: 'surveys' };
  if (hash.startsWith('#/copias')) return { name: 'backups' };
  return { name: 'plans' };
}

function toHash(route: Route): string {
  switch (route.name) {
    case 'plan':
      return `#/plan/${route.planId}`;
    case 'surveys':
      return '#/encuestas';
    case 'survey':
      return `#/encuesta/${route.surveyId}`;
    case 'backups':
      return '#/copias';
    default:
      return '#/';
  }
}

export const router = $state<{ route: Route }>({ route: parse(location.hash) });

// An open editor with pending changes may refuse to be left (it says why to the user).
let leaveGuard: (() => boolean) | null = null;

/** Registers the guard; returns the function that removes it. */
export function guardLeaving(guard: () => boolean): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Shows `route`; false when an open editor refused to be left. */
export function navigate(route: Route): boolean {
  if (leaveGuard && !leaveGuard()) return false;
  router.route = route;
  const hash = toHash(route);
  if (location.hash !== hash) history.pushState(null, '', hash);
  return true;
}

window.addEventListener('popstate', () => {
  if (leaveGuard && !leaveGuard()) {
    // Back/forward while an edit is pending: stay where we are.
    history.pushState(null, '', toHash(router.route));
    return;
  }
  router.route = parse(location.hash);
});
