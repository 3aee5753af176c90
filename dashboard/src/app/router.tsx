import { may } from '@liaowang/contract';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../features/auth/login.page';
import { PUBLIC_REPORT_PATH, PublicReportPage } from '../features/public-report/public-report.page';
import { AuthProvider, useAuth, useSignedIn } from './auth-context';
import { NotFoundPage } from './not-found.page';
import { DEFAULT_ROUTE, legacyHashPath, ROUTES, ROUTE_ACTIONS, routePath, routePattern, type Route } from './routes';

/** A page's code loads when it is first opened: sign-in and the shell do not wait for every page. */
function lazyNamed<K extends string, P extends object = object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const PAGES: Record<Route, LazyExoticComponent<ComponentType>> = {
  live: lazyNamed(() => import('../features/live-items/live-items.page'), 'LiveItemsPage'),
  search: lazyNamed(() => import('../features/search/search.page'), 'SearchPage'),
  stories: lazyNamed(() => import('../features/stories/stories.page'), 'StoriesPage'),
  alerts: lazyNamed(() => import('../features/alerts/alert-inbox.page'), 'AlertInboxPage'),
  cases: lazyNamed(() => import('../features/cases/cases.page'), 'CasesPage'),
  rules: lazyNamed(() => import('../features/alert-rules/alert-rules.page'), 'AlertRulesPage'),
  audit: lazyNamed(() => import('../features/audit/audit.page'), 'AuditPage'),
  users: lazyNamed(() => import('../features/users/users.page'), 'UsersPage'),
  notify: lazyNamed(() => import('../features/notify/notify.page'), 'NotifyPage'),
  connectors: lazyNamed(() => import('../features/connectors/connectors.page'), 'ConnectorsPage'),
  roster: lazyNamed(() => import('../features/duty/roster.page'), 'RosterPage'),
  handover: lazyNamed(() => import('../features/duty/handover.page'), 'HandoverPage'),
};

/** Shown while a page's code arrives (a blink on a fast network). */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="notice notice--info page-loading" role="status" data-testid="page-loading">
      {t('app.pageLoading')}
    </p>
  );
}

/** A page the role may not see is not opened by typing its address either: the default page shows. */
function Gated({ route }: { route: Route }) {
  const { session } = useSignedIn();
  if (!may(session.user.role, ROUTE_ACTIONS[route])) return <Navigate to={routePath(DEFAULT_ROUTE)} replace />;
  const Page = PAGES[route];
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

// The signed-in frame (live connection, query cache, alerts) loads with the first sign-in: the sign-in page waits for none of it.
const AppShell = lazyNamed<'AppShell', { children: ReactNode }>(() => import('./app-shell'), 'AppShell');

function Gate() {
  const { session } = useAuth();
  // Keyed by token: a new sign-in starts a fresh shell (new socket, counter back to zero, empty cache).
  // Signed out, any address shows the sign-in page; after it, the same address opens.
  return session ? (
    <Suspense fallback={<PageLoading />}>
      <AppShell key={session.token}>
        <Outlet />
      </AppShell>
    </Suspense>
  ) : (
    <LoginPage />
  );
}

function SignedIn() {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}

export const APP_ROUTES: RouteObject[] = [
  // The public report page is for anyone: no sign-in, no session, nothing of the dashboard.
  { path: PUBLIC_REPORT_PATH, element: <PublicReportPage /> },
  {
    path: '/',
    element: <SignedIn />,
    children: [
      { index: true, element: <Navigate to={routePath(DEFAULT_ROUTE)} replace /> },
      ...ROUTES.map((route) => ({ path: routePattern(route), element: <Gated route={route} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Old `/#/alerts` links (bookmarks, notices already sent) open the page they meant. */
function replaceLegacyHash(): void {
  const path = legacyHashPath(window.location.hash);
  if (path) window.history.replaceState(null, '', path);
}

export function createAppRouter() {
  replaceLegacyHash();
  const router = createBrowserRouter(APP_ROUTES);
  window.addEventListener('hashchange', () => {
    const path = legacyHashPath(window.location.hash);
    if (path) void router.navigate(path, { replace: true });
  });
  return router;
}
