import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { AlertsProvider } from '../features/alerts/alerts.provider';
import { useCaseCacheSync } from '../features/cases/case-queries';
import { LiveItemsProvider } from '../features/live-items/live-items.provider';
import { AppHeader } from './app-header';
import { LiveConnectionProvider } from './live-connection';
import { createQueryClient } from './query-client';
import { routeOfPath } from './routes';

/** Live events that concern cached lists no page holds open. */
function LiveCacheSync() {
  useCaseCacheSync();
  return null;
}

/**
 * Signed-in frame: header plus the current page. The live connection and the query cache span all
 * pages and features; the shell lives as long as one sign-in, so the next one starts with an
 * empty cache and never sees what another role fetched.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LiveConnectionProvider>
        <LiveCacheSync />
        <LiveItemsProvider>
          <AlertsProvider>
            <div className="app">
              <AppHeader route={routeOfPath(pathname)} />
              <main className="app__main">{children}</main>
            </div>
          </AlertsProvider>
        </LiveItemsProvider>
      </LiveConnectionProvider>
    </QueryClientProvider>
  );
}
