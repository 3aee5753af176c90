import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { startTestSystem, type TestSystem } from './test-system';

/** The built dashboard that the API serves in the browser tests (`npm test` builds it first). */
export const DASHBOARD_DIST = join(__dirname, '..', '..', 'dashboard', 'dist');
const REPORTS_DIR = join(__dirname, '..', '..', '.data', 'test-reports');

/** Where a browser test writes a screenshot for people to look at. */
export function reportPath(file: string): string {
  mkdirSync(REPORTS_DIR, { recursive: true });
  return join(REPORTS_DIR, file);
}

export interface DashboardSystem {
  system: TestSystem;
  browser: Browser;
  /** A new page signed in as `username` (the seed password unless given), opened at `hash`. */
  signIn(username: string, options?: { hash?: string; password?: string; page?: BrowserContextOptions }): Promise<Page>;
  stop(): Promise<void>;
}

/** The API serving the dashboard (and, unless `stream: false`, the whole pipeline) plus a headless Chromium. */
export async function startDashboardSystem(options: { stream?: boolean; settings?: Record<string, string> } = {}): Promise<DashboardSystem> {
  const system = await startTestSystem({ stream: options.stream, settings: { DASHBOARD_DIST, ...options.settings } });
  const browser = await launchBrowser();
  return {
    system,
    browser,
    async signIn(username, { hash = '', password = system.settings.SEED_PASSWORD!, page: pageOptions } = {}) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, ...pageOptions });
      await page.goto(`${system.apiUrl}/${hash}`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-user').waitFor({ timeout: 30_000 });
      return page;
    },
    async stop() {
      await browser.close();
      await system.stop();
    },
  };
}
