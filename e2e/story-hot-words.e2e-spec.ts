import type { StoryListResponse } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { claimOfThisRun, commentOfThisRun } from './support/claims';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually } from './support/test-system';

describe('hot words on the story page in a browser (issue 10 item 3, R-UI-5)', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem();
  });
  afterAll(() => dashboard?.stop());

  it("shows a story's hot words as a tag cloud and as a table, in Chinese", async () => {
    const { system } = dashboard;
    const marker = randomUUID().replace(/-/g, '').slice(0, 10);
    const claim = claimOfThisRun(marker);
    for (const [author, text] of [['u-hot-1', claim], ['u-hot-2', `${commentOfThisRun(marker)}//@城市观察:${claim}`]]) {
      const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
        body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: author, name: author }, text, publishedAt: new Date().toISOString() }),
      });
      expect(response.status).toBe(202);
    }
    const { token } = await system.login('duty');
    await eventually(async () => {
      const listed = (await (await fetch(`${system.apiUrl}/api/v1/stories?sort=volume&size=100&q=${marker}`, { headers: { authorization: `Bearer ${token}` } })).json()) as StoryListResponse;
      return listed.stories.find((s) => s.title.includes(marker) && s.volume === 2);
    }, 90_000, 'the story of the post and its repost');

    const page = await dashboard.signIn('duty', { hash: '#/stories' });
    await page.getByRole('searchbox', { name: '按标题筛选' }).fill(marker);
    const row = page.getByTestId('story-row').filter({ hasText: marker });
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    const panel = page.getByTestId('hot-words-panel');
    await panel.getByRole('heading', { name: '热词' }).waitFor({ timeout: 10_000 });
    const cloud = panel.getByTestId('hot-words-cloud');
    await cloud.waitFor({ timeout: 10_000 });
    const words = await cloud.getByRole('listitem').allTextContents();
    expect(words.length).toBeGreaterThan(0);
    // Words of the claim both items carry, never a stop word.
    expect(words.some((w) => claim.includes(w))).toBe(true);
    expect(words).not.toContain('的');
    await page.screenshot({ path: reportPath('story-hot-words.png') });

    await panel.getByTestId('hot-words-view-toggle').click();
    const table = panel.getByTestId('hot-words-table');
    await table.getByRole('columnheader', { name: '显著度' }).waitFor({ timeout: 10_000 });
    expect(await table.getByRole('row').count()).toBe(words.length + 1);
    await page.screenshot({ path: reportPath('story-hot-words-table.png') });
    await page.close();
  });
});
