import type { ItemSort } from '@liaowang/contract';
import { ProblemException } from '@liaowang/platform';

type SortValue = string | number | null;

const badCursor = (why: string) =>
  new ProblemException({
    type: 'urn:liaowang:problem:validation',
    title: 'Invalid request',
    status: 400,
    detail: `cursor: ${why}`,
    errors: [{ field: 'cursor', message: why }],
  });

/** The sort values of a page's last hit, with its sort, as an opaque URL-safe string. */
export function encodeCursor(sort: ItemSort, after: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, a: after }), 'utf8').toString('base64url');
}

/** The search_after values of a cursor; 400 naming `cursor` if it is not one of ours or another sort's. */
export function decodeCursor(cursor: string, sort: ItemSort): SortValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not a cursor of this API');
  }
  const { s, a } = (parsed ?? {}) as { s?: unknown; a?: unknown };
  const valid = Array.isArray(a) && a.length > 0 && a.length <= 4 && a.every((v) => v === null || typeof v === 'string' || typeof v === 'number');
  if (!valid) throw badCursor('not a cursor of this API');
  if (s !== sort) throw badCursor(`made for sort=${String(s)}, not sort=${sort}`);
  return a as SortValue[];
}
