/** One category's signals: plain terms and regular-expression patterns (R-ENR-4). */
export interface TermList {
  terms: string[];
  patterns: TermPattern[];
}

export interface TermPattern {
  regex: RegExp;
  /** What the reason says when the pattern fires: the label, or the pattern's source. */
  label: string;
}

/** Thrown when a term file cannot be used; names the file and line so it can be fixed. */
export class TermListError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${source}:${line}: ${reason}`);
    this.name = 'TermListError';
  }
}

// `/regex/` optionally followed by a label: `/加\s*(微信|vx)/ 加微信`.
const PATTERN_LINE = /^\/(.+)\/(?:\s+(.+))?$/;

/**
 * Parses a term file: one term or `/regex/ [label]` per line, `#` starts a comment line,
 * blank lines are ignored. Patterns are case-insensitive. A bad regex is an error, not a
 * silent skip: an administrator must learn that their rule does not work.
 */
export function parseTermList(content: string, source: string): TermList {
  const list: TermList = { terms: [], patterns: [] };
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const pattern = PATTERN_LINE.exec(line);
    if (!pattern) {
      list.terms.push(line);
      return;
    }
    try {
      list.patterns.push({ regex: new RegExp(pattern[1], 'i'), label: pattern[2]?.trim() || `/${pattern[1]}/` });
    } catch (error) {
      throw new TermListError(source, index + 1, `invalid pattern: ${(error as Error).message}`);
    }
  });
  return list;
}

/** Both lists' terms and patterns together. */
export function mergeTermLists(a: TermList, b: TermList): TermList {
  return { terms: [...a.terms, ...b.terms], patterns: [...a.patterns, ...b.patterns] };
}
