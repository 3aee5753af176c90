import { z } from 'zod';

// R-REL-3: text and names are cleaned before they are stored; the raw payload keeps the original.
// C0/C1 controls except tab and newline, and the bidi embeddings/overrides/isolates that let a
// name display as something else (U+202A–202E, U+2066–2069).
const UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Any character either of the two above could touch: most texts have none, and then both are
// skipped (one scan instead of two replaces). normalize() gives back the same string when it is NFC.
const MAY_NEED_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** Text as Liaowang stores it: controls and bidi overrides removed, lone surrogates replaced by U+FFFD, NFC. */
export function cleanText(text: string): string {
  if (!MAY_NEED_CLEANING.test(text)) return text.normalize('NFC');
  return text.replace(LONE_SURROGATE, '\ufffd').replace(UNWANTED, '').normalize('NFC');
}

/** A string that is cleaned, then must still be 1..max characters (max counted before cleaning). */
export const cleanString = (max: number) =>
  z.string().max(max).transform(cleanText).pipe(z.string().trim().min(1, 'must not be empty once control characters are removed'));

/** http(s) only: briefs and reports print these links, so no javascript:, data: or file: (R-REL-3). */
export const httpUrl = z
  .string()
  .max(2_000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

// Year 9999 would make an index of its own and sit on top of "newest" for ever.
const EARLIEST_PUBLISHED = Date.parse('2000-01-01T00:00:00Z');
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/** A publication time with an offset, not before 2000 and at most a day ahead of now (clock skew). */
export const publishedAtSchema = z
  .string()
  .datetime({ offset: true })
  // Not a datetime at all is said once, by the check above.
  .refine((value) => !(Date.parse(value) < EARLIEST_PUBLISHED), 'must not be before 2000-01-01')
  .refine((value) => !(Date.parse(value) > Date.now() + FUTURE_TOLERANCE_MS), 'must not be more than a day in the future');
