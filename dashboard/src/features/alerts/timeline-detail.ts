import { DISMISS_REASONS, type AlertTimelineEvent } from '@liaowang/contract';
import type { TFunction } from 'i18next';

// The escalation timer writes `step 2 → shift_lead lead1` (step, target post, person on duty).
const ESCALATION_DETAIL = /^step (\d+) → (duty_officer|shift_lead|leader_on_duty)(?: (\S+))?$/;
type Post = 'duty_officer' | 'shift_lead' | 'leader_on_duty';
type DismissReason = (typeof DISMISS_REASONS)[number];

/** A timeline entry's detail in the reader's language where the server wrote it as data. */
export function describeTimelineDetail(event: AlertTimelineEvent, t: TFunction): string | undefined {
  if (!event.detail) return undefined;
  const escalation = event.type === 'escalated' ? ESCALATION_DETAIL.exec(event.detail) : null;
  if (escalation) {
    const [, step, post, username] = escalation;
    return t('alerts.escalatedTo', { step, target: t(`alerts.escalationTarget.${post as Post}`), who: username ?? t('alerts.nobodyOnDuty') });
  }
  if (event.type === 'dismissed' && (DISMISS_REASONS as readonly string[]).includes(event.detail)) {
    return t(`alerts.dismiss.reasons.${event.detail as DismissReason}`);
  }
  return event.detail;
}
