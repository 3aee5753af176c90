import type { ConnectorStatus, Feed } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually } from './support/test-system';

// R-ING-2 in the browser: the connectors page in Chinese, feeds added, edited and removed by an
// admin, pause / resume shown only to those who may press them.
describe('dashboard: connectors page', () => {
  const run = randomUUID().slice(0, 8);
  const keyword = `通知${run}`;
  let dashboard: DashboardSystem;
  let server: Server;
  let feedUrl: string;
  let adminToken: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url !== '/notices.rss') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>江城发布</title>
        <item><title>关于东区临时停水的${keyword}</title><guid>notice-${run}-1</guid><link>https://fabu.jiangcheng.example/1</link><pubDate>Tue, 01 Dec 2026 02:00:00 GMT</pubDate></item>
        <item><title>江城马拉松报名开启</title><guid>notice-${run}-2</guid><link>https://fabu.jiangcheng.example/2</link></item>
      </channel></rss>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notices.rss`;
    dashboard = await startDashboardSystem({ stream: false });
    adminToken = (await dashboard.system.login('admin')).token;
  }, 120_000);

  afterAll(async () => {
    // A feed left behind by a failed run would be polled by later runs.
    const feeds = (await (await fetch(`${dashboard.system.apiUrl}/api/v1/feeds`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as Feed[];
    for (const feed of feeds.filter((f) => f.url === feedUrl)) {
      await fetch(`${dashboard.system.apiUrl}/api/v1/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } });
    }
    await dashboard?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('lets an admin add a feed, see it run with its counts, pause it, edit and remove it', async () => {
    const page = await dashboard.signIn('admin', { hash: '#/connectors' });
    await page.getByRole('link', { name: '数据源' }).click();
    await page.getByTestId('connectors-page').getByRole('heading', { name: '数据源' }).waitFor();
    await page.locator('[data-connector="push:mention"]').getByText('推送接口').waitFor();

    const form = page.getByTestId('feed-form');
    await form.getByLabel('URL').fill(feedUrl);
    await form.getByLabel('平台标签').fill('江城发布');
    await form.getByLabel('抓取间隔').fill('30');
    await form.getByLabel('关键词').fill(`${keyword}，停水`);
    await form.getByRole('button', { name: '添加订阅源' }).click();
    const feedRow = page.locator(`[data-feed="${feedUrl}"]`);
    await feedRow.getByText(`${keyword}，停水`).waitFor();

    const feeds = (await (await fetch(`${dashboard.system.apiUrl}/api/v1/feeds`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as Feed[];
    const feed = feeds.find((f) => f.url === feedUrl)!;
    const connectorRow = page.locator(`[data-connector="feed:${feed.id}"]`);
    // One entry names a keyword, the other is skipped; the page refreshes every 5 s.
    await eventually(async () => ((await connectorRow.locator('td').nth(3).textContent()) === '1' ? true : undefined), 40_000, 'the feed counted on the page');
    await connectorRow.getByText('运行中').waitFor();
    expect(await connectorRow.locator('td').nth(6).textContent()).toBe('1');

    await connectorRow.getByRole('button', { name: '暂停' }).click();
    await connectorRow.getByText('已暂停').waitFor();
    await connectorRow.getByRole('button', { name: '恢复' }).waitFor();
    await page.screenshot({ path: reportPath('connectors-page.png'), fullPage: true });
    const statuses = (await (await fetch(`${dashboard.system.apiUrl}/api/v1/connectors`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as ConnectorStatus[];
    expect(statuses.find((s) => s.id === `feed:${feed.id}`)).toMatchObject({ state: 'paused', paused: true, pausedBy: 'admin' });
    await connectorRow.getByRole('button', { name: '恢复' }).click();
    await connectorRow.getByText('运行中').waitFor();

    await feedRow.getByRole('button', { name: '编辑' }).click();
    await form.getByLabel('抓取间隔').fill('600');
    await form.getByRole('button', { name: '保存修改' }).click();
    await feedRow.getByText('600 秒').waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await feedRow.getByRole('button', { name: '删除' }).click();
    await feedRow.waitFor({ state: 'detached' });
    await connectorRow.waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  }, 120_000);

  it('shows a duty officer the connectors without pause buttons or the feed form, and switches to English', async () => {
    const page = await dashboard.signIn('duty', { hash: '#/connectors' });
    await page.getByTestId('connectors-page').waitFor();
    await page.locator('[data-connector="push:comment"]').waitFor();
    expect(await page.getByRole('button', { name: '暂停' }).count()).toBe(0);
    expect(await page.getByTestId('feed-form').count()).toBe(0);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('connectors-page').getByRole('heading', { name: 'Connectors' }).waitFor();
    await page.close();
  }, 60_000);
});
