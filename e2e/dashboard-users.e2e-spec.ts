import type { LoginResponse, UserAccount } from '@liaowang/contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startTestSystem, type TestSystem } from './support/test-system';

// R-SEC-3 and R-SEC-5 in the browser: the users page for admins only, sign-out revokes the
// session server-side, and a session ended by the server brings the sign-in page with a reason.
describe('dashboard: users page and session ends', () => {
  let system: TestSystem;
  let browser: Browser;
  let adminToken: string;

  beforeAll(async () => {
    system = await startTestSystem({ stream: false, settings: { DASHBOARD_DIST: join(__dirname, '..', 'dashboard', 'dist'), SOCKET_RECHECK_SECONDS: '1' } });
    browser = await launchBrowser();
    adminToken = (await system.login('admin')).token;
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const api = (method: string, path: string, body?: unknown, token = adminToken) =>
    fetch(`${system.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const newUser = async (role: string) => {
    const username = `b-${randomUUID().slice(0, 10)}`;
    const password = randomBytes(12).toString('base64url');
    expect((await api('POST', '/api/v1/users', { username, displayName: `浏览器 ${username}`, role, password })).status).toBe(201);
    return { username, password };
  };
  const signIn = async (page: Page, username: string, password: string) => {
    await page.goto(system.apiUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
  };
  const tokenOf = (page: Page) =>
    page.evaluate(() => Object.values(sessionStorage).map((v) => { try { return (JSON.parse(v) as LoginResponse).token; } catch { return undefined; } }).find(Boolean));

  it('shows the users page to an admin, who creates and disables a user there', async () => {
    const admin = await newUser('admin');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, admin.username, admin.password);
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByTestId('users-page').waitFor();

    const username = `b-${randomUUID().slice(0, 10)}`;
    const form = page.getByTestId('user-create');
    await form.locator('input[name=username]').fill(username);
    await form.locator('input[name=displayName]').fill('新值班员');
    await form.locator('select[name=role]').selectOption('duty_officer');
    await form.locator('input[name=password]').fill('a-long-enough-password');
    await form.getByRole('button', { name: '新建' }).click();
    await page.getByTestId('users-message').getByText(`已新建用户 ${username}`).waitFor();

    const row = page.locator(`[data-testid=user-row][data-username="${username}"]`);
    await row.getByRole('button', { name: '停用' }).click();
    await page.locator(`[data-testid=user-row][data-username="${username}"][data-disabled=true]`).waitFor();
    const listed = (await (await api('GET', '/api/v1/users')).json()) as UserAccount[];
    expect(listed.find((u) => u.username === username)).toMatchObject({ disabled: true, role: 'duty_officer' });
    await page.screenshot({ path: join(__dirname, '..', '.data', 'test-reports', 'users-page.png') });
    await page.close();
  });

  it('hides the users page from other roles', async () => {
    const duty = await newUser('duty_officer');
    const page = await browser.newPage();
    await signIn(page, duty.username, duty.password);
    expect(await page.getByRole('link', { name: '用户管理' }).count()).toBe(0);
    await page.close();
  });

  it('signs out through the server: the old token is refused afterwards', async () => {
    const user = await newUser('screen');
    const page = await browser.newPage();
    await signIn(page, user.username, user.password);
    const token = await tokenOf(page);
    expect(token).toBeTruthy();
    await page.getByTestId('sign-out').click();
    await page.getByText('您已退出登录。').waitFor();
    expect((await api('GET', '/api/v1/auth/me', undefined, token)).status).toBe(401);
    await page.close();
  });

  it('returns to the sign-in page with the reason when an admin disables the signed-in user', async () => {
    const user = await newUser('leader');
    const page = await browser.newPage();
    await signIn(page, user.username, user.password);
    await page.getByTestId('connection-status').getByText('已连接').waitFor({ timeout: 30_000 });
    expect((await api('PATCH', `/api/v1/users/${user.username}`, { disabled: true })).status).toBe(200);
    await page.getByText('您的账号已被停用，请联系管理员。').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(__dirname, '..', '.data', 'test-reports', 'session-ended.png') });
    await page.close();
  });
});
