import { generate, type Parser } from 'peggy';
import { normalizeText } from '@liaowang/nlp';
import { KEYWORD_QUERY_GRAMMAR } from './keyword-query.grammar';

/** A parsed keyword query. Terms are kept as written and in the analysis form that is matched. */
export type KeywordQuery =
  | { type: 'term'; text: string; match: string }
  | { type: 'and'; operands: KeywordQuery[] }
  | { type: 'or'; operands: KeywordQuery[] }
  | { type: 'not'; operand: KeywordQuery }
  | { type: 'near'; left: KeywordTerm; right: KeywordTerm; distance: number };
export type KeywordTerm = Extract<KeywordQuery, { type: 'term' }>;

/** A query that does not parse; `offset` is where, in characters, for the editor to point at. */
export class KeywordQueryError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'KeywordQueryError';
  }
}

export const MAX_NEAR_DISTANCE = 200;

let parser: Parser | undefined;

// The same canonical form as the enrichment's `normalized` text (simplified, half-width),
// lower-cased so Latin words match in any case.
export function matchForm(text: string): string {
  return normalizeText(text).toLowerCase();
}

/** Parses a keyword query; throws KeywordQueryError with a position on bad syntax. */
export function parseKeywordQuery(text: string): KeywordQuery {
  // Generated once per process: about a millisecond, and rules are parsed far more often.
  parser ??= generate(KEYWORD_QUERY_GRAMMAR);
  let query: KeywordQuery;
  try {
    query = parser.parse(text, {
      term: (raw: string, location: { start: { offset: number } }) => {
        const match = matchForm(raw);
        if (!match) throw new KeywordQueryError('empty phrase', location.start.offset);
        return { type: 'term', text: raw, match };
      },
    } as never) as unknown as KeywordQuery;
  } catch (error) {
    if (error instanceof KeywordQueryError) throw error;
    const located = error as { message: string; location?: { start: { offset: number } } };
    throw new KeywordQueryError(located.message, located.location?.start.offset ?? 0);
  }
  checkNear(query);
  return query;
}

function checkNear(query: KeywordQuery): void {
  switch (query.type) {
    case 'near':
      if (query.distance > MAX_NEAR_DISTANCE) throw new KeywordQueryError(`NEAR/${query.distance}: at most ${MAX_NEAR_DISTANCE} characters`, 0);
      return;
    case 'and':
    case 'or':
      return query.operands.forEach(checkNear);
    case 'not':
      return checkNear(query.operand);
    case 'term':
      return;
  }
}
