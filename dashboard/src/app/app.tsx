import { LoginPage } from '../features/auth/login.page';
import { PUBLIC_REPORT_PATH, PublicReportPage } from '../features/public-report/public-report.page';
import { AppShell } from './app-shell';
import { AuthProvider, useAuth } from './auth-context';

function Gate() {
  const { session } = useAuth();
  // Keyed by token: a new sign-in starts a fresh shell (new socket, counter back to zero).
  return session ? <AppShell key={session.token} /> : <LoginPage />;
}

export function App() {
  // The public report page is for anyone: no sign-in, no session, nothing of the dashboard.
  if (window.location.pathname === PUBLIC_REPORT_PATH) return <PublicReportPage />;
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}
