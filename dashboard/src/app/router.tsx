import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { may } from '@liaowang/contract';
import { AlertRulesPage } from '../features/alert-rules/alert-rules.page';
import { AlertInboxPage } from '../features/alerts/alert-inbox.page';
import { AuditPage } from '../features/audit/audit.page';
import { LoginPage } from '../features/auth/login.page';
import { CasesPage } from '../features/cases/cases.page';
import { ConnectorsPage } from '../features/connectors/connectors.page';
import { HandoverPage } from '../features/duty/handover.page';
import { RosterPage } from '../features/duty/roster.page';
import { LiveItemsPage } from '../features/live-items/live-items.page';
import { NotifyPage } from '../features/notify/notify.page';
import { PUBLIC_REPORT_PATH, PublicReportPage } from '../features/public-report/public-report.page';
import { SearchPage } from '../features/search/search.page';
import { StoriesPage } from '../features/stories/stories.page';
import { UsersPage } from '../features/users/users.page';
import { AppShell } from './app-shell';
import { AuthProvider, useAuth, useSignedIn } from './auth-context';
import { NotFoundPage } from './not-found.page';
import { DEFAULT_ROUTE, legacyHashPath, ROUTES, ROUTE_ACTIONS, routePath, routePattern, type Route } from './routes';

const PAGES: Record<Route, () => React.JSX.Element> = {
  live: LiveItemsPage,
  search: SearchPage,
  stories: StoriesPage,
  alerts: AlertInboxPage,
  cases: CasesPage,
  rules: AlertRulesPage,
  audit: AuditPage,
  users: UsersPage,
  notify: NotifyPage,
  connectors: ConnectorsPage,
  roster: RosterPage,
  handover: HandoverPage,
};

/** A page the role may not see is not opened by typing its address either: the default page shows. */
function Gated({ route }: { route: Route }) {
  const { session } = useSignedIn();
  if (!may(session.user.role, ROUTE_ACTIONS[route])) return <Navigate to={routePath(DEFAULT_ROUTE)} replace />;
  const Page = PAGES[route];
  return <Page />;
}

function Gate() {
  const { session } = useAuth();
  // Keyed by token: a new sign-in starts a fresh shell (new socket, counter back to zero, empty cache).
  // Signed out, any address shows the sign-in page; after it, the same address opens.
  return session ? (
    <AppShell key={session.token}>
      <Outlet />
    </AppShell>
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
