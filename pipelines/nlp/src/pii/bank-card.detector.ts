import { collectMatches } from './pii-collect';
import { isLuhnValid } from './luhn';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, SEPARATORS } from './pii-pattern.constant';
import type { PiiSpan } from './pii-span';
import { isPlausibleBirthDate } from './resident-id';

// Issuer prefixes of cards used in China start with 3 (JCB, Amex), 4 (Visa), 5 (Mastercard)
// or 6 (UnionPay); 9 for some old domestic debit cards. Anything else is some other number.
const FIRST = '[3-69]';
const STRAIGHT = new RegExp(`${NOT_AFTER_ALNUM}${FIRST}\\d{12,18}${NOT_BEFORE_ALNUM}`, 'g');
// Grouped in fours, as printed on the card, with an optional short last group.
const GROUPED = new RegExp(
  `${NOT_AFTER_ALNUM}${FIRST}\\d{3}(?:[ \\-]\\d{4}){2,3}(?:[ \\-]\\d{1,4})?(?![ \\-]?[0-9A-Za-z])`,
  'g',
);

function isCardNumber(match: string): boolean {
  const digits = match.replace(SEPARATORS, '');
  if (digits.length < 13 || digits.length > 19 || !isLuhnValid(digits)) return false;
  // An 18-digit run with a birth date where an ID number has one is an ID number with a
  // typo far more often than an 18-digit card; do not show it as a card.
  return !(digits.length === 18 && isPlausibleBirthDate(digits.slice(6, 14)));
}

/** Payment card numbers (13-19 digits passing Luhn) in width-folded text. */
export function detectBankCards(folded: string): PiiSpan[] {
  return [
    ...collectMatches(STRAIGHT, folded, 'bank_card', isCardNumber),
    ...collectMatches(GROUPED, folded, 'bank_card', isCardNumber),
  ];
}
