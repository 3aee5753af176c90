import { ProblemException } from '@liaowang/platform';
import { decodeCursor, encodeCursor } from './search-cursor';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return ((error as ProblemException).getResponse() as { errors: { field: string }[] }).errors[0].field;
  }
  throw new Error('did not throw');
};

describe('search cursor', () => {
  it('round-trips the sort values of the last hit', () => {
    const after = [0.82, 1764547200000, 'item-1'];
    const cursor = encodeCursor('risk', after);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'risk')).toEqual(after);
  });

  it('refuses a cursor made for another sort', () => {
    expect(fieldOf(() => decodeCursor(encodeCursor('newest', [1, 'a']), 'risk'))).toBe('cursor');
  });

  it('refuses what is not a cursor', () => {
    expect(fieldOf(() => decodeCursor('not-a-cursor', 'newest'))).toBe('cursor');
    expect(fieldOf(() => decodeCursor(Buffer.from('{"s":"newest","a":[{"x":1}]}').toString('base64url'), 'newest'))).toBe('cursor');
  });
});
