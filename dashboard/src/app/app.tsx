import { LoginPage } from '../features/auth/login.page';
import { AppShell } from './app-shell';
import { AuthProvider, useAuth } from './auth-context';

function Gate() {
  const { session } = useAuth();
  // Keyed by token: a new sign-in starts a fresh shell (new socket, counter back to zero).
  return session ? <AppShell key={session.token} /> : <LoginPage />;
}

export function App() {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}
