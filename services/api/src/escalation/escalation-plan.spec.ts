import { DEFAULT_ESCALATION_POLICY, type Alert, type EscalationPolicy, type StoredNotifyChannel } from '@liaowang/contract';
import { escalatedEvent, escalatedStep, fireDecision, MAX_PLANNING_AGE_MS, personFor, planTimers } from './escalation-plan';

const now = new Date('2025-03-01T12:00:00.000Z');
const alertOf = (over: Partial<Alert> = {}): Alert =>
  ({
    id: 'a1',
    ruleId: 'r1',
    severity: 'critical',
    state: 'new',
    firstAt: now.toISOString(),
    timeline: [{ at: now.toISOString(), type: 'raised' }],
    ...over,
  }) as Alert;
const channel = (id: string, over: Partial<StoredNotifyChannel> = {}): StoredNotifyChannel =>
  ({ id, name: id, kind: 'webhook', url: 'http://127.0.0.1:9/', enabled: true, escalations: true, ...over }) as StoredNotifyChannel;
const policy: EscalationPolicy = {
  version: 3,
  steps: {
    ...DEFAULT_ESCALATION_POLICY.steps,
    critical: [
      { target: 'duty_officer', afterMinutes: 0.05, notify: false },
      { target: 'shift_lead', afterMinutes: 10, notify: true },
    ],
  },
};

describe('planTimers', () => {
  it('makes one timer per step with ids <alert>:<step>, due after the step minutes, chain fixed now', () => {
    const timers = planTimers(alertOf(), policy, [channel('c1'), channel('c2', { escalations: false })], now);
    expect(timers.map((t) => [t.id, t.step, t.target, t.dueAt, t.notify, t.channelIds, t.policyVersion, t.state])).toEqual([
      ['a1:1', 1, 'duty_officer', '2025-03-01T12:00:03.000Z', false, [], 3, 'pending'],
      ['a1:2', 2, 'shift_lead', '2025-03-01T12:10:00.000Z', true, ['c1'], 3, 'pending'],
    ]);
  });

  it('adds step 0 for the channels whose minimum severity the alert reaches, enabled ones only', () => {
    const channels = [channel('high', { minSeverity: 'high' }), channel('crit', { minSeverity: 'critical' }), channel('off', { minSeverity: 'low', enabled: false })];
    const high = planTimers(alertOf({ severity: 'high' }), policy, channels, now);
    expect(high[0]).toMatchObject({ id: 'a1:0', step: 0, channelIds: ['high'], dueAt: now.toISOString(), notify: true });
    expect(planTimers(alertOf({ severity: 'low' }), policy, channels, now)).toEqual([]);
  });

  it('plans nothing for an alert first seen a day after it was raised', () => {
    const old = alertOf({ firstAt: new Date(now.getTime() - MAX_PLANNING_AGE_MS - 1).toISOString() });
    expect(planTimers(old, policy, [], now)).toEqual([]);
  });
});

describe('fireDecision', () => {
  const timer = planTimers(alertOf(), policy, [], now)[0];

  it('escalates an alert nobody handled', () => {
    expect(fireDecision(alertOf(), timer)).toEqual({ act: 'escalate' });
  });

  it.each(['acknowledged', 'dismissed', 'promoted'] as const)('cancels when the alert was %s meanwhile', (state) => {
    expect(fireDecision(alertOf({ state }), timer)).toEqual({ act: 'cancel', reason: `alert ${state}` });
  });

  it('cancels when the alert is gone', () => {
    expect(fireDecision(undefined, timer)).toEqual({ act: 'cancel', reason: 'alert not found' });
  });

  it('does not append a step twice', () => {
    const alert = alertOf();
    alert.timeline.push(escalatedEvent(timer, 'duty1', now));
    expect(fireDecision(alert, timer)).toEqual({ act: 'already' });
  });

  it('always notifies for step 0, whatever the state', () => {
    const zero = { ...timer, step: 0, target: undefined };
    expect(fireDecision(alertOf({ state: 'acknowledged' }), zero)).toEqual({ act: 'notify' });
  });
});

describe('escalated timeline entries', () => {
  it('records step, target and person, and reads the step back', () => {
    const timer = planTimers(alertOf(), policy, [], now)[1];
    const event = escalatedEvent(timer, 'lead1', now);
    expect(event).toEqual({ at: now.toISOString(), type: 'escalated', by: 'system', detail: 'step 2 → shift_lead lead1' });
    expect(escalatedStep(event)).toBe(2);
    expect(escalatedStep({ at: '', type: 'acknowledged' })).toBeUndefined();
  });

  it('finds the person of the target post, nobody in a gap', () => {
    expect(personFor('leader_on_duty', { leaderOnDuty: 'boss' })).toBe('boss');
    expect(personFor('shift_lead', { leaderOnDuty: 'boss' })).toBeUndefined();
  });
});
