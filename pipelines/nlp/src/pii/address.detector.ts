import { ADDRESS } from './address-pattern.constant';
import { collectMatches } from './pii-collect';
import type { PiiSpan } from './pii-span';

const ADDRESS_REGEX = new RegExp(ADDRESS, 'g');
const HOUSE_NUMBER = /\d\s?[号號]/;

/** Mainland street addresses with a house number, in width-folded text. */
export function detectAddresses(folded: string): PiiSpan[] {
  // Cheap gate: every address we accept has a house number.
  if (!HOUSE_NUMBER.test(folded)) return [];
  return collectMatches(ADDRESS_REGEX, folded, 'address');
}
