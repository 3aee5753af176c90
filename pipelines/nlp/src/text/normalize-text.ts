import { Converter } from 'opencc-js';

// R-ENR-1: one canonical form for analysis. The original text is kept by the caller;
// this form feeds the segmenter, the models and the search index.

// Traditional (any variant) → mainland simplified. Built once: the dictionaries take ~15 ms.
let toSimplified: ((text: string) => string) | undefined;
function simplify(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

// Zero-width and bidi-control characters: invisible, but they split words and defeat matching.
// ZWJ (U+200D) is dropped only when it does not glue an emoji sequence together (👨‍👩‍👧).
const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|\u200D(?!\p{Extended_Pictographic})/gu;
// Links carry no words worth analysing (t.cn short links are opaque); a marker keeps the
// fact that a link was there, which matters for sourcing signals.
const URL_PATTERN = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
// weibo2018 escaped topics, places and links as {%…%}; raw Weibo shows them as plain text.
const CRAWLER_ESCAPE = /\{%|%\}/g;
const WHITESPACE = /\s+/g;

/** Marker left where a URL was. */
export const URL_MARKER = 'URL';

/** Full-width ASCII forms (U+FF01–FF5E) and the ideographic space map to their half-width twins. */
function toHalfWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/**
 * Canonical analysis form of a post (R-ENR-1): half-width, simplified, no invisible
 * characters, links replaced by a marker, whitespace collapsed. Emoji, Weibo emoticon codes
 * like `[泪]`, #topics#, @mentions and `//@` repost chains are kept: they carry sentiment and
 * rumor signals, and the segmenter keeps them whole.
 */
export function normalizeText(text: string): string {
  if (!text) return '';
  let out = text.replace(INVISIBLE, '');
  out = toHalfWidth(out);
  out = out.replace(CRAWLER_ESCAPE, ' ');
  out = out.replace(URL_PATTERN, ` ${URL_MARKER} `);
  out = simplify(out);
  return out.replace(WHITESPACE, ' ').trim();
}
