import type { Case } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routePath } from '../../app/routes';
import { CaseClocks } from './case-clock-badge';

/** A case on the board: title, grade, owner and the nearest clock. */
export function CaseCard({ item, risk }: { item: Case; risk: 'ok' | 'at_risk' | 'breached' | undefined }) {
  const { t } = useTranslation();
  return (
    <li className={`case-card${risk && risk !== 'ok' ? ` case-card--${risk}` : ''}`} data-testid="case-card" data-case-id={item.id} data-state={item.state}>
      <Link to={routePath('cases', item.id)} className="case-card__link">
        <span className="case-card__title">{item.title}</span>
        <span className="case-card__meta">
          {item.grade ? <span className={`case-grade case-grade--${item.grade}`}>{t(`cases.grade.${item.grade}`)}</span> : <span className="case-grade">{t('cases.filter.noGrade')}</span>}
          {item.owner && <span className="case-card__owner">{item.owner}</span>}
        </span>
        <CaseClocks item={item} nearestOnly />
      </Link>
    </li>
  );
}
