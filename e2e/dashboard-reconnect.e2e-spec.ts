import type { Case } from '@liaowang/contract';
import type { WebSocketRoute } from 'playwright-core';
import { callApi } from './support/alert-flow';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually } from './support/test-system';

/**
 * A page open through a break in the live connection (a network blip, an API restart) misses
 * the pushes sent meanwhile; once the socket is back, what it shows must catch up without a reload.
 */
describe('dashboard: pages catch up after the live connection comes back', () => {
  let dashboard: DashboardSystem;
  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
  });
  afterAll(async () => {
    await dashboard?.stop();
  });

  it('shows on the case board a case opened while the socket was down', async () => {
    const page = await dashboard.signIn('responder', { hash: 'cases', page: { locale: 'zh-CN' } });
    // The browser's socket passes through here, so the test can cut it and refuse new ones for a while.
    let cut = false;
    const open: WebSocketRoute[] = [];
    let upgraded = false;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) return void ws.close();
      open.push(ws);
      const server = ws.connectToServer();
      // Engine.IO's upgrade packet: from here the socket runs on this WebSocket, not on long-polling.
      ws.onMessage((message) => {
        if (message === '5') upgraded = true;
        server.send(message);
      });
    });
    // Socket.IO starts on HTTP long-polling and falls back to it: cut that too.
    await page.route(/\/socket\.io\//, (route) => (cut ? route.abort('connectionfailed') : route.continue()));
    // The socket opened before routing began: reload so it goes through the routes.
    await page.reload();
    await page.getByTestId('case-board').waitFor();
    // Cut before the upgrade, a long-poll already in flight would keep it connected until its end.
    await eventually(async () => (upgraded ? true : undefined), 30_000, 'the live socket upgraded to the routed WebSocket');

    cut = true;
    for (const ws of open.splice(0)) await ws.close();
    // The board is no longer live, and says so in the header.
    await page.getByTestId('header-connection').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: reportPath('case-board-socket-down.png') });
    const token = (await dashboard.system.login('responder')).token;
    const title = `断线期间立案 ${Date.now()}`;
    const opened = await callApi(dashboard.system.apiUrl, token, 'POST', '/api/v1/cases', { title });
    expect(opened.status).toBe(201);
    const created = (await opened.json()) as Case;
    // Long enough for the push to have gone, and to be lost.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await page.locator(`[data-case-id="${created.id}"]`).count()).toBe(0);

    cut = false;
    // Socket.IO retries within its back-off (at most 10 s); then the board catches up.
    await page.locator(`[data-case-id="${created.id}"]`).waitFor({ timeout: 30_000 });
    expect(open.length).toBeGreaterThan(0);
    await page.getByTestId('header-connection').waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: reportPath('case-board-after-reconnect.png') });
    await page.close();
  });
});
