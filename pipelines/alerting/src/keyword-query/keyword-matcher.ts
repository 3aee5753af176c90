import { matchForm, parseKeywordQuery, type KeywordQuery, type KeywordTerm } from './keyword-query';

/** Tests a text against a compiled query; `hits` are the terms that made it match (the reasons). */
export type KeywordMatcher = (text: MatchText) => { matched: boolean; hits: string[] };

/** A text in match form, computed once per item and shared by every rule. */
export interface MatchText {
  readonly value: string;
}

export function toMatchText(text: string): MatchText {
  return { value: matchForm(text) };
}

/** Texts already normalised by the enrichment only need lower-casing. */
export function normalizedMatchText(normalized: string): MatchText {
  return { value: normalized.toLowerCase() };
}

/** Compiles a query string (or a parsed tree) into a matcher; no Elasticsearch round trip. */
export function compileKeywordQuery(query: string | KeywordQuery): KeywordMatcher {
  const tree = typeof query === 'string' ? parseKeywordQuery(query) : query;
  return (text) => {
    const hits = new Set<string>();
    const matched = evaluate(tree, text.value, hits);
    return { matched, hits: matched ? [...hits] : [] };
  };
}

function evaluate(query: KeywordQuery, text: string, hits: Set<string>): boolean {
  switch (query.type) {
    case 'term': {
      const found = text.includes(query.match);
      if (found) hits.add(query.text);
      return found;
    }
    case 'and':
      return query.operands.every((operand) => evaluate(operand, text, hits));
    case 'or':
      // Every true branch adds its reasons, so the alert says all that matched.
      return query.operands.map((operand) => evaluate(operand, text, hits)).some(Boolean);
    case 'not':
      // What a NOT excluded is no reason to alert.
      return !evaluate(query.operand, text, new Set());
    case 'near': {
      const found = near(text, query.left, query.right, query.distance);
      if (found) hits.add(`${query.left.text} NEAR/${query.distance} ${query.right.text}`);
      return found;
    }
  }
}

/** Whether some occurrence of each term lies within `distance` characters of the other, in either order. */
function near(text: string, left: KeywordTerm, right: KeywordTerm, distance: number): boolean {
  const rights = occurrences(text, right.match);
  if (rights.length === 0) return false;
  return occurrences(text, left.match).some((l) =>
    rights.some((r) => {
      const gap = l < r ? r - (l + left.match.length) : l - (r + right.match.length);
      return gap <= distance;
    }),
  );
}

function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) found.push(at);
  return found;
}
