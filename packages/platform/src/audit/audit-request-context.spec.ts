import { auditRequestContext, correlationIdOf } from './audit-request-context';

describe('auditRequestContext', () => {
  it("takes a well-formed X-Request-Id or X-Correlation-Id, and Express's client address", () => {
    expect(auditRequestContext({ headers: { 'x-request-id': 'abc-12345678' }, ip: '203.0.113.9' })).toEqual({
      correlationId: 'abc-12345678',
      clientAddress: '203.0.113.9',
    });
    expect(correlationIdOf({ headers: { 'x-correlation-id': 'corr:2026.12.01-1' } })).toBe('corr:2026.12.01-1');
  });

  it('makes a new UUID for a missing or malformed id, once per request', () => {
    for (const sent of [undefined, 'short', 'has space inside', 'x'.repeat(200), '\nforged log line']) {
      const request = { headers: { 'x-request-id': sent } };
      const id = correlationIdOf(request);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(correlationIdOf(request)).toBe(id);
    }
  });
});
