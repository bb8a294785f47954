import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser.js';
import { logIn, openPage } from './support/pages.js';

const env = browserSuite();
let reportPath: string;

const menu = (page: Page) => page.getByRole('navigation', { name: 'Chức năng' });
const RESULTS = 'Đã kiểm tra toàn bộ cơ sở lưu trú trên địa bàn phường.';

/** Saves a download started by clicking `name` and gives back its bytes. */
async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFile((await file.path())!);
}

describe('reports in the browser: build, edit, submit, sign, download, and the province’s view', { timeout: 300_000 }, () => {

  it('the ward focal point builds the 6-month report, edits its narrative and submits it', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 } });
    await logIn(page, 'daumoi');
    // The ward's own plan, derived from the province's, as the plans test does through the screens.
    const plans = await (await page.request.get('/api/plans')).json();
    const province = plans.items.find((p: { numberSymbol: string | null }) => p.numberSymbol === '10/KH-UBND');
    const me = await (await page.request.get('/api/auth/me')).json();
    assert.equal((await page.request.post(`/api/plans/${province.id}/derive`, { data: { unitId: me.unit.id, placeName: 'Tân An' } })).status(), 201);

    await menu(page).getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).selectOption({ label: '6 tháng đầu năm 2026' });
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo 6 tháng đầu năm 2026 · Phường Tân An' }).waitFor();
    reportPath = new URL(page.url()).pathname;
    const indicators = page.getByRole('region', { name: 'Kết quả thực hiện các chỉ tiêu' });
    assert.ok((await indicators.getByRole('row').count()) > 1, 'the indicator table has rows');
    await page.getByText('Số liệu trực tiếp (chưa chốt)').waitFor();

    const results = page.getByRole('textbox', { name: 'Kết quả đạt được' });
    assert.match(await results.inputValue(), /Trong 6 tháng đầu năm 2026, Phường Tân An đạt/, 'the narrative is drafted from the numbers');
    await results.fill(RESULTS);
    await page.getByRole('textbox', { name: 'Số, ký hiệu báo cáo' }).fill('45/BC-UBND');
    await page.getByRole('button', { name: 'Lưu nhận định' }).click();
    await page.getByText('Đã lưu.').waitFor();
    await page.getByRole('button', { name: 'Trình lãnh đạo ký' }).click();
    await page.getByText('Đã trình ký.').waitFor();
    await page.getByText('Số liệu đã chốt khi trình ký').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Lưu nhận định' }).count(), 0, 'a submitted report is no longer edited');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the leader signs it, and the Word and Excel files carry the report', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await logIn(page, 'lanhdao');
    await page.goto(reportPath);
    await page.getByRole('textbox', { name: 'Người ký' }).fill('Lê Văn Lãnh');
    await page.getByRole('button', { name: 'Ký duyệt và gửi cấp trên' }).click();
    await page.getByText('Đã ký và gửi cấp trên.').waitFor();
    await page.getByText('Đã ký, đã gửi', { exact: true }).waitFor();

    const zip = await JSZip.loadAsync(await download(page, 'Tải bản Word'));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of ['BÁO CÁO', 'Số: 45/BC-UBND', RESULTS, 'TM. ỦY BAN NHÂN DÂN', 'Lê Văn Lãnh']) assert.ok(xml.includes(text), `${text} is in the Word file`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(page, 'Tải phụ lục Excel')) as never);
    const onScreen = await page.getByRole('region', { name: 'Kết quả thực hiện các chỉ tiêu' }).getByRole('rowheader').allTextContents();
    const sheet = workbook.getWorksheet('Chỉ tiêu')!;
    const inAnnex = Array.from({ length: sheet.rowCount - 3 }, (_, i) => String(sheet.getRow(i + 4).getCell(2).value));
    assert.deepEqual(inAnnex, onScreen, 'the annex has the same indicators as the screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the province sees the ward’s report sent late and the others not started, and consolidates it', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 } });
    await logIn(page, 'soyte');
    await menu(page).getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('link', { name: 'Tình hình gửi báo cáo' }).click();
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).selectOption({ label: '6 tháng đầu năm 2026' });
    const ward = page.getByRole('row', { name: /Phường Tân An/ });
    await ward.getByText('Gửi muộn').waitFor();
    await page.getByRole('row', { name: /Xã Bình Minh/ }).getByText('Chưa lập').waitFor();
    await page.getByRole('button', { name: 'Lập báo cáo tổng hợp từ các báo cáo đã gửi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp 6 tháng đầu năm 2026 · Tỉnh Mẫu' }).waitFor();
    await page.getByText(/Tổng hợp từ báo cáo đã gửi của 1 đơn vị: Phường Tân An/).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
