// What a repost adds around the story's text, removed before fingerprinting so the copies of
// one story land on (nearly) the same fingerprint (R-ENR-6).

const REPOST_MARKER = '//@';
// Links (normalizeText has usually replaced them by its marker "URL" already), that marker
// as a word of its own, and @name up to whitespace, punctuation or a colon (Weibo names are at
// most 30 characters). One alternation, so the text is scanned once.
const NOISE =
  /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef]+|(?<![a-z])url(?![a-z])|@[^\s@:：,，。!！?？、;；]{1,30}[:：]?/gi;
// #topics# a reposter adds to ride a trending tag (#紧急扩散#, #化工厂偷排#): they change a copy's
// shingles as much as a sentence would, but not its story.
const HASHTAG = /#[^#\n]{1,40}#/g;
// Boilerplate a repost carries when the reposter wrote nothing of their own.
const BOILERPLATE = /^(?:转发微博|转发|轉發微博|repost|rt)$/i;
// Punctuation, spacing, symbols and emoji vary between copies of one text; only letters and
// digits stay. Spelled out as ranges because /[^\p{L}\p{N}]/u costs several times more per
// post. Every astral character goes with the emoji (rare Han of extension B included).
const NOT_WORD =
  /[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u2bff\u3000-\u303f\ufe00-\ufe6f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ud800-\udfff]+/g;
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
  const words = (t: string) => t.replace(NOISE, ' ').replace(NOT_WORD, '').toLowerCase();
  const withoutTags = words(text.replace(HASHTAG, ' '));
  // A post of hashtags alone is told by its tags.
  return withoutTags.length >= MIN_OWN_CHARS ? withoutTags : words(text);
}
