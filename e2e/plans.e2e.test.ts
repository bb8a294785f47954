import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser.js';
import { logIn, openPage, overflowX } from './support/pages.js';

const env = browserSuite();
/** The ward plan the first test derives; the later ones open it. */
let wardPlanId = 0;

const OUTREACH = /100% Tổ dân phố tổ chức hoạt động truyền thông/;
const menu = (page: Page) => page.getByRole('navigation', { name: 'Chức năng' });
const shot = (name: string) => join(tmpdir(), `pcmd-e2e-${name}.png`);

describe('planning and monitoring in the browser', { timeout: 240_000 }, () => {

  it('a ward focal point derives the ward plan from the province plan, lowers a target and sees it on the board', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 } });
    await logIn(page, 'daumoi');
    await menu(page).getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();

    // The province's plan is listed among the plans of the level above; it can be read and derived from, not edited.
    const upper = page.getByRole('region', { name: 'Kế hoạch của cấp trên' });
    const provincePlan = upper.getByRole('listitem').filter({ hasText: '10/KH-UBND' });
    await provincePlan.getByText('Đã ban hành').waitFor();
    await provincePlan.getByRole('link', { name: /trên địa bàn tỉnh Mẫu$/ }).click();
    await page.getByRole('heading', { level: 1, name: /trên địa bàn tỉnh Mẫu$/ }).waitFor();
    await page.getByText(/Đây là kế hoạch của cấp trên \(Tỉnh Mẫu\)/).waitFor();
    await page.getByText('Trần Văn Tỉnh').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sửa thông tin chung' }).count(), 0);

    // Derive: the ward is proposed as the unit, its place name filled in; the new draft opens.
    const deriveButton = page.getByRole('button', { name: 'Xây dựng kế hoạch cấp dưới' });
    await deriveButton.click();
    assert.equal(await deriveButton.getAttribute('aria-expanded'), 'true');
    const panel = page.getByRole('region', { name: 'Xây dựng kế hoạch cấp dưới' });
    await panel.getByText('Phường Tân An').waitFor();
    assert.equal(await panel.getByRole('textbox', { name: 'Địa danh' }).inputValue(), 'Tân An');
    await panel.getByRole('button', { name: 'Tạo bản dự thảo' }).click();
    await page.getByText(/^Đã tạo bản dự thảo kế hoạch của Phường Tân An/).waitFor();
    wardPlanId = Number(/\/plans\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    assert.ok(wardPlanId > 0, `the draft opened at ${page.url()}`);
    await page.getByRole('link', { name: '10/KH-UBND – Tỉnh Mẫu' }).waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin chung' }).waitFor();

    // Lower the 2026 target of the outreach indicator from 100% to 90%.
    const tabs = page.getByRole('navigation', { name: 'Nội dung kế hoạch' });
    await tabs.getByRole('link', { name: /^Chỉ tiêu 8$/ }).click();
    const indicator = page.getByRole('region', { name: OUTREACH });
    const target2026 = indicator.getByRole('textbox', { name: 'Năm 2026 (%)' });
    assert.equal(await target2026.inputValue(), '100');
    await target2026.fill('90');
    await indicator.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await indicator.getByText('Đã lưu chỉ tiêu.').waitFor();
    await page.screenshot({ path: shot('plan-indicators'), fullPage: true });
    await page.reload();
    assert.equal(await page.getByRole('region', { name: OUTREACH }).getByRole('textbox', { name: 'Năm 2026 (%)' }).inputValue(), '90');

    // The board of the ward plan: every indicator, the new target, a status in words.
    await page.getByRole('link', { name: 'Theo dõi chỉ tiêu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi chỉ tiêu' }).waitFor();
    await page.getByRole('combobox', { name: 'Kỳ theo dõi' }).selectOption('2026');
    const board = page.getByRole('table', { name: 'Phường Tân An – Năm 2026' });
    const outreach = board.getByRole('row', { name: OUTREACH });
    await outreach.getByRole('cell', { name: 'ít nhất 90%', exact: true }).waitFor();
    await outreach.getByRole('cell', { name: /^Chưa đạt/ }).waitFor();
    assert.equal(await board.getByRole('row').count(), 1 + 8, 'a header and the eight indicators');
    await board.getByRole('row', { name: /phân loại, ký cam kết và kiểm tra định kỳ/ }).getByRole('cell', { name: /^Chưa có số liệu/ }).waitFor();
    await page.screenshot({ path: shot('board'), fullPage: true });

    // Drill down: a residential group's own board.
    const byUnit = page.getByRole('region', { name: 'Theo đơn vị trực thuộc' });
    await byUnit.getByRole('table', { name: /100% Tổ dân phố/ }).getByRole('link', { name: 'Tổ dân phố 1', exact: true }).click();
    await page.getByRole('table', { name: 'Tổ dân phố 1 – Năm 2026' }).waitFor();
    assert.match(page.url(), /[?&]unit=\d+/);
    await page.getByRole('link', { name: /Về bảng của Phường Tân An/ }).click();
    await page.getByRole('table', { name: 'Phường Tân An – Năm 2026' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the province sees the ward’s own target next to its own on the province board', async () => {
    assert.ok(wardPlanId > 0, 'needs the ward plan of the first test');
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 } });
    await logIn(page, 'soyte');
    await menu(page).getByRole('link', { name: 'Kế hoạch' }).click();
    const own = page.getByRole('region', { name: /^Kế hoạch của Tỉnh Mẫu/ });
    await own.getByRole('listitem').filter({ hasText: '10/KH-UBND' }).getByRole('link', { name: 'Theo dõi chỉ tiêu' }).click();
    await page.getByRole('combobox', { name: 'Kỳ theo dõi' }).selectOption('2026');
    const children = page.getByRole('region', { name: 'Theo đơn vị trực thuộc' }).getByRole('table', { name: OUTREACH });
    const ward = children.getByRole('row', { name: /Phường Tân An/ });
    await ward.getByRole('cell', { name: 'ít nhất 90%', exact: true }).waitFor();
    await ward.getByRole('cell', { name: 'ít nhất 100%', exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('on a 360 px phone the board and the plan fit the screen', async () => {
    assert.ok(wardPlanId > 0, 'needs the ward plan of the first test');
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await logIn(page, 'daumoi');
    await page.getByRole('button', { name: 'Menu' }).click();
    await menu(page).getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    assert.ok((await overflowX(page)) <= 0, 'the plan list fits');

    await page.goto(`/plans/${wardPlanId}/board?period=2026`);
    const outreach = page.getByRole('table', { name: 'Phường Tân An – Năm 2026' }).getByRole('row', { name: OUTREACH });
    await outreach.getByRole('cell', { name: 'ít nhất 90%', exact: true }).waitFor();
    assert.ok(await outreach.getByRole('cell', { name: /^Chưa đạt/ }).isVisible(), 'the status shows without scrolling sideways');
    let overflow = await overflowX(page);
    assert.ok(overflow <= 0, `the board is ${overflow} px wider than the phone`);
    await page.screenshot({ path: shot('board-360'), fullPage: true });

    await page.getByRole('combobox', { name: 'Kỳ theo dõi' }).selectOption('2026-2030');
    await page.getByRole('table', { name: 'Phường Tân An – Cả giai đoạn 2026–2030' }).waitFor();
    overflow = await overflowX(page);
    assert.ok(overflow <= 0, `the whole-period board is ${overflow} px wider than the phone`);

    await page.goto(`/plans/${wardPlanId}?tab=indicators`);
    await page.getByRole('region', { name: OUTREACH }).getByRole('textbox', { name: 'Năm 2026 (%)' }).waitFor();
    overflow = await overflowX(page);
    assert.ok(overflow <= 0, `the plan page is ${overflow} px wider than the phone`);
    await page.screenshot({ path: shot('plan-360'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the ward plan downloads as a Word document', async () => {
    assert.ok(wardPlanId > 0, 'needs the ward plan of the first test');
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await logIn(page, 'daumoi');
    await page.goto(`/plans/${wardPlanId}`);
    const link = page.getByRole('link', { name: 'Tải văn bản (.docx)' });
    assert.equal(await link.getAttribute('href'), `/api/plans/${wardPlanId}/document.docx`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), link.click()]);
    const path = await download.path();
    const bytes = await readFile(path);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip file');
    assert.match(download.suggestedFilename(), /\.docx$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
