import { identityText, shortDigest, type Feed } from '@liaowang/contract';

/** One entry of an RSS 2.0 or Atom feed, as the feed parser gives it (fields used here only). */
export interface FeedEntry {
  guid?: string;
  id?: string;
  link?: string;
  title?: string;
  contentSnippet?: string;
  content?: string;
  summary?: string;
  creator?: string;
  author?: unknown;
  isoDate?: string;
}

/** Longest source id the contract takes; a longer guid or link is replaced by its digest. */
const MAX_SOURCE_ID = 200;

/** The entry's stable source id: its guid (RSS) or id (Atom), else its link. */
export function entrySourceId(entry: FeedEntry): string | undefined {
  const id = [entry.guid, entry.id, entry.link].find((value) => typeof value === 'string' && value.trim() !== '')?.trim();
  if (id === undefined) return undefined;
  return id.length <= MAX_SOURCE_ID ? id : `sha:${shortDigest(id, 40)}`;
}

/** The words of an entry that keywords are looked for in. */
function entryText(entry: FeedEntry): string {
  return [entry.title, entry.contentSnippet ?? entry.summary ?? entry.content].filter((part) => typeof part === 'string' && part.trim() !== '').join('\n');
}

/**
 * Whether an entry is a mention: its title or text contains one of the keywords, compared as
 * identity text (full-width folded, case ignored). A feed without keywords takes every entry.
 */
export function entryMatches(entry: FeedEntry, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return true;
  const text = identityText(entryText(entry));
  return keywords.some((keyword) => {
    const wanted = identityText(keyword);
    return wanted !== '' && text.includes(wanted);
  });
}

function authorName(entry: FeedEntry): string | undefined {
  const author = entry.creator ?? entry.author;
  if (typeof author === 'string' && author.trim() !== '') return author.trim();
  const name = (author as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/**
 * The mention payload of an entry, as the push endpoint would take it: validated by the
 * contract afterwards like any other. The author is the entry's, else the feed's site.
 */
export function mentionPayloadFor(entry: FeedEntry, feed: Pick<Feed, 'platform' | 'url'>, feedTitle: string | undefined, now = new Date()): Record<string, unknown> {
  const site = new URL(feed.url).host;
  const name = authorName(entry);
  return {
    kind: 'mention',
    sourceId: entrySourceId(entry),
    platform: feed.platform,
    author: { id: name ?? site, name: name ?? feedTitle?.trim() ?? site },
    text: entryText(entry),
    url: entry.link,
    publishedAt: entry.isoDate ?? now.toISOString(),
  };
}

/** Longest wait between polls of a failing feed. */
export const MAX_BACKOFF_MS = 3_600_000;

/**
 * When a feed is next polled after `failures` failed polls in a row: its interval when well,
 * then twice, four times … its interval, at most an hour (R-ING-2 back-off).
 */
export function nextPollDelayMs(intervalMs: number, failures: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(intervalMs * 2 ** failures, Math.max(MAX_BACKOFF_MS, intervalMs));
}
