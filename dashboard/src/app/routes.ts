import { may, type Action, type Role } from '@liaowang/contract';

// Real paths (`/alerts/<id>`, `/search?q=…`): the API and nginx answer index.html for any page
// path, so a deep link can be bookmarked, shared and reloaded. Add a route here and its page in
// router.tsx.
export const ROUTES = ['live', 'search', 'stories', 'alerts', 'cases', 'rules', 'roster', 'handover', 'audit', 'users', 'notify', 'connectors'] as const;
export type Route = (typeof ROUTES)[number];
// The action each page needs: the navigation shows a role only what it may do (the server decides).
export const ROUTE_ACTIONS: Record<Route, Action> = { live: 'items.live', stories: 'stories.read', search: 'items.search', alerts: 'alerts.read', cases: 'cases.read', rules: 'alerts.read', audit: 'audit.read', users: 'users.manage', notify: 'escalation.manage', connectors: 'connectors.read', roster: 'duty.read', handover: 'duty.read' };
// Pages that open one thing by its id: `/cases/<id>`.
export const ROUTES_WITH_ID: ReadonlySet<Route> = new Set<Route>(['alerts', 'cases', 'stories']);

export function routesFor(role: Role): Route[] {
  return ROUTES.filter((route) => may(role, ROUTE_ACTIONS[route]));
}
export const DEFAULT_ROUTE: Route = 'live';

/** The path of a page, or of one thing on it: `routePath('cases', 'a/b')` is `/cases/a%2Fb`. */
export function routePath(route: Route, id?: string): string {
  return id === undefined ? `/${route}` : `/${route}/${encodeURIComponent(id)}`;
}

/** The page a path belongs to (`/cases/x` → 'cases'), or undefined for a path that is no page. */
export function routeOfPath(pathname: string): Route | undefined {
  const [first, ...rest] = pathname.replace(/^\/+/, '').split('/');
  if (!(ROUTES as readonly string[]).includes(first)) return undefined;
  const route = first as Route;
  const extra = rest.filter(Boolean).length;
  if (extra === 0 || (extra === 1 && ROUTES_WITH_ID.has(route))) return route;
  return undefined;
}

/**
 * Links from before real paths used the hash (`/#/cases/<id>`, and notices sent
 * `/#/alerts?alert=<id>`): the path they mean now, or null when the hash is no such link.
 */
export function legacyHashPath(hash: string): string | null {
  if (!hash.startsWith('#/')) return null;
  const [path, query = ''] = hash.slice(1).split('?', 2);
  const alert = new URLSearchParams(query).get('alert');
  if (alert && path.replace(/\/+$/, '') === '/alerts') return routePath('alerts', alert);
  return query ? `${path}?${query}` : path;
}

/** The router's pattern for a page: `cases/:id?` for the pages that open one thing. */
export function routePattern(route: Route): string {
  return ROUTES_WITH_ID.has(route) ? `${route}/:id?` : route;
}
