import type { TFunction } from 'i18next';
import { describeTimelineDetail } from './timeline-detail';

// A stand-in translator that shows the key and its values, so the test reads what was asked for.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key}(${Object.values(values).join(',')})` : key)) as unknown as TFunction;

describe(describeTimelineDetail.name, () => {
  it('reads an escalation step with the post and the person on duty', () => {
    expect(describeTimelineDetail({ at: '', type: 'escalated', detail: 'step 2 → shift_lead lead1' }, t)).toBe('alerts.escalatedTo(2,alerts.escalationTarget.shift_lead,lead1)');
    expect(describeTimelineDetail({ at: '', type: 'escalated', detail: 'step 1 → leader_on_duty' }, t)).toBe('alerts.escalatedTo(1,alerts.escalationTarget.leader_on_duty,alerts.nobodyOnDuty)');
  });

  it('names a dismissal reason from the list, and leaves free text as it is', () => {
    expect(describeTimelineDetail({ at: '', type: 'dismissed', detail: 'duplicate' }, t)).toBe('alerts.dismiss.reasons.duplicate');
    expect(describeTimelineDetail({ at: '', type: 'acknowledged', detail: '已电话核实' }, t)).toBe('已电话核实');
    expect(describeTimelineDetail({ at: '', type: 'raised' }, t)).toBeUndefined();
  });
});
