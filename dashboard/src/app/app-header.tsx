import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlerts } from '../features/alerts/alerts.provider';
import { OnWatch } from '../features/duty/on-watch';
import { ConnectionStatus } from '../features/live-items/connection-status';
import { LanguageSwitch } from '../i18n/language-switch';
import { formatDateTime } from '../time/format-time';
import { useNow } from '../time/use-now';
import { useSignedIn } from './auth-context';
import { useLiveConnection } from './live-connection';
import { routePath, routesFor, type Route } from './routes';

/** Dark top bar: product, navigation, a lost live connection, Beijing clock, who is signed in, language, sign-out. */
export function AppHeader({ route }: { route: Route | undefined }) {
  const { t } = useTranslation();
  const { session, signOut } = useSignedIn();
  const now = useNow(1000);
  const alerts = useAlerts();
  const { status } = useLiveConnection();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true">瞭</span>
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      <nav className="app-header__nav" aria-label={t('app.mainNav')}>
        {routesFor(session.user.role).map((name) => (
          <Link key={name} to={routePath(name)} className="nav-link" aria-current={name === route ? 'page' : undefined}>
            {t(`nav.${name}`)}
            {name === 'alerts' && alerts.unhandled > 0 && (
              <span className="nav-badge" data-testid="alerts-badge" aria-label={t('alerts.unhandled', { count: alerts.unhandled })}>
                {alerts.unhandled}
              </span>
            )}
          </Link>
        ))}
      </nav>
      <div className="app-header__right">
        {/* Every page but the live one (its toolbar says it always): a page that stopped being live says so. */}
        {status !== 'connected' && route !== 'live' && <ConnectionStatus status={status} testId="header-connection" />}
        <OnWatch />
        <span className="app-header__clock" data-testid="clock">
          {t('app.clock', { time: formatDateTime(new Date(now).toISOString()) })}
        </span>
        <span className="app-header__user" data-testid="current-user" data-role={session.user.role}>
          <span className="visually-hidden">{t('auth.signedInAs')} </span>
          <span className="app-header__display-name">{session.user.displayName}</span>
          <span className="role-tag">{t(`role.${session.user.role}`)}</span>
        </span>
        <LanguageSwitch className="button button--ghost-dark" />
        <button type="button" className="button button--ghost-dark" data-testid="sign-out" onClick={signOut}>
          {t('auth.signOut')}
        </button>
      </div>
    </header>
  );
}
