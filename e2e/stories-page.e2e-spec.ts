import { postStoryOfTwo } from './support/story-pair';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

describe('stories page in a browser (R-ENR-6)', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem();
  });
  afterAll(() => dashboard?.stop());

  it('lists a story told by a post and its repost, and opens it with its items, in Chinese', async () => {
    const { system } = dashboard;
    const { marker, story } = await postStoryOfTwo(system, 'u-page');

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
