import { CATEGORY_IDS, type CategoryId } from '@liaowang/contract';
import { AhoCorasick } from './aho-corasick';
import { MAX_REASONS_PER_CATEGORY, RUMOR_CATEGORY_THRESHOLD } from './category.constant';
import type { TermLists } from './term-list.loader';

export interface CategoryMatch {
  id: CategoryId;
  /** Why: `term:<term>`, `pattern:<label>` or `rumor:<reason of the rumor model>`. */
  reasons: string[];
}

/** What the category matcher needs from the rumor model (R-ENR-3). */
export interface RumorEvidence {
  score: number;
  reasons: readonly string[];
}

export interface CategoryMatcher {
  /**
   * Categories of 001 Art. 7 signalled in a normalised text (R-ENR-4), in the order of
   * CATEGORY_IDS. These are signals for a person to assess, not verdicts.
   */
  match(normalized: string, rumor?: RumorEvidence): CategoryMatch[];
}

interface TermHit {
  category: number;
  reason: string;
}

/**
 * Builds the matcher once from term lists. `normalizeTerm` must be the normalisation applied
 * to texts (simplified, half-width), so a term written in traditional script still matches;
 * both sides are lower-cased for Latin terms such as "vx".
 */
export function createCategoryMatcher(lists: TermLists, normalizeTerm: (term: string) => string): CategoryMatcher {
  const entries: Array<[string, TermHit]> = [];
  const patterns: Array<{ category: number; regex: RegExp; reason: string }> = [];
  CATEGORY_IDS.forEach((id, category) => {
    for (const term of lists[id].terms) {
      const key = normalizeTerm(term).toLowerCase();
      if (key !== '') entries.push([key, { category, reason: `term:${term}` }]);
    }
    for (const p of lists[id].patterns) patterns.push({ category, regex: p.regex, reason: `pattern:${p.label}` });
  });
  const automaton = new AhoCorasick(entries);
  const rumorCategory = CATEGORY_IDS.indexOf('false_alarm_rumor');

  return {
    match(normalized, rumor) {
      const text = normalized.toLowerCase();
      const reasons: Array<Set<string> | undefined> = [];
      const add = (category: number, reason: string): void => {
        const set = (reasons[category] ??= new Set());
        if (set.size < MAX_REASONS_PER_CATEGORY) set.add(reason);
      };
      for (const hit of automaton.search(text)) add(hit.category, hit.reason);
      for (const p of patterns) if (p.regex.test(text)) add(p.category, p.reason);
      if (rumor && rumor.score >= RUMOR_CATEGORY_THRESHOLD) {
        if (rumor.reasons.length === 0) add(rumorCategory, `rumor:score ${rumor.score.toFixed(2)}`);
        for (const reason of rumor.reasons) add(rumorCategory, `rumor:${reason}`);
      }
      const matches: CategoryMatch[] = [];
      reasons.forEach((set, category) => {
        if (set) matches.push({ id: CATEGORY_IDS[category], reasons: [...set] });
      });
      return matches;
    },
  };
}
