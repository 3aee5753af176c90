// Full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space fold to plain ASCII one
// UTF-16 unit for one, so the folded text has the same length and every offset found in it
// is also an offset into the original (R-ENR-5: spans point into the raw evidence).
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const FULL_WIDTH_TEST = /[\uFF01-\uFF5E\u3000]/;
const FULL_TO_HALF_OFFSET = 0xfee0;

export function foldWidth(text: string): string {
  if (!FULL_WIDTH_TEST.test(text)) return text;
  return text.replace(FULL_WIDTH, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - FULL_TO_HALF_OFFSET),
  );
}
