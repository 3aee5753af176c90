import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { AlertsProvider } from '../features/alerts/alerts.provider';
import { LiveItemsProvider } from '../features/live-items/live-items.provider';
import { AppHeader } from './app-header';
import { LiveConnectionProvider } from './live-connection';
import { routeOfPath } from './routes';

/** Signed-in frame: header plus the current page. The live connection spans all pages and features. */
export function AppShell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  // The shell lives as long as one sign-in: what it fetched is not shown to the next one.
  useEffect(() => () => queryClient.clear(), [queryClient]);
  return (
    <LiveConnectionProvider>
      <LiveItemsProvider>
        <AlertsProvider>
          <div className="app">
            <AppHeader route={routeOfPath(pathname)} />
            <main className="app__main">{children}</main>
          </div>
        </AlertsProvider>
      </LiveItemsProvider>
    </LiveConnectionProvider>
  );
}
