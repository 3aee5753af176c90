import { may, type Action, type Role } from '@liaowang/contract';
import { useEffect, useState } from 'react';

// Hash routing: the API serves dist/ as static files, so deep links must not need
// server-side rewrites. Add a route here and a page in app-shell.tsx.
export const ROUTES = ['live', 'search', 'stories', 'alerts', 'cases', 'rules', 'roster', 'handover', 'audit', 'users', 'notify', 'connectors'] as const;
export type Route = (typeof ROUTES)[number];
// The action each page needs: the navigation shows a role only what it may do (the server decides).
export const ROUTE_ACTIONS: Record<Route, Action> = { live: 'items.live', stories: 'stories.read', search: 'items.search', alerts: 'alerts.read', cases: 'cases.read', rules: 'alerts.read', audit: 'audit.read', users: 'users.manage', notify: 'escalation.manage', connectors: 'connectors.read', roster: 'duty.read', handover: 'duty.read' };

export function routesFor(role: Role): Route[] {
  return ROUTES.filter((route) => may(role, ROUTE_ACTIONS[route]));
}
export const DEFAULT_ROUTE: Route = 'live';

// `#/cases/abc` is route 'cases' with param 'abc'; the param is everything after the first slash.
function split(hash: string): [string, string | undefined] {
  const path = hash.replace(/^#\/?/, '');
  const slash = path.indexOf('/');
  if (slash < 0) return [path, undefined];
  const param = decodeURIComponent(path.slice(slash + 1));
  return [path.slice(0, slash), param || undefined];
}

function parse(hash: string): Route {
  const [name] = split(hash);
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
}

export function routeHref(route: Route, param?: string): string {
  return param === undefined ? `#/${route}` : `#/${route}/${encodeURIComponent(param)}`;
}

/** The id a route carries (`#/cases/<id>`), or undefined. */
export function useRouteParam(): string | undefined {
  const [param, setParam] = useState(() => split(window.location.hash)[1]);
  useEffect(() => {
    const onChange = () => setParam(split(window.location.hash)[1]);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return param;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
