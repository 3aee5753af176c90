import type { StorySummary, StoryListResponse } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { claimOfThisRun, commentOfThisRun } from './claims';
import { eventually, type TestSystem } from './test-system';

/**
 * Posts a claim of this run and its repost with a comment through intake, and waits until the
 * stories list shows the story the two form (found by the run's marker in its title).
 */
export async function postStoryOfTwo(system: TestSystem, authorPrefix: string): Promise<{ marker: string; claim: string; story: StorySummary }> {
  const marker = randomUUID().replace(/-/g, '').slice(0, 10);
  const claim = claimOfThisRun(marker);
  for (const [author, text] of [[`${authorPrefix}-1`, claim], [`${authorPrefix}-2`, `${commentOfThisRun(marker)}//@城市观察:${claim}`]]) {
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: author, name: author }, text, publishedAt: new Date().toISOString() }),
    });
    if (response.status !== 202) throw new Error(`intake ${response.status}: ${await response.text()}`);
  }
  const { token } = await system.login('screen');
  const story = await eventually(async () => {
    const listed = (await (await fetch(`${system.apiUrl}/api/v1/stories?sort=volume&size=100&q=${marker}`, { headers: { authorization: `Bearer ${token}` } })).json()) as StoryListResponse;
    return listed.stories.find((s) => s.title.includes(marker) && s.volume === 2);
  }, 90_000, 'the story of the post and its repost');
  return { marker, claim, story };
}
