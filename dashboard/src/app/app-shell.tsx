import { AlertRulesPage } from '../features/alert-rules/alert-rules.page';
import { AlertInboxPage } from '../features/alerts/alert-inbox.page';
import { AlertsProvider } from '../features/alerts/alerts.provider';
import { AuditPage } from '../features/audit/audit.page';
import { CasesPage } from '../features/cases/cases.page';
import { ConnectorsPage } from '../features/connectors/connectors.page';
import { LiveItemsProvider } from '../features/live-items/live-items.provider';
import { LiveItemsPage } from '../features/live-items/live-items.page';
import { NotifyPage } from '../features/notify/notify.page';
import { UsersPage } from '../features/users/users.page';
import { HandoverPage } from '../features/duty/handover.page';
import { RosterPage } from '../features/duty/roster.page';
import { SearchPage } from '../features/search/search.page';
import { StoriesPage } from '../features/stories/stories.page';
import { AppHeader } from './app-header';
import { LiveConnectionProvider } from './live-connection';
import { useSignedIn } from './auth-context';
import { DEFAULT_ROUTE, routesFor, useHashRoute, type Route } from './use-hash-route';

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

/** Signed-in frame: header plus the current page. The live connection spans all pages and features. */
export function AppShell() {
  const { session } = useSignedIn();
  const hashRoute = useHashRoute();
  const route = routesFor(session.user.role).includes(hashRoute) ? hashRoute : DEFAULT_ROUTE;
  const Page = PAGES[route];
  return (
    <LiveConnectionProvider>
      <LiveItemsProvider>
        <AlertsProvider>
          <div className="app">
            <AppHeader route={route} />
            <main className="app__main">
              <Page />
            </main>
          </div>
        </AlertsProvider>
      </LiveItemsProvider>
    </LiveConnectionProvider>
  );
}
