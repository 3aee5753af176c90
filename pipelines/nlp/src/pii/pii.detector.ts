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

// Candidates are swept in order of start into clusters of mutually reachable overlaps; only
// within a cluster (rarely more than two spans) is the winner chosen, so a text with
// thousands of findings stays linear.
function resolveOverlaps(candidates: PiiSpan[]): PiiSpan[] {
  const byStart = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PiiSpan[] = [];
  let cluster: PiiSpan[] = [];
  let clusterEnd = -1;
  for (const span of byStart) {
    if (span.start >= clusterEnd) {
      keepBest(cluster, kept);
      cluster = [];
    }
    cluster.push(span);
    clusterEnd = Math.max(clusterEnd, span.end);
  }
  keepBest(cluster, kept);
  return kept;
}

function keepBest(cluster: PiiSpan[], kept: PiiSpan[]): void {
  if (cluster.length <= 1) {
    kept.push(...cluster);
    return;
  }
  const ranked = [...cluster].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start,
  );
  const chosen: PiiSpan[] = [];
  for (const span of ranked) {
    if (!chosen.some((k) => span.start < k.end && k.start < span.end)) chosen.push(span);
  }
  kept.push(...chosen.sort((a, b) => a.start - b.start));
}
