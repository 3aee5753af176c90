import { parseKeywordQuery, type KeywordQuery } from '@liaowang/alerting';

/** Most terms watched at once: each is one filter of the counting request. */
export const MAX_WATCHED_KEYWORDS = 200;

/**
 * The watched keywords are the terms the enabled keyword alert rules look for (not those under
 * NOT): an office writes its watch list once, as rules, and both the alerts and the spikes follow
 * it. A query that does not parse is the rule book's to report; it gives no terms here.
 */
export function watchedKeywords(queries: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const query of queries) {
    let parsed: KeywordQuery;
    try {
      parsed = parseKeywordQuery(query);
    } catch {
      continue;
    }
    collect(parsed, terms);
  }
  return [...terms].sort().slice(0, MAX_WATCHED_KEYWORDS);
}

function collect(query: KeywordQuery, into: Set<string>): void {
  switch (query.type) {
    case 'term':
      into.add(query.text.trim());
      return;
    case 'near':
      into.add(query.left.text.trim());
      into.add(query.right.text.trim());
      return;
    case 'and':
    case 'or':
      query.operands.forEach((operand) => collect(operand, into));
      return;
    case 'not':
      return;
  }
}
