import { randomUUID } from 'node:crypto';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

// R-ING-2, R-UI-5: an anonymous visitor on a phone files a report on /report and keeps the
// receipt; the duty officer's live page shows it as it arrives.
describe('public report page in a browser', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem();
  });
  afterAll(() => dashboard?.stop());

  it('lets an anonymous visitor report a rumor from a phone, in Chinese, and the duty officer sees it arrive', async () => {
    const { system, browser } = dashboard;
    const marker = randomUUID().slice(0, 8);
    const duty = await dashboard.signIn('duty');
    await duty.getByTestId('connection-status').and(duty.locator('[data-status="connected"]')).waitFor({ timeout: 30_000 });

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${system.apiUrl}/report`);
    await phone.getByRole('heading', { name: '公众举报' }).waitFor({ timeout: 30_000 });
    // No sign-in form: the page is open to anyone.
    expect(await phone.getByTestId('login-username').count()).toBe(0);
    await phone.getByTestId('report-privacy').getByText('个人信息保护法', { exact: false }).waitFor();

    // Submitting empty says what is missing, in Chinese.
    await phone.getByTestId('report-submit').click();
    await phone.getByTestId('report-error').getByText('请填写').waitFor();

    await phone.getByTestId('report-kind-rumor').check();
    await phone.getByTestId('report-text').fill(`网传江城一中明天全校停课，家长群里都在转，举报编号测试${marker}`);
    await phone.getByTestId('report-platform').fill('微信群');
    await phone.getByTestId('report-contact').fill('13812345678');
    await phone.screenshot({ path: reportPath('public-report-form.png'), fullPage: true });
    await phone.getByTestId('report-submit').click();
    const receipt = phone.getByTestId('report-receipt');
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.getAttribute('data-receipt')).toMatch(/^JB\d{8}-[2-9A-Z]{6}$/);
    await receipt.getByText('已收到您的举报').waitFor();
    await phone.screenshot({ path: reportPath('public-report-page.png'), fullPage: true });
    await phone.close();

    const row = duty.getByTestId('item-row').filter({ hasText: `举报编号测试${marker}` });
    await row.waitFor({ timeout: 90_000 });
    // The reporter's phone number never reaches the officer's list unmasked.
    expect(await row.textContent()).not.toContain('13812345678');
    await duty.screenshot({ path: reportPath('public-report-arrived.png') });
    await duty.close();
  });
});
