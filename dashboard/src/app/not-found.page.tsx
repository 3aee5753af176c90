import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DEFAULT_ROUTE, routePath } from './routes';

/** An address that is no page of the dashboard: say so, and offer the way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <section className="not-found" data-testid="not-found-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.message', { path: pathname })}</p>
      <Link to={routePath(DEFAULT_ROUTE)} className="button button--primary" data-testid="not-found-home">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
