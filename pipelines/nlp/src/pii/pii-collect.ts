import type { PiiType } from '@liaowang/contract';
import type { PiiSpan } from './pii-span';

/**
 * Runs a global regex over `text` and keeps the matches `accept` agrees with. The regex's
 * lastIndex is reset first, so module-level regexes are safe to reuse.
 */
export function collectMatches(
  regex: RegExp,
  text: string,
  type: PiiType,
  accept: (match: string) => boolean = () => true,
): PiiSpan[] {
  const spans: PiiSpan[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (accept(m[0])) spans.push({ type, start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
