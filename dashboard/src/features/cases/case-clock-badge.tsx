import type { Case } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useNow } from '../../time/use-now';
import { countdownText, runningClocks, type RunningClock } from './case-clock';

function ClockLine({ clock }: { clock: RunningClock }) {
  const { t } = useTranslation();
  const time = countdownText(clock.leftMs, t('cases.clock.day'));
  return (
    <span className={`case-clock case-clock--${clock.status}`} data-testid="case-clock" data-clock={clock.clock} data-status={clock.status} title={t('cases.clock.due', { time: formatDateTime(clock.dueAt) })}>
      <span className="case-clock__name">{t(`cases.clock.${clock.clock}`)}</span>
      <span className="case-clock__left">{clock.leftMs > 0 ? t('cases.clock.left', { time }) : t('cases.clock.overdue', { time })}</span>
    </span>
  );
}

/** Live countdowns of a case (R-CASE-4): every clock, or only the nearest on a board card. */
export function CaseClocks({ item, nearestOnly = false }: { item: Case; nearestOnly?: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const clocks = runningClocks(item, now);
  if (clocks.length === 0) return item.grade ? null : <span className="case-clock case-clock--none">{t('cases.clock.none')}</span>;
  return (
    <span className="case-clocks">
      {(nearestOnly ? clocks.slice(0, 1) : clocks).map((clock) => (
        <ClockLine key={clock.clock} clock={clock} />
      ))}
    </span>
  );
}
