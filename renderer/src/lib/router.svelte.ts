// The current view, kept in the address fragment (#/plan/3) so a reload returns to it.
export type PlanTab = 'acciones' | 'cortes' | 'ajustes' | 'historial';
export type Route =
  | { name: 'home' }
  | { name: 'plans' }
  | { name: 'plan'; planId: number; tab?: PlanTab; actionNo?: number }
  | { name: 'cutoff'; planId: number; cutoffId: number }
  | { name: 'pending'; planId: number; responsable: string }
  | { name: 'surveys' }
  | { name: 'survey'; surveyId: number }
  | { name: 'backups' };

function parse(hash: string): Route {
  let m = /^#\/plan\/(\d+)\/corte\/(\d+)/.exec(hash);
  if (m) return { name: 'cutoff', planId: Number(m[1]), cutoffId: Number(m[2]) };
  m = /^#\/plan\/(\d+)\/pendientes\/([^?]*)/.exec(hash);
  if (m) return { name: 'pending', planId: Number(m[1]), responsable: safeDecode(m[2]!) };
  m = /^#\/plan\/(\d+)(?:\/(cortes|ajustes|historial))?/.exec(hash);
  if (m) return { name: 'plan', planId: Number(m[1]), ...(m[2] ? { tab: m[2] as PlanTab } : {}) };
  m = /^#\/encuesta\/(\d+)/.exec(hash);
  if (m) return { name: 'survey', surveyId: Number(m[1]) };
  if (hash.startsWith('#/encuestas')) return { name: 'surveys' };
  if (hash.startsWith('#/copias')) return { name: 'backups' };
  if (hash.startsWith('#/planes')) return { name: 'plans' };
  return { name: 'home' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

function toHash(route: Route): string {
  switch (route.name) {
    case 'plan':
      return `#/plan/${route.planId}${route.tab && route.tab !== 'acciones' ? `/${route.tab}` : ''}`;
    case 'cutoff':
      return `#/plan/${route.planId}/corte/${route.cutoffId}`;
    case 'pending':
      return `#/plan/${route.planId}/pendientes/${encodeURIComponent(route.responsable)}`;
    case 'plans':
      return '#/planes';
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

/** Goes to `route` in place of the current entry (a redirect: Back does not return to it). */
export function replaceRoute(route: Route): void {
  router.route = route;
  history.replaceState(null, '', toHash(route));
}
