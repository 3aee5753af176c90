import {
  SEVERITY_RANK,
  type Alert,
  type AlertTimelineEvent,
  type EscalationPolicy,
  type EscalationTarget,
  type EscalationTimer,
  type StoredNotifyChannel,
} from '@liaowang/contract';
import type { OnDutyPeople } from './duty-lookup';

// An alert first seen this long after it was raised gets no timers: on the escalation group's
// very first start it reads the topic from the beginning, and a week of history must not fire.
export const MAX_PLANNING_AGE_MS = 24 * 3600 * 1000;

/**
 * The timers of a newly raised alert (R-ALR-3), fixed now from the policy and channels in force
 * (STYLE habit 7): step n of the alert's severity is due `afterMinutes` after the alert was
 * raised; step 0 is the notice of a severe alert to every channel whose minimum it reaches.
 */
export function planTimers(alert: Alert, policy: EscalationPolicy, channels: readonly StoredNotifyChannel[], now: Date): EscalationTimer[] {
  const raisedAt = Date.parse(alert.firstAt);
  if (now.getTime() - raisedAt > MAX_PLANNING_AGE_MS) return [];
  const base = { alertId: alert.id, ruleId: alert.ruleId, severity: alert.severity, policyVersion: policy.version, state: 'pending' as const, createdAt: now.toISOString() };
  const enabled = channels.filter((c) => c.enabled);
  const severe = enabled.filter((c) => c.minSeverity !== undefined && SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[c.minSeverity]);
  const escalating = enabled.filter((c) => c.escalations).map((c) => c.id);
  const timers: EscalationTimer[] = [];
  if (severe.length > 0) {
    timers.push({ ...base, id: timerId(alert.id, 0), step: 0, notify: true, channelIds: severe.map((c) => c.id), dueAt: alert.firstAt });
  }
  policy.steps[alert.severity].forEach((step, index) => {
    timers.push({
      ...base,
      id: timerId(alert.id, index + 1),
      step: index + 1,
      target: step.target,
      notify: step.notify,
      channelIds: step.notify ? escalating : [],
      dueAt: new Date(raisedAt + step.afterMinutes * 60_000).toISOString(),
    });
  });
  return timers;
}

export const timerId = (alertId: string, step: number) => `${alertId}:${step}`;

export type FireDecision = { act: 'notify' } | { act: 'escalate' } | { act: 'already' } | { act: 'cancel'; reason: string };

/**
 * What a claimed timer does: step 0 only notifies; a step escalates only an alert still `new`
 * (an acknowledged, dismissed or promoted one cancels its timers); a step already in the
 * timeline (a claim taken over after a crash mid-way) is not appended twice.
 */
export function fireDecision(alert: Alert | undefined, timer: EscalationTimer): FireDecision {
  if (!alert) return { act: 'cancel', reason: 'alert not found' };
  if (timer.step === 0) return { act: 'notify' };
  if (alert.state !== 'new') return { act: 'cancel', reason: `alert ${alert.state}` };
  if (alert.timeline.some((event) => escalatedStep(event) === timer.step)) return { act: 'already' };
  return { act: 'escalate' };
}

const POSTS: Record<EscalationTarget, keyof OnDutyPeople> = { duty_officer: 'dutyOfficer', shift_lead: 'shiftLead', leader_on_duty: 'leaderOnDuty' };

export function personFor(target: EscalationTarget | undefined, people: OnDutyPeople): string | undefined {
  return target ? people[POSTS[target]] : undefined;
}

/** The timeline entry of step n: `step 2 → shift_lead lead1` (who, when the roster names them). */
export function escalatedEvent(timer: EscalationTimer, username: string | undefined, at: Date): AlertTimelineEvent {
  return { at: at.toISOString(), type: 'escalated', by: 'system', detail: `step ${timer.step} → ${timer.target}${username ? ` ${username}` : ''}` };
}

/** The step an 'escalated' entry records, if it is one. */
export function escalatedStep(event: AlertTimelineEvent): number | undefined {
  if (event.type !== 'escalated') return undefined;
  const match = /^step (\d+) /.exec(event.detail ?? '');
  return match ? Number(match[1]) : undefined;
}
