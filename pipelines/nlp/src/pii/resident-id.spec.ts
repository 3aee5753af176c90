import { isPlausibleBirthDate, isValidResidentId, residentIdCheckChar } from './resident-id';

describe('isValidResidentId', () => {
  it('accepts numbers with the right check digit, including X in either case', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId('320102198511114560')).toBe(true);
    expect(isValidResidentId('110105200002290013')).toBe(true); // 29 Feb of a leap year
  });

  it('rejects a wrong check digit', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('320102198511114561')).toBe(false);
    expect(isValidResidentId('32010219851111456X')).toBe(false);
  });

  it('rejects impossible or implausible birth dates even with a matching check digit', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
    expect(isValidResidentId(withCheck('11010519490231002'))).toBe(false); // 31 Feb
    expect(isValidResidentId(withCheck('11010518991231002'))).toBe(false); // before 1900
    expect(isValidResidentId(withCheck('11010520990101002'), new Date('2025-01-01'))).toBe(false); // future
    expect(isValidResidentId(withCheck('11010519490230002'))).toBe(false); // 30 Feb
  });

  it('rejects wrong lengths and a leading zero', () => {
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(isValidResidentId('011010519491231002')).toBe(false);
  });
});

describe('isPlausibleBirthDate', () => {
  it('knows leap years', () => {
    expect(isPlausibleBirthDate('20000229')).toBe(true);
    expect(isPlausibleBirthDate('19000229')).toBe(false);
    expect(isPlausibleBirthDate('20010229')).toBe(false);
  });
});
