import type { EnrichedItem, ItemSummary } from '../enriched-item';
import type { CommentContext, ImpostorReportContext } from '../item';
import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ENR-7: Chinese is segmented in the pipeline; `tokens` holds the words joined by spaces
// (whitespace analyzer), `text` keeps the standard analyzer (one token per Han character)
// for phrase matching. Neither needs a plugin, so the same template runs on every distribution.
export const itemsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-items',
  templateName: 'liaowang-items-v1',
  // 2: `place` (province / city with GB/T 2260 codes), added to live indices at start.
  version: 2,
  indexPatterns: ['liaowang-items-*'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      kind: keyword,
      platform: keyword,
      author: { properties: { id: keyword, name: keyword } },
      text: { type: 'text', analyzer: 'standard' },
      masked: { type: 'text', analyzer: 'standard' },
      tokens: { type: 'text', analyzer: 'whitespace' },
      url: { type: 'keyword', index: false },
      publishedAt: date,
      receivedAt: date,
      enrichedAt: date,
      threadId: keyword,
      region: keyword,
      // Resolved by the indexer from `region` or from place names in the text (issue 10 item 3).
      place: { properties: { provinceCode: keyword, province: keyword, cityCode: keyword, city: keyword, source: keyword } },
      raw: { type: 'object', enabled: false },
      sentiment: { properties: { label: keyword, score: { type: 'float' } } },
      rumor: { properties: { score: { type: 'float' }, reasons: keyword } },
      categories: keyword,
      categoryReasons: { type: 'object', enabled: false },
      pii: { type: 'object', enabled: false },
      piiTypes: keyword,
      fingerprint: keyword,
      modelVersion: keyword,
      // Written onto the stored item by the stories stage (partial update), R-ENR-6.
      storyId: keyword,
      // R-ING-1: where a comment was left, and which account a report is about; the reporter's
      // contact details are kept but not searchable.
      comment: {
        properties: {
          account: { properties: { id: keyword, name: keyword } },
          post: { properties: { id: keyword, url: { type: 'keyword', index: false }, title: { type: 'text', analyzer: 'standard' } } },
          inReplyTo: keyword,
        },
      },
      impostorReport: {
        properties: {
          reportedAccount: {
            properties: {
              platform: keyword,
              displayName: keyword,
              handle: keyword,
              url: keyword,
              avatarUrl: { type: 'keyword', index: false },
              bio: { type: 'text', analyzer: 'standard' },
              followerCount: { type: 'long' },
            },
          },
          reporter: { type: 'object', enabled: false },
          evidenceUrls: { type: 'keyword', index: false },
        },
      },
    },
  },
};

/** The concrete monthly index an item goes to, by the time it was published (Asia/Shanghai month). */
export function itemsIndexFor(publishedAt: string): string {
  const shanghai = new Date(Date.parse(publishedAt) + 8 * 3600 * 1000);
  const month = String(shanghai.getUTCMonth() + 1).padStart(2, '0');
  return `liaowang-items-${shanghai.getUTCFullYear()}.${month}`;
}

/**
 * Province and, when known, prefecture-level city of an item, with their GB/T 2260 codes
 * (six digits); `source` says whether the item's own `region` field or its text named it.
 */
export interface ItemPlace {
  provinceCode: string;
  province: string;
  cityCode?: string;
  city?: string;
  source: 'region' | 'text';
}

/** The document stored in the items index: the enriched item flattened for search and facets. */
export interface ItemDocument {
  id: string;
  kind: EnrichedItem['kind'];
  platform: string;
  author: { id: string; name: string };
  text: string;
  masked: string;
  tokens: string;
  url?: string;
  publishedAt: string;
  receivedAt: string;
  enrichedAt: string;
  threadId: string;
  region?: string;
  place?: ItemPlace;
  raw: unknown;
  sentiment: EnrichedItem['enrichment']['sentiment'];
  rumor: EnrichedItem['enrichment']['rumor'];
  categories: string[];
  categoryReasons: EnrichedItem['enrichment']['categories'];
  pii: EnrichedItem['enrichment']['pii'];
  piiTypes: string[];
  fingerprint: string;
  modelVersion: string;
  storyId?: string;
  comment?: CommentContext;
  impostorReport?: ImpostorReportContext;
}

/** `place` is resolved by the indexer (the divisions table is not the contract's to carry). */
export function toItemDocument(item: EnrichedItem, place?: ItemPlace): ItemDocument {
  const e = item.enrichment;
  return {
    id: item.id,
    kind: item.kind,
    platform: item.platform,
    author: item.author,
    text: item.text,
    masked: e.masked,
    tokens: e.tokens.join(' '),
    url: item.url,
    publishedAt: item.publishedAt,
    receivedAt: item.receivedAt,
    enrichedAt: item.enrichedAt,
    threadId: item.threadId,
    region: item.region,
    ...(place ? { place } : {}),
    raw: item.raw,
    sentiment: e.sentiment,
    // rumor.level is derived from the score and not mapped: a monthly index created before it
    // exists would refuse the document under the strict mapping.
    rumor: { score: e.rumor.score, reasons: e.rumor.reasons },
    categories: e.categories.map((c) => c.id),
    categoryReasons: e.categories,
    pii: e.pii,
    piiTypes: [...new Set(e.pii.map((p) => p.type))],
    fingerprint: e.fingerprint,
    modelVersion: e.modelVersion,
    ...(item.comment ? { comment: item.comment } : {}),
    ...(item.impostorReport ? { impostorReport: item.impostorReport } : {}),
  };
}

/** What a reader without the right to raw evidence may see of a stored item (R-ENR-5). */
export function itemDocumentSummary(doc: ItemDocument, highlight?: string): ItemSummary {
  return {
    id: doc.id,
    kind: doc.kind,
    platform: doc.platform,
    authorName: doc.author.name,
    text: doc.masked,
    url: doc.url,
    publishedAt: doc.publishedAt,
    receivedAt: doc.receivedAt,
    region: doc.region,
    sentiment: doc.sentiment,
    rumorScore: doc.rumor.score,
    categories: doc.categories,
    storyId: doc.storyId,
    highlight,
  };
}
