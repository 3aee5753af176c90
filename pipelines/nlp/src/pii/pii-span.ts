import type { PiiType } from '@liaowang/contract';

/**
 * One piece of personal data found in a text (R-ENR-5). Offsets are UTF-16 code units into
 * the ORIGINAL text (as received), so they can be applied to the raw evidence as it is stored.
 */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
}
