import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const counts = { type: 'object', enabled: false } as const;

// R-ENR-6: one index, not split by time: a story is updated in place while it lives (days),
// so a writer would otherwise have to find which period's index holds it; stories are few
// (thousands a day, not millions). Derived data, rebuilt from the items: not of record.
// Version 2 (additive, same index): `title.raw` and the `facets` keywords (R-ENR-7).
export const storiesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-stories',
  templateName: 'liaowang-stories-v1',
  version: 2,
  indexPatterns: ['liaowang-stories-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      title: { type: 'text', analyzer: 'standard', fields: { raw: { type: 'keyword', ignore_above: 512 } } },
      titleItemId: keyword,
      firstSeen: date,
      lastSeen: date,
      volume: { type: 'integer' },
      authors: { type: 'integer' },
      platforms: counts,
      regions: counts,
      categories: counts,
      // The counts above are shown, not searched; their keys are the facets.
      facets: { properties: { platform: keyword, region: keyword, category: keyword } },
      sentiment: { properties: { negative: { type: 'integer' }, neutral: { type: 'integer' }, positive: { type: 'integer' } } },
      rumor: { properties: { peak: { type: 'float' }, mean: { type: 'float' } } },
      velocity: { properties: { current: { type: 'integer' }, previous: { type: 'integer' }, change: { type: 'integer' } } },
      newestItemIds: keyword,
      fingerprints: keyword,
      // LSH band keys ("<band>:<hex>") of the fingerprints: candidate stories by a terms query.
      bands: keyword,
      updatedAt: date,
    },
  },
};
export const STORIES_INDEX_NAME = 'liaowang-stories-v1';

// Which story owns a band key (document id = the band key), written with op_type create: of
// two instances founding stories that share a band at once, each may win some bands and both
// learn of the other from its claims (the story documents are written only at batch end).
// Version 2 (additive): `claimant`, the claiming story's identity (title, fingerprints, whether
// it was founding), not indexed, so the rivals can agree which of them the other joins.
// Version 3 (additive): `members`, the other stories on the band (the newest 16), so a story
// whose bands others own is still found: 8 × 256 keys are mostly owned after a few hundred stories.
export const storyBandsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-story-bands',
  templateName: 'liaowang-story-bands-v1',
  version: 3,
  indexPatterns: ['liaowang-story-bands-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: { dynamic: 'strict', properties: { band: keyword, storyId: keyword, claimant: { type: 'object', enabled: false }, members: keyword } },
};
export const STORY_BANDS_INDEX_NAME = 'liaowang-story-bands-v1';
