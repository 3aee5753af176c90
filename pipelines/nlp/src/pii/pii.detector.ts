import type { PiiType } from '@liaowang/contract';
import { detectAddresses } from './address.detector';
import { detectBankCards } from './bank-card.detector';
import { detectEmails } from './email.detector';
import { detectIdCards } from './id-card.detector';
import { detectPhones } from './phone.detector';
import type { PiiSpan } from './pii-span';
import { foldWidth } from './width-fold';

// When two findings overlap the longer one wins (a phone number inside an e-mail address or
// a card number); at equal length this order decides (a valid ID number is never a card).
const PRIORITY: Record<PiiType, number> = { email: 0, id_card: 1, phone: 2, bank_card: 3, address: 4 };
const DIGIT = /\d/;

/**
 * All personal data in `original` (R-ENR-5), as non-overlapping spans sorted by start.
 * Offsets are UTF-16 units into `original`; full-width digits are found too because the
 * width folding keeps every offset in place.
 */
export function detectPii(original: string): PiiSpan[] {
  const folded = foldWidth(original);
  const candidates = detectEmails(folded);
  if (DIGIT.test(folded)) {
    candidates.push(...detectIdCards(folded), ...detectPhones(folded), ...detectBankCards(folded));
    candidates.push(...detectAddresses(folded));
  }
  if (candidates.length <= 1) return candidates;
  return resolveOverlaps(candidates);
}

function resolveOverlaps(candidates: PiiSpan[]): PiiSpan[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start,
  );
  const kept: PiiSpan[] = [];
  for (const span of ranked) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
