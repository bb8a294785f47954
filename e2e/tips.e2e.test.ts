import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser.js';
import { logIn, openPage, overflowX } from './support/pages.js';

const env = browserSuite();
/** What the citizen wrote down from the receipt. */
let receipt: { referenceCode: string; secret: string };

const menu = (page: Page) => page.getByRole('navigation', { name: 'Chức năng' });
const DESCRIPTION = 'Quán karaoke đầu ngõ 5 có người đứng ngoài mời khách mua dâm vào buổi tối.';

async function lookUp(page: Page) {
  await page.goto('/to-giac/tra-cuu');
  await page.getByRole('textbox', { name: 'Mã tra cứu' }).fill(receipt.referenceCode);
  await page.getByRole('textbox', { name: 'Mã bí mật' }).fill(receipt.secret);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  return page.getByTestId('public-status');
}

/** Picks the next step, fills what it needs, sends it, and waits for the confirmation. */
async function takeStep(page: Page, step: string, fill: () => Promise<void> = async () => {}, confirmation = `Đã ghi: ${step}.`) {
  await page.getByRole('combobox', { name: 'Việc cần làm' }).selectOption({ label: step });
  await fill();
  await page.getByRole('button', { name: step }).click();
  await page.getByText(confirmation).waitFor();
}

describe('tips in the browser: a citizen’s report followed to its end', { timeout: 300_000 }, () => {

  it('a citizen on a 360 px phone sends an anonymous tip without an account and keeps its code and secret', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto('/login');
    await page.getByRole('link', { name: /Người dân gửi tin tố giác/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Gửi tin tố giác, phản ánh về mại dâm' }).waitFor();

    // Sending with nothing filled names what is missing, and nothing is sent.
    await page.getByRole('button', { name: 'Gửi tin' }).click();
    const errors = page.getByRole('alert');
    await errors.getByRole('link', { name: /Lĩnh vực/ }).waitFor();
    await errors.getByRole('link', { name: /Nội dung/ }).waitFor();

    await page.getByRole('combobox', { name: 'Lĩnh vực' }).selectOption({ label: 'Môi giới, chứa chấp mại dâm' });
    await page.getByRole('searchbox', { name: /Xã, phường nơi xảy ra/ }).fill('tan an');
    await page.getByRole('button', { name: /^Phường Tân An/ }).click();
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('Ngõ 5, Tổ dân phố 1');
    await page.getByRole('textbox', { name: 'Nội dung' }).fill(DESCRIPTION);
    assert.ok((await overflowX(page)) <= 0, 'the form fits a 360 px screen');
    await page.getByRole('button', { name: 'Gửi tin' }).click();

    // The browser solved the proof of work by itself; the receipt shows both codes once.
    await page.getByRole('heading', { level: 1, name: 'Đã nhận tin của bạn' }).waitFor({ timeout: 30_000 });
    receipt = { referenceCode: (await page.getByTestId('reference-code').textContent())!.trim(), secret: (await page.getByTestId('secret').textContent())!.trim() };
    assert.match(receipt.referenceCode, /^TG-[2-9A-Z]{8}$/);
    assert.ok(receipt.secret.length >= 16, 'a secret long enough not to be guessed');
    assert.ok((await overflowX(page)) <= 0, 'the receipt fits a 360 px screen');

    // The follow-up page opens with both codes already filled in.
    await page.getByRole('link', { name: 'Tra cứu tin đã gửi' }).last().click();
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    assert.equal(await page.getByTestId('public-status').textContent(), 'Đã tiếp nhận');
    await page.getByRole('textbox', { name: 'Nội dung bổ sung' }).fill('Thường diễn ra sau 21 giờ.');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã nhận thông tin bổ sung.').waitFor();

    // A wrong secret shows nothing of the tip.
    await page.getByRole('textbox', { name: 'Mã bí mật' }).fill('sai-ma-bi-mat');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByTestId('public-status').count(), 0);

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Follow a tip you sent' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the ward police verifies, classifies, assigns, handles and closes the tip; each step is on its timeline', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 } });
    await logIn(page, 'congan');
    await menu(page).getByRole('link', { name: 'Tin tố giác, tin báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tin tố giác, tin báo' }).waitFor();
    await page.getByRole('link', { name: new RegExp(receipt.referenceCode) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(receipt.referenceCode) }).waitFor();
    await page.getByText(DESCRIPTION).waitFor();
    await page.getByText('Ẩn danh.').waitFor();
    await page.getByText('Thường diễn ra sau 21 giờ.').waitFor();

    await takeStep(page, 'Bắt đầu xác minh');
    await takeStep(page, 'Phân loại', async () => {
      await page.getByRole('combobox', { name: 'Hình thức' }).selectOption({ label: 'Tố giác, tin báo về tội phạm' });
      await page.getByRole('combobox', { name: 'Mức ưu tiên' }).selectOption({ label: 'Cao' });
    });
    await takeStep(page, 'Giao xử lý');
    await takeStep(page, 'Ghi kết quả xử lý', async () => {
      await page.getByRole('combobox', { name: 'Kết quả' }).selectOption({ label: 'Xác minh đúng, đã xử lý' });
      await page.getByRole('textbox', { name: 'Ghi chú' }).fill('Đã kiểm tra quán, lập biên bản.');
      await page.getByRole('textbox', { name: 'Thông báo cho người báo tin' }).fill('Cơ quan công an đã xác minh và xử lý.');
    });
    await takeStep(page, 'Kết thúc', undefined, 'Tin đã kết thúc.');

    const timeline = page.getByRole('region', { name: 'Quá trình xử lý' });
    for (const step of ['Tiếp nhận', 'Bắt đầu xác minh', 'Phân loại', 'Giao xử lý', 'Ghi kết quả xử lý', 'Kết thúc'])
      await timeline.getByText(step, { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Bước tiếp theo' }).count(), 0, 'a closed tip has no next step');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the citizen sees the tip closed and the handler’s note', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 360, height: 740 } });
    const status = await lookUp(page);
    await status.waitFor();
    assert.equal(await status.textContent(), 'Đã kết thúc');
    await page.getByText('Cơ quan công an đã xác minh và xử lý.').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a health worker has no tips menu, and the inbox is refused', async () => {
    const { context, page } = await openPage(env.browser, env.server);
    await logIn(page, 'yte');
    assert.equal(await menu(page).getByRole('link', { name: 'Tin tố giác, tin báo' }).count(), 0);
    await page.goto('/tips');
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    await context.close();
  });
});
