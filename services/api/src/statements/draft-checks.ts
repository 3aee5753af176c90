import { SECRECY_MARKERS, type CategoryId, type DraftFinding } from '@liaowang/contract';
import {
  createCategoryMatcher,
  detectPii,
  loadTermLists,
  maskOne,
  normalizeText,
  type CategoryMatcher,
  type TermLists,
} from '@liaowang/nlp';

/**
 * The pre-sign-off checks of a statement (R-CASE-3): the nine prohibited categories (001 Art. 7),
 * personal data that must not be published (003 Art. 21), and secrecy markers (001 Art. 8 内外有别,
 * 004 Art. 14). Each finding carries its place in the text, so the reviewer sees the risk beside it.
 */
export interface DraftChecker {
  check(text: string): DraftFinding[];
}

/** Built once: the term lists are read from disk and compiled. */
export function createDraftChecker(lists: TermLists = loadTermLists()): DraftChecker {
  const matcher: CategoryMatcher = createCategoryMatcher(lists, normalizeText);
  return {
    check(text) {
      const findings = [...categoryFindings(text, matcher, lists), ...piiFindings(text), ...secrecyFindings(text)];
      return findings.sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
    },
  };
}

function categoryFindings(text: string, matcher: CategoryMatcher, lists: TermLists): DraftFinding[] {
  // No rumor model here: a rebuttal quotes the rumor it answers, and the model would flag that.
  const findings: DraftFinding[] = [];
  for (const match of matcher.match(normalizeText(text))) {
    for (const reason of match.reasons) {
      const spans = reason.startsWith('term:')
        ? termSpans(text, reason.slice('term:'.length))
        : patternSpans(text, lists, match.id, reason.slice('pattern:'.length));
      if (spans.length === 0) findings.push({ kind: 'category', code: match.id, excerpt: '', reason });
      for (const [start, end] of spans)
        findings.push({ kind: 'category', code: match.id, start, end, excerpt: text.slice(start, end), reason });
    }
  }
  return findings;
}

// The matcher works on normalised text; positions are looked up in the text as written, by the
// term as listed and by its normalised (simplified, half-width) form.
function termSpans(text: string, term: string): Array<[number, number]> {
  const haystack = text.toLowerCase();
  const spans: Array<[number, number]> = [];
  for (const needle of new Set([term.toLowerCase(), normalizeText(term).toLowerCase()])) {
    if (needle === '') continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      if (!spans.some(([s]) => s === at)) spans.push([at, at + needle.length]);
    }
  }
  return spans;
}

function patternSpans(text: string, lists: TermLists, id: CategoryId, label: string): Array<[number, number]> {
  const pattern = lists[id].patterns.find((p) => p.label === label);
  if (!pattern) return [];
  const global = new RegExp(
    pattern.regex.source,
    pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`,
  );
  return [...text.matchAll(global)].filter((m) => m[0] !== '').map((m) => [m.index, m.index + m[0].length]);
}

function piiFindings(text: string): DraftFinding[] {
  // The excerpt is masked: the check result is stored with the case and must not copy the data.
  return detectPii(text).map((span) => ({
    kind: 'pii',
    code: span.type,
    start: span.start,
    end: span.end,
    excerpt: maskOne(span.type, text.slice(span.start, span.end)),
  }));
}

// Longest markers first, so 内部资料 is one finding and not also 内部.
const MARKERS_LONGEST_FIRST = [...SECRECY_MARKERS].sort((a, b) => b.length - a.length);

function secrecyFindings(text: string): DraftFinding[] {
  const findings: DraftFinding[] = [];
  for (const marker of MARKERS_LONGEST_FIRST) {
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) {
      const end = at + marker.length;
      if (findings.some((f) => f.start! < end && at < f.end!)) continue;
      findings.push({ kind: 'secrecy', code: marker, start: at, end, excerpt: marker });
    }
  }
  return findings;
}
