import type { HotWord } from '@liaowang/contract';

export const CLOUD_MIN_PX = 13;
export const CLOUD_MAX_PX = 28;

/** Font size of each word in the tag cloud: the most significant largest, by its score relative to the others. */
export function cloudSizes(words: readonly HotWord[]): { word: string; px: number }[] {
  if (words.length === 0) return [];
  const scores = words.map((w) => Math.log1p(Math.max(0, w.score)));
  const top = Math.max(...scores);
  const low = Math.min(...scores);
  return words.map((w, i) => ({
    word: w.word,
    px: Math.round(top === low ? CLOUD_MAX_PX : CLOUD_MIN_PX + ((scores[i] - low) / (top - low)) * (CLOUD_MAX_PX - CLOUD_MIN_PX)),
  }));
}

/** The story's window for its hot words: first seen to just after last seen (the end is exclusive). */
export function storyWindow(story: { firstSeen: string; lastSeen: string }): { since: string; until: string } {
  return { since: story.firstSeen, until: new Date(Date.parse(story.lastSeen) + 1000).toISOString() };
}
