import type { PiiType } from '@liaowang/contract';
import { REGION } from './address-pattern.constant';
import type { PiiSpan } from './pii-span';
import { foldWidth } from './width-fold';

const MASK = '*';
// Fixed-length masks for the parts whose length would itself tell something.
const HIDDEN = '****';
const AREA_CODE = /^(?:0086|86)?(0(?:10|2\d|[3-9]\d{2}))/;
const REGION_PREFIX = new RegExp(`^${REGION}`);
const CODE_CHAR = /[0-9Xx]/;

/**
 * Display text with every span masked (R-ENR-5; 003 Art. 21). The raw text stays the
 * evidence; this is what people without the right to see personal data are shown.
 * Spans that overlap an earlier one are ignored.
 */
export function maskPii(original: string, spans: readonly PiiSpan[]): string {
  if (spans.length === 0) return original;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of sorted) {
    if (span.start < cursor || span.end > original.length || span.start >= span.end) continue;
    out += original.slice(cursor, span.start) + maskOne(span.type, original.slice(span.start, span.end));
    cursor = span.end;
  }
  return out + original.slice(cursor);
}

/** The masked form of one piece of personal data of the given type. */
export function maskOne(type: PiiType, raw: string): string {
  const folded = foldWidth(raw);
  switch (type) {
    case 'phone':
      return maskPhone(raw, folded);
    case 'id_card':
      // 110105********123X: area code and the last four stay, the birth date goes.
      return maskCodeChars(raw, folded, (i, n) => i < 6 || i >= n - 4);
    case 'bank_card':
      return HIDDEN + digitsOf(folded).slice(-4);
    case 'email':
      return maskEmail(raw, folded);
    case 'address': {
      const region = REGION_PREFIX.exec(folded);
      return (region ? raw.slice(0, region[0].length) : '') + HIDDEN;
    }
  }
}

function maskPhone(raw: string, folded: string): string {
  const digits = digitsOf(folded);
  const n = digits.length;
  const mobile = n >= 11 && digits[n - 11] === '1';
  // Mobile 138****5678: the carrier prefix and the last four stay. Landline 010-****5678:
  // the area code and the last four stay.
  const head = mobile ? n - 8 : (AREA_CODE.exec(digits)?.[0].length ?? 0);
  return maskCodeChars(raw, folded, (i) => i < head || i >= n - 4);
}

function maskEmail(raw: string, folded: string): string {
  const at = folded.lastIndexOf('@');
  return raw.slice(0, 1) + '***' + raw.slice(at);
}

/** Replaces the digits (and X) not kept by `keep(index, count)`; separators stay as typed. */
function maskCodeChars(raw: string, folded: string, keep: (index: number, count: number) => boolean): string {
  let count = 0;
  for (const ch of folded) if (CODE_CHAR.test(ch)) count++;
  let out = '';
  let index = 0;
  for (let i = 0; i < folded.length; i++) {
    if (CODE_CHAR.test(folded[i])) {
      out += keep(index, count) ? raw[i] : MASK;
      index++;
    } else {
      out += raw[i];
    }
  }
  return out;
}

function digitsOf(folded: string): string {
  return folded.replace(/\D/g, '');
}
