// What a repost adds around the story's text, removed before fingerprinting so the copies of
// one story land on (nearly) the same fingerprint (R-ENR-6).

const REPOST_MARKER = '//@';
const URL = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef]+/gi;
// The marker normalizeText leaves where a link was, as a word of its own.
const URL_MARKER = /(?<![A-Za-z])URL(?![A-Za-z])/g;
// @name up to whitespace, punctuation or a colon; Weibo names are at most 30 characters.
const MENTION = /@[^\s@:：,，。!！?？、;；]{1,30}[:：]?/g;
// Boilerplate a repost carries when the reposter wrote nothing of their own.
const BOILERPLATE = /^(?:转发微博|转发|轉發微博|repost|rt)$/i;
// Letters and digits only: punctuation, spacing and emoji vary between copies of one text.
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** Below this many characters the reposter's own words are too few to stand for the post. */
const MIN_OWN_CHARS = 4;

/** Text of a post that identifies its story: own words without repost chain, links, mentions. */
export function fingerprintText(normalized: string): string {
  const chainAt = normalized.indexOf(REPOST_MARKER);
  if (chainAt >= 0) {
    const own = clean(normalized.slice(0, chainAt));
    if (own.length >= MIN_OWN_CHARS && !BOILERPLATE.test(own)) return own;
    // The reposter added nothing of note: the chain (without the names) stands for the story.
    return clean(normalized.slice(chainAt).split(REPOST_MARKER).join(' @'));
  }
  const whole = clean(normalized);
  return BOILERPLATE.test(whole) ? '' : whole;
}

function clean(text: string): string {
  return text.replace(URL, ' ').replace(URL_MARKER, ' ').replace(MENTION, ' ').replace(NOT_WORD, '').toLowerCase();
}
