import { collectMatches } from './pii-collect';
import type { PiiSpan } from './pii-span';

// Practical addresses, not full RFC 5322: the forms people type in posts. The local part is
// bounded so a long run of letters before an "@" cannot make the scan quadratic.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

/** E-mail addresses in width-folded text. */
export function detectEmails(folded: string): PiiSpan[] {
  if (!folded.includes('@')) return [];
  return collectMatches(EMAIL, folded, 'email');
}
