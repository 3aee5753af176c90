import type { AlertRule } from '@liaowang/contract';
import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './support/browser';
import { startTestSystem, type TestSystem } from './support/test-system';

const reports = join(__dirname, '..', '.data', 'test-reports');

describe('alert rule editor in a browser (R-ALR-1, R-UI-2)', () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startTestSystem({ stream: false, settings: { DASHBOARD_DIST: join(__dirname, '..', 'dashboard', 'dist') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const signIn = async (username: string) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(`${system.apiUrl}/#/rules`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(system.settings.SEED_PASSWORD!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('rules-page').waitFor({ timeout: 30_000 });
    return page;
  };

  it('a duty officer backtests a new rule before saving it, and the saved rule is version 1', async () => {
    const name = `编辑器测试 ${randomUUID().slice(0, 8)}`;
    const page = await signIn('duty');
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-name').fill(name);
    await page.getByTestId('rule-keywords').fill('停水 AND (');
    // Saving waits for a backtest; a broken query is refused with the field named.
    expect(await page.getByTestId('rule-save').isDisabled()).toBe(true);
    await page.getByTestId('rule-backtest').click();
    await page.getByRole('alert').getByText('match.keywords').waitFor({ timeout: 10_000 });

    await page.getByTestId('rule-keywords').fill('停水 AND 江城');
    await page.getByTestId('rule-backtest').click();
    await page.getByTestId('rule-preview').getByText('近 7 天扫描').waitFor({ timeout: 30_000 });
    mkdirSync(reports, { recursive: true });
    await page.screenshot({ path: join(reports, 'alert-rule-editor.png') });
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row').getByText(name).waitFor({ timeout: 10_000 });

    const { token } = await system.login('duty');
    const rules = (await (await fetch(`${system.apiUrl}/api/v1/alert-rules`, { headers: { authorization: `Bearer ${token}` } })).json()) as AlertRule[];
    expect(rules.find((rule) => rule.name === name)).toMatchObject({ version: 1, match: { keywords: '停水 AND 江城' }, createdBy: 'duty' });
    await page.close();
  });

  it('shows the rules to the wall screen without the controls to change them', async () => {
    const page = await signIn('screen');
    await page.getByTestId('rule-row').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('rule-new').count()).toBe(0);
    await page.close();
  });
});
