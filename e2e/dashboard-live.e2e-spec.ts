import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { launchBrowser } from './support/browser';
import { startTestSystem, type TestSystem } from './support/test-system';

describe('dashboard in a browser', () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startTestSystem({
      settings: { DASHBOARD_DIST: join(__dirname, '..', 'dashboard', 'dist'), SIMULATOR_RATE: '2' },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('signs in as the duty officer and sees simulated items arrive live', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(system.apiUrl);
    await page.getByTestId('login-username').fill('duty');
    await page.getByTestId('login-password').fill(system.settings.SEED_PASSWORD!);
    await page.getByTestId('login-submit').click();

    // Chinese first: the connection indicator speaks zh-CN by default.
    await page.getByTestId('connection-status').getByText('已连接').waitFor({ timeout: 30_000 });
    const before = new Set(await page.getByTestId('item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id'))));

    // A row that was not there at sign-in, produced by the simulator after it: it came live.
    const fresh = await page.waitForFunction(
      (known) =>
        [...document.querySelectorAll('[data-testid="item-row"]')]
          .map((r) => r.getAttribute('data-item-id') ?? '')
          .find((id) => id.includes(':sim-') && !known.includes(id)),
      [...before],
      { timeout: 60_000 },
    );
    expect(await fresh.jsonValue()).toMatch(/:sim-/);
    await page.close();
  });
});
