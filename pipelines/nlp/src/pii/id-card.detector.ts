import { collectMatches } from './pii-collect';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, SEP, SEPARATORS } from './pii-pattern.constant';
import type { PiiSpan } from './pii-span';
import { isValidResidentId } from './resident-id';

// 6 area + 8 birth date + 4; people sometimes space the groups out. Only numbers with a
// correct check character count: a wrong one is a typo or not an ID at all.
const ID_CARD = new RegExp(`${NOT_AFTER_ALNUM}[1-9]\\d{5}${SEP}\\d{8}${SEP}\\d{3}[\\dXx]${NOT_BEFORE_ALNUM}`, 'g');

/** 18-character resident ID numbers with a valid check character, in width-folded text. */
export function detectIdCards(folded: string): PiiSpan[] {
  return collectMatches(ID_CARD, folded, 'id_card', (m) => isValidResidentId(m.replace(SEPARATORS, '')));
}
