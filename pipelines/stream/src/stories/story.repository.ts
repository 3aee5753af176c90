import {
  itemsIndex,
  STORIES_INDEX_NAME,
  STORY_BANDS_INDEX_NAME,
  type ItemDocument,
  type Story,
} from '@liaowang/contract';
import { foundDocs, type ElasticsearchClient } from '@liaowang/platform';
import { chooseHome, storedHomes } from '../item-homes';
import { NEWEST_ITEMS, VELOCITY_WINDOW_MS, type StoryFigures } from './story-aggregate';
import type { BandClaim, StoryIdentity, StoryStore } from './story-assigner';

/** A band claim document (storyBandsIndex): its owner (the first claimant) and the other stories on it. */
interface StoredBandClaim {
  band: string;
  storyId: string;
  claimant?: Omit<BandClaim, 'storyId'>;
  members?: string[];
}

/**
 * Stories counted per aggregation: each brings up to 128 buckets (20 platforms, 40 + 40 regions, 20
 * categories, 3 sentiments, its filters), a search may hold at most 65,536 (search.max_buckets),
 * and a large batch of new stories would pass that: the count, refused, would be retried for ever
 * and stall the partition.
 */
const FIGURES_STORIES = 500;

/** Batches of at least this many items refresh at once (see setStoryIds): at most a few a second. */
const REFRESH_AT_ONCE_FROM = 500;

/** Members kept per band beyond its owner (the newest): bounds the candidates of an item. */
const MAX_BAND_MEMBERS = 16;

const bandClaimDocument = (story: StoryIdentity, founding: boolean): Omit<StoredBandClaim, 'band'> => ({
  storyId: story.id,
  claimant: { title: story.title, titleItemId: story.titleItemId, fingerprints: story.fingerprints, founding },
});

type Bucket = { key: string; doc_count: number };
const counts = (agg: unknown) => ((agg as { buckets: Bucket[] }).buckets ?? []).map((b) => ({ key: String(b.key), count: b.doc_count }));

/** Counts of one key in several lists added up, the largest first (ties in code point order, as Elasticsearch's). */
function addCounts(...lists: { key: string; count: number }[][]): { key: string; count: number }[] {
  const total = new Map<string, number>();
  for (const { key, count } of lists.flat()) total.set(key, (total.get(key) ?? 0) + count);
  return [...total].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The stories indices and the story fields of the items, in Elasticsearch. */
export class StoryRepository implements StoryStore {
  /** Homes found by the last `items` call, used by the `setStoryIds` of the same batch. */
  private homeOf = new Map<string, string>();

  /** `itemsAlias`: where the figures are counted (a scratch index in a test). */
  constructor(
    private readonly es: ElasticsearchClient,
    private readonly itemsAlias: string = itemsIndex.alias,
  ) {}

  /**
   * The month index of each item (the one-document rule): where the alias holds the id, else
   * the month of its publishedAt (an item indexed moments ago, not yet refreshed, is new there).
   */
  private async homes(refs: readonly { id: string; publishedAt: string }[]): Promise<Map<string, string>> {
    const stored = await storedHomes(this.es, refs.map((r) => r.id));
    return new Map(refs.map((r) => [r.id, chooseHome(r.publishedAt, stored.get(r.id)).index]));
  }

  /** The stored items (fingerprint, text) of indexed items, by id and month index. */
  async items(refs: readonly { id: string; publishedAt: string }[]): Promise<Map<string, Pick<ItemDocument, 'id' | 'fingerprint' | 'text' | 'masked'>>> {
    if (refs.length === 0) return new Map();
    this.homeOf = await this.homes(refs);
    const response = await this.es.mget<ItemDocument>({
      docs: refs.map((r) => ({ _index: this.homeOf.get(r.id)!, _id: r.id, _source: ['id', 'fingerprint', 'text', 'masked'] })),
    });
    return new Map(foundDocs(response.docs, 'item').map((doc) => [doc.id, doc.source]));
  }

  async bandOwners(bands: readonly string[]): Promise<Map<string, string[]>> {
    if (bands.length === 0) return new Map();
    const response = await this.es.mget<StoredBandClaim>({ index: STORY_BANDS_INDEX_NAME, ids: [...bands] });
    return new Map(foundDocs(response.docs, 'band').map((doc) => [doc.id, [doc.source.storyId, ...(doc.source.members ?? [])]]));
  }

  async stories(ids: readonly string[]): Promise<Map<string, StoryIdentity>> {
    if (ids.length === 0) return new Map();
    const response = await this.es.mget<Story>({ index: STORIES_INDEX_NAME, ids: [...ids], _source: ['id', 'title', 'titleItemId', 'fingerprints', 'bands'] });
    return new Map(foundDocs(response.docs, 'story').map((doc) => [doc.id, doc.source]));
  }

  async claim(bands: readonly string[], story: StoryIdentity, founding: boolean): Promise<Map<string, BandClaim>> {
    if (bands.length === 0) return new Map();
    const claimDoc = bandClaimDocument(story, founding);
    const response = await this.es.bulk({
      operations: bands.flatMap((band) => [{ create: { _index: STORY_BANDS_INDEX_NAME, _id: band } }, { band, ...claimDoc }]),
    });
    const conflicts = response.items.filter((entry) => entry.create?.status === 409).map((entry) => entry.create!._id!);
    const failed = response.items.find((entry) => entry.create?.error && entry.create.status !== 409);
    if (failed) throw new Error(`band claim ${failed.create!.status}: ${failed.create!.error!.reason}`);
    if (conflicts.length === 0) return new Map();
    // The story is also a member of the bands another story owns, or it could never be found
    // once most band keys are owned (8 × 256 of them: a few hundred stories take most).
    await this.updateBands(conflicts, (doc) => {
      const members = doc.members ?? [];
      if (doc.storyId === story.id || members.includes(story.id)) return undefined;
      return { ...doc, members: [...members, story.id].slice(-MAX_BAND_MEMBERS) };
    });
    const owners = await this.es.mget<StoredBandClaim>({ index: STORY_BANDS_INDEX_NAME, ids: conflicts });
    const taken = new Map<string, BandClaim>();
    for (const doc of foundDocs(owners.docs, 'band')) {
      if (doc.source.storyId === story.id) continue;
      const { storyId, claimant } = doc.source;
      // A claim written before version 2 names only its story; its document exists by now.
      taken.set(doc.id, { storyId, title: claimant?.title ?? '', titleItemId: claimant?.titleItemId ?? '', fingerprints: claimant?.fingerprints ?? [], founding: claimant?.founding ?? false });
    }
    return taken;
  }

  async reassign(bands: readonly string[], story: StoryIdentity): Promise<void> {
    if (bands.length === 0) return;
    const claimDoc = bandClaimDocument(story, false);
    // The other members of each band stay members.
    await this.updateBands(bands, (doc) => ({ ...doc, ...claimDoc, members: (doc.members ?? []).filter((id) => id !== story.id) }));
  }

  /**
   * Read-modify-write of band documents with optimistic concurrency (if_seq_no), retried on
   * conflict: the test distribution of Elasticsearch has no scripting. `change` answers the new
   * document, or undefined to leave it.
   */
  private async updateBands(bands: readonly string[], change: (doc: StoredBandClaim) => StoredBandClaim | undefined): Promise<void> {
    let pending = [...bands];
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 20) throw new Error(`band update kept conflicting: ${pending.join(', ')}`);
      const current = await this.es.mget<StoredBandClaim>({ index: STORY_BANDS_INDEX_NAME, ids: pending });
      const operations: object[] = [];
      for (const doc of foundDocs(current.docs, 'band')) {
        const next = change(doc.source);
        if (next) operations.push({ index: { _index: STORY_BANDS_INDEX_NAME, _id: doc.id, if_seq_no: doc.seqNo, if_primary_term: doc.primaryTerm } }, next);
      }
      if (operations.length === 0) return;
      const response = await this.es.bulk({ operations });
      const failed = response.items.find((entry) => entry.index?.error && entry.index.status !== 409);
      if (failed) throw new Error(`band update ${failed.index!.status}: ${failed.index!.error!.reason}`);
      pending = response.items.filter((entry) => entry.index?.status === 409).map((entry) => entry.index!._id!);
    }
  }

  /**
   * Writes each item's storyId into its month index, visible to the figures counted next. A large
   * batch (a burst) refreshes the shards it wrote to at once rather than waiting for their next
   * scheduled refresh: `wait_for` parked every batch for up to the 1 s interval, the stage's main
   * cost in a burst (bench/stories-rate.js). A small one waits: at the usual rates batches are a few
   * items each, and a forced refresh for each would make a segment of a few documents many times a second.
   */
  async setStoryIds(items: readonly { id: string; publishedAt: string; storyId: string }[]): Promise<void> {
    if (items.length === 0) return;
    const missing = items.filter((i) => !this.homeOf.has(i.id));
    const homes = missing.length > 0 ? new Map([...this.homeOf, ...(await this.homes(missing))]) : this.homeOf;
    const response = await this.es.bulk({
      refresh: items.length >= REFRESH_AT_ONCE_FROM ? true : 'wait_for',
      operations: items.flatMap((i) => [{ update: { _index: homes.get(i.id)!, _id: i.id } }, { doc: { storyId: i.storyId } }]),
    });
    const failed = response.items.find((entry) => entry.update?.error);
    if (failed) throw new Error(`storyId update ${failed.update!.status}: ${failed.update!.error!.reason}`);
  }

  /** The figures of each story, counted over its items in the items index. */
  async figures(storyIds: readonly string[], now: Date): Promise<Map<string, StoryFigures>> {
    const figures = new Map<string, StoryFigures>();
    for (let start = 0; start < storyIds.length; start += FIGURES_STORIES) {
      for (const [id, figure] of await this.figuresOf(storyIds.slice(start, start + FIGURES_STORIES), now)) figures.set(id, figure);
    }
    return figures;
  }

  private async figuresOf(storyIds: readonly string[], now: Date): Promise<Map<string, StoryFigures>> {
    const t = now.getTime();
    const response = await this.es.search({
      index: this.itemsAlias,
      size: 0,
      query: { terms: { storyId: [...storyIds] } },
      aggregations: {
        stories: {
          terms: { field: 'storyId', size: storyIds.length },
          aggregations: {
            authors: { cardinality: { field: 'author.id' } },
            firstSeen: { min: { field: 'publishedAt' } },
            lastSeen: { max: { field: 'publishedAt' } },
            platforms: { terms: { field: 'platform', size: 20 } },
            // The province each item is placed in (the indexer's `place`, from its region field or
            // its text); an item with no place counts under its region as sent, if it has one.
            regions: { terms: { field: 'place.province', size: 40 } },
            unplaced: {
              filter: { bool: { must_not: { exists: { field: 'place.province' } } } },
              aggregations: { regions: { terms: { field: 'region', size: 40 } } },
            },
            categories: { terms: { field: 'categories', size: 20 } },
            sentiment: { terms: { field: 'sentiment.label', size: 3 } },
            rumorPeak: { max: { field: 'rumor.score' } },
            rumorMean: { avg: { field: 'rumor.score' } },
            current: { filter: { range: { publishedAt: { gt: new Date(t - VELOCITY_WINDOW_MS).toISOString(), lte: now.toISOString() } } } },
            previous: { filter: { range: { publishedAt: { gt: new Date(t - 2 * VELOCITY_WINDOW_MS).toISOString(), lte: new Date(t - VELOCITY_WINDOW_MS).toISOString() } } } },
            newest: { top_hits: { size: NEWEST_ITEMS, sort: [{ publishedAt: 'desc' }], _source: false } },
          },
        },
      },
    });
    const figures = new Map<string, StoryFigures>();
    type Agg = Record<string, { value?: number; value_as_string?: string; doc_count?: number; hits?: { hits: { _id: string }[] } }>;
    for (const bucket of (response.aggregations?.stories as { buckets: (Bucket & Agg)[] }).buckets) {
      figures.set(bucket.key, {
        volume: bucket.doc_count,
        authors: bucket.authors.value ?? 0,
        firstSeen: bucket.firstSeen.value_as_string ?? new Date(bucket.firstSeen.value ?? t).toISOString(),
        lastSeen: bucket.lastSeen.value_as_string ?? new Date(bucket.lastSeen.value ?? t).toISOString(),
        platforms: counts(bucket.platforms),
        regions: addCounts(counts(bucket.regions), counts((bucket.unplaced as { regions?: unknown }).regions)),
        categories: counts(bucket.categories),
        sentiment: counts(bucket.sentiment),
        rumorPeak: bucket.rumorPeak.value ?? 0,
        rumorMean: bucket.rumorMean.value ?? 0,
        current: bucket.current.doc_count ?? 0,
        previous: bucket.previous.doc_count ?? 0,
        newestItemIds: bucket.newest.hits?.hits.map((h) => h._id) ?? [],
      });
    }
    return figures;
  }

  async write(stories: readonly Story[]): Promise<void> {
    if (stories.length === 0) return;
    const response = await this.es.bulk({ operations: stories.flatMap((s) => [{ index: { _index: STORIES_INDEX_NAME, _id: s.id } }, s]) });
    const failed = response.items.find((entry) => entry.index?.error);
    if (failed) throw new Error(`story write ${failed.index!.status}: ${failed.index!.error!.reason}`);
  }
}
