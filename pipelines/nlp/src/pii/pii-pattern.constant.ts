// Pieces shared by the number detectors. They run on width-folded text (see width-fold.ts).

/** A number must not continue a longer run of digits or letters (order ids, hashes, URLs). */
export const NOT_AFTER_ALNUM = '(?<![0-9A-Za-z])';
export const NOT_BEFORE_ALNUM = '(?![0-9A-Za-z])';
/** One optional separator people put inside numbers: space, dash, or a zero-width character. */
export const SEP = '[ \\-\\u200B-\\u200D\\uFEFF]?';
/** Characters removed from a matched number before it is validated. */
export const SEPARATORS = /[^0-9Xx]/g;
