import { collectMatches } from './pii-collect';
import { NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, SEP } from './pii-pattern.constant';
import type { PiiSpan } from './pii-span';

const COUNTRY = `(?:(?:\\+|00)?86${SEP}|\\(\\+?86\\)${SEP})`;
// Mainland mobile: 1[3-9]x then 8 digits, written 11 straight or 3-4-4 with spaces/dashes.
const MOBILE = new RegExp(`(?<![0-9A-Za-z+])${COUNTRY}?1[3-9]\\d(?:${SEP}\\d{4}){2}${NOT_BEFORE_ALNUM}`, 'g');
// Landline area codes: 010, 02x, then 0[3-9]xx. The local number starts with 2-9.
const AREA = '0(?:10|2\\d|[3-9]\\d{2})';
const LOCAL = `[2-9]\\d{2,3}${SEP}\\d{4}`;
// With its area code set off (dash, space or brackets) a landline is recognisable on its own.
const LANDLINE = new RegExp(
  `${NOT_AFTER_ALNUM}${COUNTRY}?(?:\\(${AREA}\\)${SEP}|${AREA}[ \\-])${LOCAL}(?:-\\d{1,5})?${NOT_BEFORE_ALNUM}`,
  'g',
);
// Written as one run of digits it looks like any other number, so a label must precede it.
const LABELLED_LANDLINE = new RegExp(
  `(?<=(?:电话|電話|座机|座機|固话|固話|tel)[:\\s]{0,3})${AREA}[2-9]\\d{6,7}${NOT_BEFORE_ALNUM}`,
  'gi',
);

/** Mainland mobile and landline numbers in width-folded text. */
export function detectPhones(folded: string): PiiSpan[] {
  return [
    ...collectMatches(MOBILE, folded, 'phone'),
    ...collectMatches(LANDLINE, folded, 'phone'),
    ...collectMatches(LABELLED_LANDLINE, folded, 'phone'),
  ];
}
