import { postStoryOfTwo } from './support/story-pair';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

describe('hot words on the story page in a browser (issue 10 item 3, R-UI-5)', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem();
  });
  afterAll(() => dashboard?.stop());

  it("shows a story's hot words as a tag cloud and as a table, in Chinese", async () => {
    const { system } = dashboard;
    const { marker, claim } = await postStoryOfTwo(system, 'u-hot');

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
