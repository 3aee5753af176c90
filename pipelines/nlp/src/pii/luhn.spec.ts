import { isLuhnValid } from './luhn';

describe('isLuhnValid', () => {
  it.each(['4111111111111111', '6222021234567894', '6217001234567890122', '79927398713'])('accepts %s', (n) => {
    expect(isLuhnValid(n)).toBe(true);
  });

  it.each(['4111111111111112', '6222021234567895', '79927398710'])('rejects %s', (n) => {
    expect(isLuhnValid(n)).toBe(false);
  });

  it('rejects anything that is not only digits', () => {
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(false);
  });
});
