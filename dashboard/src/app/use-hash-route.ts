import { may, type Action, type Role } from '@liaowang/contract';
import { useEffect, useState } from 'react';

// Hash routing: the API serves dist/ as static files, so deep links must not need
// server-side rewrites. Add a route here and a page in app-shell.tsx.
export const ROUTES = ['live', 'alerts', 'rules', 'roster', 'handover', 'audit', 'users'] as const;
export type Route = (typeof ROUTES)[number];
// The action each page needs: the navigation shows a role only what it may do (the server decides).
export const ROUTE_ACTIONS: Record<Route, Action> = { live: 'items.live', alerts: 'alerts.read', rules: 'alerts.read', audit: 'audit.read', users: 'users.manage', roster: 'duty.read', handover: 'duty.read' };

export function routesFor(role: Role): Route[] {
  return ROUTES.filter((route) => may(role, ROUTE_ACTIONS[route]));
}
export const DEFAULT_ROUTE: Route = 'live';

function parse(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
}

export function routeHref(route: Route): string {
  return `#/${route}`;
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
