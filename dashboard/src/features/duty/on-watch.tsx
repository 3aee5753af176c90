import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { dutyApi, dutyKeys } from './duty-api';
import './duty.css';

// Shifts change on the hour; a minute is soon enough for the header to follow.
const POLL_MS = 60_000;

/** Header line: who is on watch now ("值班：张伟 · 带班：… · 值班领导：…"), or a warning in a gap. */
export function OnWatch() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const duty = useMemo(() => dutyApi(api), [api]);
  // A failed poll keeps the last answer on screen; without any answer the header says it does not know.
  const watch = useQuery({ queryKey: dutyKeys.now, queryFn: ({ signal }) => duty.now(signal), refetchInterval: POLL_MS });
  const now = watch.data;
  if (!now) return watch.isError ? <span className="on-watch on-watch--unknown" data-testid="on-watch">{t('duty.header.unknown')}</span> : null;
  const people = now.current?.people;
  if (now.gap || !people) {
    return (
      <span className="on-watch on-watch--gap" data-testid="on-watch" data-gap="true" role="status">
        {t('duty.header.gap')}
      </span>
    );
  }
  const parts = [
    people.dutyOfficer && t('duty.header.dutyOfficer', { name: people.dutyOfficer.displayName }),
    people.shiftLead && t('duty.header.shiftLead', { name: people.shiftLead.displayName }),
    people.leaderOnDuty && t('duty.header.leaderOnDuty', { name: people.leaderOnDuty.displayName }),
  ].filter(Boolean);
  return (
    <span className="on-watch" data-testid="on-watch" data-gap="false">
      {parts.join(' · ')}
    </span>
  );
}
