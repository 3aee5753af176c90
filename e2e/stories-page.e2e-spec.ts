import type { StoryListResponse } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { claimOfThisRun, commentOfThisRun } from './support/claims';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually } from './support/test-system';

describe('stories page in a browser (R-ENR-6)', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem();
  });
  afterAll(() => dashboard?.stop());

  it('lists a story told by a post and its repost, and opens it with its items, in Chinese', async () => {
    const { system } = dashboard;
    const marker = randomUUID().replace(/-/g, '').slice(0, 10);
    const claim = claimOfThisRun(marker);
    for (const [author, text] of [['u-page-1', claim], ['u-page-2', `${commentOfThisRun(marker)}//@城市观察:${claim}`]]) {
      const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
        body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: author, name: author }, text, publishedAt: new Date().toISOString() }),
      });
      expect(response.status).toBe(202);
    }
    const { token } = await system.login('screen');
    const story = await eventually(async () => {
      const listed = (await (await fetch(`${system.apiUrl}/api/v1/stories?sort=volume&size=100&q=${marker}`, { headers: { authorization: `Bearer ${token}` } })).json()) as StoryListResponse;
      return listed.stories.find((s) => s.title.includes(marker) && s.volume === 2);
    }, 90_000, 'the story of the post and its repost');

    const page = await dashboard.signIn('screen', { hash: '#/stories' });
    await page.getByText('热点话题').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '总量' }).click();
    // Other runs' stories outnumber a list page: the title filter finds this run's.
    await page.getByRole('searchbox', { name: '按标题筛选' }).fill(marker);
    const row = page.getByTestId('story-row').filter({ hasText: marker });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    const detail = page.getByTestId('story-detail');
    await detail.getByText('最新 2 条信息（已脱敏）').waitFor({ timeout: 10_000 });
    expect(await detail.locator('li').count()).toBe(2);
    expect(story.authors).toBe(2);
    await page.screenshot({ path: reportPath('stories-page.png') });
    await page.close();
  });
});
