import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/demo/demo-data.js';
import { browserSuite } from './support/browser.js';

const env = browserSuite();

/** A fresh browser profile; uncaught errors and console errors (CSP violations among them) fail the test that caused them. */
async function openPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await env.browser.newContext({ baseURL: env.server.url, locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Refused API calls (401 before login, the 403s this test asks for) are logged by the browser and expected.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  return { context, page, problems };
}

async function logIn(page: Page, username: string) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Chức năng' });

describe('web app on the real server', { timeout: 180_000 }, () => {

  it('a focal point browses the tree, finds a ward without diacritics and sees where it came from', async () => {
    const { context, page, problems } = await openPage({ viewport: { width: 1280, height: 800 } });
    await page.goto('/units');
    await page.waitForURL(/\/login\?next=%2Funits$/);
    await page.getByLabel('Tên đăng nhập').fill('daumoi');
    await page.getByLabel('Mật khẩu').fill('wrong password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();

    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
    await page.getByRole('banner').getByText('Phạm Thị Mối').waitFor();

    const tree = page.getByRole('list', { name: 'Cây đơn vị hành chính' });
    await tree.getByRole('link', { name: 'Phường Tân An' }).waitFor();
    await tree.getByRole('link', { name: 'Tổ dân phố 6' }).waitFor();
    const toggle = tree.getByRole('button', { name: 'Đơn vị trực thuộc Phường Tân An' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.click();
    await tree.getByRole('link', { name: 'Tổ dân phố 6' }).waitFor({ state: 'detached' });
    await toggle.click();
    await tree.getByRole('link', { name: 'Tổ dân phố 6' }).waitFor();

    await page.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill('tan an');
    const results = page.getByRole('list', { name: 'Kết quả tìm đơn vị' });
    await results.getByRole('link', { name: 'Phường Tân An' }).click();

    await page.getByRole('heading', { level: 1, name: 'Phường Tân An' }).waitFor();
    await page.getByText('Từ ngày 01/07/2025').waitFor();
    const predecessors = page.getByRole('region', { name: 'Đơn vị tiền thân' });
    await predecessors.getByRole('link', { name: 'Xã Tân Lập' }).waitFor();
    await predecessors.getByRole('link', { name: 'Xã An Hòa' }).waitFor();
    assert.equal(await predecessors.getByRole('cell', { name: 'Sáp nhập' }).count(), 2);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'after a logout the next user starts at home');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the police see neither users nor the audit log, and the API refuses both', async () => {
    const { context, page, problems } = await openPage();
    await logIn(page, 'congan');
    await menu(page).getByRole('link', { name: 'Đơn vị hành chính' }).waitFor();
    assert.equal(await menu(page).getByRole('link', { name: 'Người dùng' }).count(), 0);
    assert.equal(await menu(page).getByRole('link', { name: 'Nhật ký' }).count(), 0);

    const statuses = await page.evaluate(async () => Promise.all(['/api/users', '/api/audit'].map(async (url) => (await fetch(url)).status)));
    assert.deepEqual(statuses, [403, 403]);

    await page.goto('/audit');
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an administrator sees field errors from the server, records a merger and gets the row report of an import', async () => {
    const { context, page, problems } = await openPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, 'quantri');

    await page.goto('/units?q=hoa%20binh');
    await page.getByRole('list', { name: 'Kết quả tìm đơn vị' }).getByRole('link', { name: 'Phường Hòa Bình' }).click();
    await page.getByRole('link', { name: 'Sửa' }).click();
    const code = page.getByRole('textbox', { name: 'Mã đơn vị' });
    await code.fill('MAU-TA');
    await page.getByRole('button', { name: 'Lưu' }).click();
    // A conflict only the server can see, placed next to the field it concerns.
    await page.locator('#f-code-error').getByText('Mã MAU-TA đã được dùng trong cùng thời gian hiệu lực').waitFor();
    assert.equal(await code.getAttribute('aria-invalid'), 'true');

    await page.goto('/units/merge');
    const pick = async (label: string, query: string, name: string) => {
      await page.getByRole('searchbox', { name: label }).fill(query);
      await page.getByRole('list', { name: `Kết quả tìm cho «${label}»` }).getByRole('button', { name: new RegExp(name) }).click();
    };
    await pick('Thêm đơn vị bị sáp nhập', 'hoa binh', 'Phường Hòa Bình');
    await pick('Thêm đơn vị bị sáp nhập', 'binh minh', 'Xã Bình Minh');
    await page.getByRole('textbox', { name: 'Ngày hiệu lực' }).fill('01012026');
    await page.getByRole('textbox', { name: 'Mã đơn vị' }).fill('MAU-HM');
    await page.getByRole('textbox', { name: 'Tên', exact: true }).fill('Phường Hòa Minh');
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).selectOption('phuong');
    await pick('Đơn vị cấp trên', 'tinh mau', 'Tỉnh Mẫu');
    await page.getByRole('button', { name: 'Ghi nhận sáp nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phường Hòa Minh' }).waitFor();
    const predecessors = page.getByRole('region', { name: 'Đơn vị tiền thân' });
    await predecessors.getByRole('link', { name: 'Phường Hòa Bình' }).waitFor();
    await predecessors.getByRole('link', { name: 'Xã Bình Minh' }).waitFor();
    await page.getByRole('region', { name: 'Đơn vị trực thuộc (9)' }).getByRole('link', { name: 'Thôn Đông' }).waitFor();

    const csv = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã cấp trên,Hiệu lực từ\nMAU-X1,Xã Một,Xã,MAU,01/01/2026\nMAU-X2,Xã Hai,Xã,KHONG-CO,01/01/2026\n';
    await page.goto('/units/import');
    await page.getByLabel('Tệp CSV hoặc Excel (.xlsx)').setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const report = page.getByRole('region', { name: 'Các dòng lỗi (1)' });
    await report.getByRole('cell', { name: '3', exact: true }).waitFor();
    await report.getByText('KHONG-CO').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('on a 360 px phone the menu reaches the units, and the language can be switched to English', async () => {
    const { context, page, problems } = await openPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await logIn(page, 'daumoi');

    const unitsLink = menu(page).getByRole('link', { name: 'Đơn vị hành chính' });
    assert.equal(await unitsLink.isVisible(), false, 'the menu starts closed on a phone');
    const menuButton = page.getByRole('button', { name: 'Menu' });
    await menuButton.click();
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
    await unitsLink.click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
    assert.equal(await unitsLink.isVisible(), false, 'the menu closes after choosing');
    await page.getByRole('list', { name: 'Cây đơn vị hành chính' }).getByRole('link', { name: 'Tổ dân phố 1' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    await page.screenshot({ path: join(tmpdir(), 'pcmd-e2e-units-360.png'), fullPage: true });

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.status() === 200);
    await page.getByRole('button', { name: 'English' }).click();
    await saved;
    await page.getByRole('heading', { level: 1, name: 'Administrative units' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Administrative units' }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Account' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
