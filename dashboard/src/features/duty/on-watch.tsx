import type { DutyNow } from '@liaowang/contract';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { dutyApi } from './duty-api';
import './duty.css';

// Shifts change on the hour; a minute is soon enough for the header to follow.
const POLL_MS = 60_000;

/** Header line: who is on watch now ("值班：张伟 · 带班：… · 值班领导：…"), or a warning in a gap. */
export function OnWatch() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const duty = useMemo(() => dutyApi(api), [api]);
  const [now, setNow] = useState<DutyNow | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      duty.now(controller.signal).then(
        (answer) => {
          setNow(answer);
          setFailed(false);
        },
        () => setFailed(!controller.signal.aborted),
      );
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [duty]);

  if (!now) return failed ? <span className="on-watch on-watch--unknown" data-testid="on-watch">{t('duty.header.unknown')}</span> : null;
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
