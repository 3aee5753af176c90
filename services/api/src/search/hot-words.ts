import { readFileSync } from 'node:fs';
import { STATS_TIME_ZONE, type HotWord, type HotWordsQuery } from '@liaowang/contract';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// Issue 10 item 3: hot words are Elasticsearch's `significant_text` over `tokens` (the
// pipeline's jieba segmentation, whitespace-analysed): the words whose share of the window's
// items is well above their share of all stored items.

/** The window when the caller gives none: the last day. */
export const DEFAULT_HOT_WORDS_WINDOW_MS = 24 * 3600 * 1000;
/** Items per shard the words are drawn from: the most relevant of the window, enough for a chart, cheap on a million items. */
export const HOT_WORDS_SAMPLE = 2_000;
/** A word must be in at least this many items of the window. */
export const HOT_WORDS_MIN_ITEMS = 2;

// Words of at least two Han characters, or Latin words of three letters and more. Numbers never
// qualify: phone, card and ID numbers are segmented from the raw text and are masked in what a
// reader sees, so they must not come back as a "hot word"; nor do single characters, emoji,
// punctuation or the URL marker. (Lucene regular expression, whole-term match.)
export const HOT_WORD_PATTERN = '[\u4e00-\u9fff]{2,}|[a-zA-Z]{3,}';

let stopWords: string[] | undefined;

/** Chinese and English stop words of `stopwords-iso` (both scripts turn up in posts). */
export function hotWordStopWords(): string[] {
  if (!stopWords) {
    const lists = JSON.parse(readFileSync(require.resolve('stopwords-iso/stopwords-iso.json'), 'utf8')) as Record<string, string[]>;
    const keep = (w: string) => new RegExp(`^(?:${HOT_WORD_PATTERN})$`).test(w);
    // Only words the pattern would let through need excluding: a shorter request.
    stopWords = [...new Set([...lists.zh, ...lists.en, ...lists.en.map((w) => w.toUpperCase())])].filter(keep);
  }
  return stopWords;
}

export interface HotWordsWindow {
  since: string;
  until: string;
}

/** The window asked for, filled in from the defaults, written in Asia/Shanghai (+08:00). */
export function hotWordsWindow(query: Pick<HotWordsQuery, 'since' | 'until'>, now = new Date()): HotWordsWindow {
  const until = query.until ? Date.parse(query.until) : now.getTime();
  const since = query.since ? Date.parse(query.since) : until - DEFAULT_HOT_WORDS_WINDOW_MS;
  const shanghai = (ms: number) => dayjs(ms).tz(STATS_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
  return { since: shanghai(since), until: shanghai(until) };
}

/**
 * The query and aggregation: the window (publishedAt ≥ since, < until) and the story are the
 * foreground; the background is the whole items alias. A reader without the right to raw
 * evidence does not get words from items whose text had an address masked (an address is
 * written in words, which the pattern would let through).
 */
export function hotWordsSearch(query: HotWordsQuery, window: HotWordsWindow, options: { matchRawText: boolean }) {
  const filter: object[] = [{ range: { publishedAt: { gte: window.since, lt: window.until } } }];
  if (query.storyId) filter.push({ term: { storyId: query.storyId } });
  const mustNot = options.matchRawText ? [] : [{ term: { piiTypes: 'address' } }];
  return {
    query: { bool: { filter, must_not: mustNot } },
    aggregations: {
      sample: {
        sampler: { shard_size: HOT_WORDS_SAMPLE },
        aggregations: {
          words: {
            significant_text: {
              field: 'tokens',
              size: query.size,
              min_doc_count: HOT_WORDS_MIN_ITEMS,
              include: HOT_WORD_PATTERN,
              exclude: hotWordStopWords(),
            },
          },
        },
      },
    },
  };
}

export interface SignificantTextAggregation {
  doc_count: number;
  words?: { buckets: { key: string; doc_count: number; bg_count: number; score: number }[] };
}

/** The words of the aggregation, most significant first. */
export function hotWordsOf(sample: SignificantTextAggregation | undefined): HotWord[] {
  return (sample?.words?.buckets ?? []).map((b) => ({
    word: b.key,
    count: b.doc_count,
    backgroundCount: b.bg_count,
    score: Math.round(b.score * 1000) / 1000,
  }));
}
