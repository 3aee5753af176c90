import type { Story } from '@liaowang/contract';

/** How many member fingerprints a story keeps for matching; bounded so it cannot drift far. */
export const MAX_STORY_FINGERPRINTS = 16;
/** Velocity window (R-ENR-6: items per 10 minutes). */
export const VELOCITY_WINDOW_MS = 10 * 60 * 1000;
export const NEWEST_ITEMS = 10;

interface Bucket {
  key: string;
  count: number;
}

/** One story's figures as the items index aggregates them (by storyId). */
export interface StoryFigures {
  volume: number;
  authors: number;
  firstSeen: string;
  lastSeen: string;
  platforms: Bucket[];
  regions: Bucket[];
  categories: Bucket[];
  sentiment: Bucket[];
  rumorPeak: number;
  rumorMean: number;
  current: number;
  previous: number;
  newestItemIds: string[];
}

/**
 * The story document from its identity (id, title, matching keys) and the figures counted over
 * its items: counting from the items, not adding per message, keeps volume equal to the items
 * however often a message is redelivered.
 */
export function storyFrom(
  identity: Pick<Story, 'id' | 'title' | 'titleItemId' | 'fingerprints' | 'bands'>,
  figures: StoryFigures,
  now: Date,
): Story {
  const sentimentOf = (label: string) => figures.sentiment.find((b) => b.key === label)?.count ?? 0;
  return {
    ...identity,
    firstSeen: figures.firstSeen,
    lastSeen: figures.lastSeen,
    volume: figures.volume,
    authors: figures.authors,
    platforms: figures.platforms,
    regions: figures.regions,
    categories: figures.categories,
    sentiment: { negative: sentimentOf('negative'), neutral: sentimentOf('neutral'), positive: sentimentOf('positive') },
    rumor: { peak: figures.rumorPeak, mean: Math.round(figures.rumorMean * 1000) / 1000 },
    velocity: { current: figures.current, previous: figures.previous, change: figures.current - figures.previous },
    newestItemIds: figures.newestItemIds,
    facets: {
      platform: figures.platforms.map((c) => c.key),
      region: figures.regions.map((c) => c.key),
      category: figures.categories.map((c) => c.key),
    },
    updatedAt: now.toISOString(),
  };
}

/** The story's matching fingerprints with a new member's added (first ones kept when full). */
export function withFingerprints(existing: readonly string[], added: readonly string[]): string[] {
  const merged = [...existing];
  for (const fp of added) if (!merged.includes(fp) && merged.length < MAX_STORY_FINGERPRINTS) merged.push(fp);
  return merged;
}
