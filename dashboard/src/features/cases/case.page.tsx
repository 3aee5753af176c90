import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../app/auth-context';
import { routePath } from '../../app/routes';
import { CaseScopeProvider } from './case-context';
import { CaseClosingSection } from './case-closing';
import { CaseEvidenceSection } from './case-evidence';
import { CaseHeader } from './case-header';
import { CaseMoves } from './case-moves';
import { CaseReferralsSection } from './case-referrals';
import { CaseStatementsSection } from './case-statements';
import { CaseTasksSection } from './case-tasks';
import { CaseTimeline } from './case-timeline';
import { useCase } from './use-case';

/** R-UI-3: one case with its clocks, moves, work, statements, evidence and timeline, kept live. */
export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const handle = useCase(id);
  const { item, stale } = handle;
  return (
    <div className="case-page" data-testid="case-page" data-case-id={id} data-version={item?.version}>
      <Link to={routePath('cases')} className="case-page__back">← {t('cases.page.back')}</Link>
      {stale && (
        <p className="notice notice--error case-page__stale" role="alert" data-testid="case-stale">
          {stale.latest ? t('cases.stale.message', { mine: stale.mine, latest: stale.latest }) : t('cases.stale.conflict')}{' '}
          <button type="button" className="button button--small" onClick={handle.reload} data-testid="case-reload">{t('cases.stale.reload')}</button>
        </p>
      )}
      {handle.error && <p className="notice notice--error" role="alert" data-testid="case-error">{handle.error}</p>}
      {!item && <p className="notice notice--info">{handle.loadError ?? t('cases.page.loading')}</p>}
      {item && (
        <CaseScopeProvider value={{ item, act: handle.act, markDirty: handle.markDirty, role: session.user.role, username: session.user.username }}>
          <CaseHeader />
          <div className="case-page__grid">
            <div className="case-page__main">
              <CaseMoves />
              <CaseStatementsSection />
              <CaseTasksSection />
              <CaseReferralsSection />
              <CaseEvidenceSection />
              <CaseClosingSection />
            </div>
            <CaseTimeline />
          </div>
        </CaseScopeProvider>
      )}
    </div>
  );
}
