import type { Silence } from '@liaowang/contract';
import { mutedRuleIds } from './silenced-rules';

const now = new Date('2025-03-01T12:00:00.000Z');
const silence = (ruleId: string, until: string, over: Partial<Silence> = {}): Silence => ({
  id: `s-${ruleId}`,
  ruleId,
  until,
  reason: '演练',
  createdAt: '2025-03-01T11:00:00.000Z',
  createdBy: 'duty',
  ...over,
});

describe('mutedRuleIds', () => {
  it('mutes rules whose silence lasts beyond now, not ended or lifted ones', () => {
    const muted = mutedRuleIds(
      [
        silence('active', '2025-03-01T13:00:00.000Z'),
        silence('ended', '2025-03-01T12:00:00.000Z'),
        silence('lifted', '2025-03-01T13:00:00.000Z', { liftedAt: '2025-03-01T11:30:00.000Z' }),
      ],
      now,
    );
    expect([...muted]).toEqual(['active']);
  });
});
