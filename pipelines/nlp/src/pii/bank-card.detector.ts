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
  // A 13-digit run with a valid EAN-13 check digit is a barcode or an ISBN (978…), which
  // posts quote far more often than the long-retired 13-digit card numbers.
  if (digits.length === 13 && isEan13Valid(digits)) return false;
  // An 18-digit run with a birth date where an ID number has one is an ID number with a
  // typo far more often than an 18-digit card; do not show it as a card.
  return !(digits.length === 18 && isPlausibleBirthDate(digits.slice(6, 14)));
}

function isEan13Valid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(12) - 48;
}

/** Payment card numbers (13-19 digits passing Luhn) in width-folded text. */
export function detectBankCards(folded: string): PiiSpan[] {
  return [
    ...collectMatches(STRAIGHT, folded, 'bank_card', isCardNumber),
    ...collectMatches(GROUPED, folded, 'bank_card', isCardNumber),
  ];
}
