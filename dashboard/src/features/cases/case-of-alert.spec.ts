import { caseIdOfAlert } from './case-of-alert';

const at = '2026-03-02T02:00:00Z';

describe('caseIdOfAlert', () => {
  it('reads the case id from the promoted entry, with or without a note', () => {
    expect(caseIdOfAlert({ timeline: [{ at, type: 'raised' }, { at, type: 'promoted', by: 'duty', detail: 'case c-123' }] })).toBe('c-123');
    expect(caseIdOfAlert({ timeline: [{ at, type: 'promoted', by: 'duty', detail: 'case 9f3a: 已电话核实' }] })).toBe('9f3a');
  });
  it('is undefined for an alert never promoted, or promoted before cases existed', () => {
    expect(caseIdOfAlert({ timeline: [{ at, type: 'raised' }, { at, type: 'acknowledged', by: 'duty' }] })).toBeUndefined();
    expect(caseIdOfAlert({ timeline: [{ at, type: 'promoted', by: 'duty', detail: '转人工' }] })).toBeUndefined();
  });
});
