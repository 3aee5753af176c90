import { itemsIndexFor, type ItemDocument, type SentimentLabel } from '@liaowang/contract';
import { createElasticsearchClient, type ElasticsearchClient } from '@liaowang/platform';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

const marker = () => `srch${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

// Items indexed as the indexer stores them: the page is under test, not the enrichment.
const itemDoc = (tag: string, n: number, text: string, platform: string, sentiment: SentimentLabel): ItemDocument => {
  const publishedAt = new Date(Date.now() - n * 90_000).toISOString();
  return {
    id: `search-page-${tag}-${n}`,
    kind: 'mention',
    platform,
    author: { id: `u-${n}`, name: `网友${n}` },
    text,
    masked: text,
    tokens: text,
    publishedAt,
    receivedAt: publishedAt,
    enrichedAt: publishedAt,
    threadId: `t-${tag}-${n}`,
    raw: {},
    sentiment: { label: sentiment, score: 0.7 },
    rumor: { score: 0.2 + (n % 3) * 0.3, reasons: [] },
    categories: [],
    categoryReasons: [],
    pii: [],
    piiTypes: [],
    fingerprint: '0',
    modelVersion: 'e2e',
  };
};

describe('search page in a browser (R-UI-2, R-UI-5)', () => {
  let dashboard: DashboardSystem;
  let es: ElasticsearchClient;

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
    es = createElasticsearchClient(dashboard.system.settings.ES_URL);
  });
  afterAll(async () => {
    await es?.close();
    await dashboard?.stop();
  });

  it('a duty officer searches a Chinese phrase, narrows by a facet, loads more by cursor, reads the volume table and saves the search', async () => {
    const tag = marker();
    const docs = Array.from({ length: 60 }, (_, n) =>
      itemDoc(tag, n, `${tag} 网传江城全市停水三天，第${n}条`, n % 4 === 0 ? 'douyin' : 'weibo', n % 2 ? 'negative' : 'neutral'),
    );
    docs.push(itemDoc(tag, 99, `${tag} 江城停电演练`, 'weibo', 'neutral'));
    const bulk = await es.bulk({ refresh: 'wait_for', operations: docs.flatMap((d) => [{ index: { _index: itemsIndexFor(d.publishedAt), _id: d.id } }, d]) });
    if (bulk.errors) throw new Error(`indexing failed: ${JSON.stringify(bulk.items.find((i) => i.index?.error)?.index?.error)}`);

    const page = await dashboard.signIn('duty', { hash: '#/search' });
    await page.getByTestId('search-page').waitFor({ timeout: 30_000 });
    await page.getByText('语法：').waitFor();
    await page.getByTestId('search-query').fill(`${tag} "全市停水"`);
    await page.getByTestId('search-submit').click();
    const total = page.getByTestId('search-total');
    await total.getByText('共 60 条，已显示 50 条').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="item-table"] mark').first().waitFor();

    // The facet count for 抖音 (every fourth item) agrees with what the filter finds.
    const douyin = page.locator('[data-facet="platform"] [data-testid="facet-value"][data-value="douyin"]');
    await douyin.getByText('15').waitFor();
    await douyin.click();
    await page.getByTestId('search-chip').first().waitFor();
    await total.getByText('共 15 条，已显示 15 条').waitFor({ timeout: 15_000 });
    // The other platform's count stays, to add to the filter.
    await page.locator('[data-facet="platform"] [data-testid="facet-value"][data-value="weibo"]').getByText('45').waitFor();
    await page.getByTestId('search-chip').first().click();
    await total.getByText('共 60 条，已显示 50 条').waitFor({ timeout: 15_000 });

    await page.getByTestId('search-more').click();
    await total.getByText('共 60 条，已显示 60 条').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('item-row').count()).toBe(60);
    await expect(page.getByTestId('search-more').count()).resolves.toBe(0);

    await page.getByTestId('volume-view-toggle').click();
    const rows = page.locator('[data-testid="volume-table"] tbody tr');
    await rows.first().waitFor();
    const counted = await rows.locator('td').allTextContents();
    expect(counted.reduce((sum, c) => sum + Number(c), 0)).toBe(60);

    await page.getByTestId('saved-search-name').fill(`停水 ${tag}`);
    await page.getByTestId('saved-search-save').click();
    await page.getByTestId('saved-search').getByText(`停水 ${tag}`).waitFor();
    await page.screenshot({ path: reportPath('search-page.png'), fullPage: false });

    // Nothing matches: the chart says so instead of drawing empty axes.
    await page.getByTestId('search-query').fill(`${tag} "江城全市停气"`);
    await page.getByTestId('search-submit').click();
    await total.getByText('共 0 条，已显示 0 条').waitFor({ timeout: 15_000 });
    await page.getByTestId('volume-empty').getByText('所选范围内没有信息').waitFor();
    await page.close();
  });
});
