import { spikesIndex, spikesIndexFor, spikesTopic, type AlertRule, type Spike } from '@liaowang/contract';
import { createElasticsearchClient, ensureIndexTemplate } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

// The 突增 table on the stories page, where the duty officer looks (issue 10 part 2). The spike
// is written into the spikes index as the detector writes it: its detection has its own test.
describe('spikes panel in a browser', () => {
  let dashboard: DashboardSystem;
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
  });
  afterAll(async () => {
    await dashboard?.stop();
    await es.close();
  });

  it('shows the newest spikes with their Beijing window, count, baseline and z, in Chinese and in English', async () => {
    const marker = randomUUID().replace(/-/g, '').slice(0, 10);
    const from = new Date(Math.floor(Date.now() / 600_000) * 600_000);
    const spike: Spike = {
      ...spikesTopic.example,
      id: `sp-story-${marker}`,
      key: `st-${marker}`,
      label: `网传${marker}化工厂爆炸`,
      window: { from: from.toISOString(), to: new Date(from.getTime() + 600_000).toISOString() },
      windowBeijing: beijingWindow(from),
      count: 64,
      baseline: 5,
      z: 26.4,
      detectedAt: new Date().toISOString(),
    };
    await ensureIndexTemplate(es, spikesIndex);
    await es.index({ index: spikesIndexFor(spike.window.from), id: spike.id, document: { ...spike, announced: true }, refresh: 'wait_for' });

    const page = await dashboard.signIn('duty', { hash: '#/stories' });
    const panel = page.getByTestId('spikes-panel');
    await panel.getByRole('heading', { name: '突增' }).waitFor({ timeout: 30_000 });
    const row = panel.getByTestId('spike-row').filter({ hasText: marker });
    await row.waitFor({ timeout: 15_000 });
    await expectCells(row, [spike.windowBeijing, '话题', `网传${marker}化工厂爆炸`, '64', '5', '26.4']);
    // The kind filter asks the API for that kind only.
    await panel.getByRole('button', { name: '负面声量' }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await panel.getByRole('button', { name: '话题' }).click();
    await row.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: reportPath('spikes-panel.png') });

    await page.getByTestId('language-switch').click();
    await panel.getByRole('heading', { name: 'Spikes' }).waitFor({ timeout: 10_000 });
    await expectCells(row, [spike.windowBeijing, 'Story']);
    await page.getByTestId('language-switch').click();
    await page.close();
  });
  it('creates a spike rule in the rules editor: story spikes with z at least 6, backtested, listed as such', async () => {
    const name = `话题突增${randomUUID().slice(0, 6)}`;
    const page = await dashboard.signIn('duty', { hash: '#/rules' });
    await page.getByTestId('rules-page').waitFor({ timeout: 30_000 });
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-name').fill(name);
    await page.getByTestId('rule-kind-spike').check();
    expect(await page.getByTestId('rule-keywords').count()).toBe(0);
    await page.getByTestId('rule-spike-story').check();
    await page.getByLabel('z 值至少').fill('6');
    await page.getByTestId('rule-backtest').click();
    await page.getByTestId('rule-preview').waitFor({ timeout: 30_000 });
    await page.getByTestId('rule-save').click();
    const row = page.getByTestId('rule-row').filter({ hasText: name });
    await row.getByText('突增：话题 z ≥ 6').waitFor({ timeout: 10_000 });
    await page.close();

    const { token } = await dashboard.system.login('duty');
    const rules = (await (await fetch(`${dashboard.system.apiUrl}/api/v1/alert-rules`, { headers: { authorization: `Bearer ${token}` } })).json()) as AlertRule[];
    const saved = rules.find((r) => r.name === name)!;
    expect(saved.match).toEqual({ spike: { kinds: ['story'], zAtLeast: 6 } });
    // It stops watching once the test is over.
    await fetch(`${dashboard.system.apiUrl}/api/v1/alert-rules/${saved.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, severity: saved.severity, match: saved.match, repeatMinutes: saved.repeatMinutes, enabled: false, version: saved.version }),
    });
  });
});

async function expectCells(row: import('playwright-core').Locator, texts: string[]) {
  const cells = await row.locator('td').allInnerTexts();
  for (const text of texts) expect(cells).toContain(text);
}

/** `YYYY-MM-DD HH:mm–HH:mm` of a 10-minute window in Beijing time, as the detector labels it. */
function beijingWindow(from: Date): string {
  const at = (ms: number) => new Date(ms + 8 * 3600_000).toISOString();
  return `${at(from.getTime()).slice(0, 16).replace('T', ' ')}–${at(from.getTime() + 600_000).slice(11, 16)}`;
}
