import { auditQueryParams, beijingInputToIso, EMPTY_AUDIT_FILTERS } from './audit-filters';

describe('auditQueryParams', () => {
  it('leaves blank filters out and trims the rest', () => {
    const params = auditQueryParams({ ...EMPTY_AUDIT_FILTERS, actor: ' admin ', action: 'users.create' });
    expect(Object.fromEntries(params)).toEqual({ size: '50', actor: 'admin', action: 'users.create' });
  });

  it('reads typed times as Beijing time, the "to" minute included', () => {
    const params = auditQueryParams({ ...EMPTY_AUDIT_FILTERS, from: '2026-12-01T09:30', to: '2026-12-01T10:00' });
    expect(params.get('from')).toBe('2026-12-01T01:30:00.000Z');
    expect(params.get('to')).toBe('2026-12-01T02:00:59.999Z');
  });

  it('pages by seq', () => {
    expect(auditQueryParams(EMPTY_AUDIT_FILTERS, 120).get('before')).toBe('120');
    expect(beijingInputToIso('')).toBeUndefined();
  });
});
