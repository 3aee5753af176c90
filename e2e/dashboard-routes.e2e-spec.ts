import type { Alert, AlertRule } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { postStoryOfTwo } from './support/story-pair';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually } from './support/test-system';

// Pages are real addresses (issue 10): a link to a story opens that story, before and after
// sign-in and after a reload; an old `#/` link still lands; an address that is no page says so.
describe('dashboard addresses in a browser', () => {
  let dashboard: DashboardSystem;
  let storyId: string;
  let marker: string;

  beforeAll(async () => {
    dashboard = await startDashboardSystem();
    const { system } = dashboard;
    const posted = await postStoryOfTwo(system, 'u-route');
    marker = posted.marker;
    const { story } = posted;
    storyId = story.id;
  }, 180_000);
  afterAll(() => dashboard?.stop());

  const signInHere = async (page: Awaited<ReturnType<DashboardSystem['browser']['newPage']>>, username: string) => {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(dashboard.system.settings.SEED_PASSWORD!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor({ timeout: 30_000 });
  };

  it('opens a story from its address in a fresh page, through sign-in and a reload', async () => {
    const { system, browser } = dashboard;
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const address = `${system.apiUrl}/stories/${encodeURIComponent(storyId)}`;
    await page.goto(address);
    await signInHere(page, 'screen');
    const detail = page.getByTestId('story-detail');
    await detail.getByRole('heading', { name: new RegExp(marker) }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(address);
    expect(await page.locator('a.nav-link[aria-current="page"]').textContent()).toBe('话题');

    await page.reload();
    await detail.getByRole('heading', { name: new RegExp(marker) }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(address);
    await detail.getByText('最新 2 条信息（已脱敏）').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: reportPath('story-deep-link.png') });

    // The navigation goes to real paths, and back returns to the story.
    // By its address: the link's name carries the count of open alerts when there are any.
    await page.getByRole('navigation').locator('a[href="/alerts"]').click();
    await page.getByTestId('alert-inbox').waitFor();
    expect(new URL(page.url()).pathname).toBe('/alerts');
    await page.goBack();
    await detail.getByRole('heading', { name: new RegExp(marker) }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('turns an old hash link into the address it meant', async () => {
    const page = await dashboard.signIn('screen', { hash: `#/stories/${encodeURIComponent(storyId)}` });
    await page.getByTestId('story-detail').getByRole('heading', { name: new RegExp(marker) }).waitFor({ timeout: 15_000 });
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/stories/${encodeURIComponent(storyId)}`);
    expect(url.hash).toBe('');
    await page.close();
  });

  it('says in Chinese, and in English on the switch, that an unknown address is no page', async () => {
    const page = await dashboard.signIn('screen', { hash: 'no/such/page' });
    const notFound = page.getByTestId('not-found-page');
    await notFound.getByRole('heading', { name: '页面不存在' }).waitFor({ timeout: 10_000 });
    await notFound.getByText('/no/such/page').waitFor();
    await page.getByTestId('language-switch').click();
    await notFound.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByTestId('not-found-home').click();
    await page.getByTestId('connection-status').waitFor();
    expect(new URL(page.url()).pathname).toBe('/live');
    await page.close();
  });

  it('does not open a page the role may not see from its address', async () => {
    const page = await dashboard.signIn('screen', { hash: 'users' });
    await page.getByTestId('connection-status').waitFor();
    expect(new URL(page.url()).pathname).toBe('/live');
    expect(await page.getByTestId('users-page').count()).toBe(0);
    await page.close();
  });

  it('opens an alert from its address and follows it live through the query cache, also after a reload', async () => {
    const { system, browser } = dashboard;
    const alertMarker = `路由${randomUUID().slice(0, 8)}`;
    const { token } = await system.login('duty');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${system.apiUrl}/api/v1/alert-rules`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: `地址测试 ${alertMarker}`, severity: 'high', match: { keywords: `${alertMarker} AND 停水` } }),
    });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as AlertRule;
    // The rule book reloads within seconds; post (each post an item of its own) until the evaluator knows the rule.
    let postedAt = 0;
    const alert = await eventually(async () => {
      if (Date.now() - postedAt > 2_000) {
        const posted = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
          body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: 'u-route', name: '网友' }, text: `明天全市停水 ${alertMarker}`, publishedAt: new Date().toISOString() }),
        });
        expect(posted.status).toBe(202);
        postedAt = Date.now();
      }
      const list = await fetch(`${system.apiUrl}/api/v1/alerts?ruleId=${rule.id}&size=1`, { headers: auth });
      return ((await list.json()) as { alerts: Alert[] }).alerts[0];
    }, 60_000, 'an alert of the new rule');

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const address = `${system.apiUrl}/alerts/${encodeURIComponent(alert.id)}`;
    await page.goto(address);
    await signInHere(page, 'leader');
    const detail = (state: string) => page.locator(`[data-testid="alert-detail"][data-alert-id="${alert.id}"][data-state="${state}"]`);
    await detail('new').waitFor({ timeout: 15_000 });

    // Acknowledged by the duty officer elsewhere: alerts:updated changes the cached alert, no reload.
    expect((await fetch(`${system.apiUrl}/api/v1/alerts/${alert.id}/ack`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    await detail('acknowledged').waitFor({ timeout: 15_000 });

    await page.reload();
    await detail('acknowledged').waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(address);
    await page.close();
  });
});
