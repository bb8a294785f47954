import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser.js';
import { logIn, openPage, overflowX } from './support/pages.js';

const env = browserSuite();

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const OFFLINE_TOPIC = 'Tuyên truyền phòng, chống mại dâm tại buổi họp tổ (nhập khi mất mạng)';
const LOST_ANSWER_TOPIC = 'Phát tờ rơi cho các nhà trọ (câu trả lời bị mất trên đường)';

/** A day from today in Vietnam (0 today, 1 tomorrow) as the form shows it. */
const dayVi = (offset: number) => {
  const [y, m, d] = new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).split('-');
  return `${d}/${m}/${y}`;
};
const todayVi = () => dayVi(0);

/** Activities with this topic on the server, asked with the page's session. */
async function storedWithTopic(page: Page, topic: string) {
  const body = (await (await page.request.get('/api/outreach/activities?pageSize=200')).json()) as { items: { topic: string; clientId: string | null }[] };
  return body.items.filter((a) => a.topic === topic);
}

describe('outreach and training in the browser', { timeout: 300_000 }, () => {

  it('a village head on a phone records an activity offline; it is sent when the network returns, exactly once', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
    await logIn(page, 'totruong');
    await page.goto('/outreach/new');
    await page.getByRole('heading', { level: 1, name: 'Nhập nhanh hoạt động truyền thông' }).waitFor();

    // The unit and the date are preset: a village head records in their own residential group, today.
    assert.match((await page.locator('#f-unitId-picked').textContent()) ?? '', /Tổ dân phố 1/);
    assert.equal(await page.getByRole('textbox', { name: 'Ngày thực hiện' }).inputValue(), todayVi());

    // What is typed is kept in the browser: a reload (or a phone that ran out of battery) reopens the draft.
    await page.getByRole('textbox', { name: 'Chủ đề' }).fill(OFFLINE_TOPIC);
    await page.reload();
    await page.getByText('Đã mở lại bản nháp chưa gửi của bạn.').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Chủ đề' }).inputValue(), OFFLINE_TOPIC);

    // The network goes; the entry is finished and sent anyway.
    await context.setOffline(true);
    await page.getByRole('combobox', { name: 'Hình thức truyền thông' }).selectOption({ label: 'Họp, sinh hoạt cộng đồng' });
    await page.getByRole('textbox', { name: 'Cơ quan' }).fill('Tổ dân phố 1');
    await page.getByRole('combobox', { name: 'Nhóm đối tượng' }).selectOption({ label: 'Người dân tại cộng đồng' });
    await page.getByRole('textbox', { name: 'Số người được tiếp cận' }).fill('45');
    assert.ok((await overflowX(page)) <= 0, 'the quick-entry form fits a 360 px screen');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    const queued = page.getByTestId('queued-notice');
    await queued.getByText('Đã lưu trên máy, sẽ gửi khi có mạng').waitFor();
    await page.getByRole('region', { name: /Lưu trên máy, chưa gửi \(1\)/ }).getByText(OFFLINE_TOPIC).waitFor();
    assert.ok((await overflowX(page)) <= 0, 'the queued entry fits a 360 px screen');

    // The next entry starts from the last values, with a new draft.
    assert.equal(await page.getByRole('combobox', { name: 'Hình thức truyền thông' }).inputValue(), 'community_meeting');
    assert.equal(await page.getByRole('textbox', { name: 'Cơ quan' }).inputValue(), 'Tổ dân phố 1');

    // The network comes back: the browser sends the entry by itself.
    await context.setOffline(false);
    await page.getByTestId('sent-notice').getByText(`Đã có mạng, đã gửi: «${OFFLINE_TOPIC}».`).waitFor();
    assert.equal(await page.getByRole('region', { name: /Lưu trên máy, chưa gửi/ }).count(), 0, 'the outbox is empty');

    await page.getByTestId('sent-notice').getByRole('link', { name: 'Xem danh sách hoạt động' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoạt động truyền thông' }).waitFor();
    await page.getByTestId('activity').filter({ hasText: OFFLINE_TOPIC }).first().waitFor();
    assert.equal(await page.getByTestId('activity').filter({ hasText: OFFLINE_TOPIC }).count(), 1, 'listed once');
    assert.ok((await overflowX(page)) <= 0, 'the list fits a 360 px screen');
    const stored = await storedWithTopic(page, OFFLINE_TOPIC);
    assert.equal(stored.length, 1, 'stored once');
    assert.ok(stored[0].clientId, 'with the draft id the phone generated');

    // Reopening the app sends nothing again.
    await page.reload();
    await page.getByTestId('activity').first().waitFor();
    assert.equal((await storedWithTopic(page, OFFLINE_TOPIC)).length, 1);

    // The month calendar of the unit shows today's activity.
    await page.getByRole('link', { name: 'Lịch tháng' }).click();
    const today = page.getByRole('button', { name: new RegExp(`^${todayVi()}: 1 hoạt động$`) });
    await today.click();
    await page.getByRole('heading', { name: `Hoạt động ngày ${todayVi()}` }).waitFor();
    await page.getByTestId('activity').filter({ hasText: OFFLINE_TOPIC }).waitFor();
    assert.ok((await overflowX(page)) <= 0, 'the calendar fits a 360 px screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an answer lost on the way is sent again from the outbox and still stored once', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
    await logIn(page, 'totruong');
    await page.goto('/outreach/new');
    await page.getByRole('heading', { level: 1, name: 'Nhập nhanh hoạt động truyền thông' }).waitFor();
    // The last values come from the server: the activity entered on the phone before.
    assert.equal(await page.getByRole('combobox', { name: 'Hình thức truyền thông' }).inputValue(), 'community_meeting');

    // A refusal by the server (a date still to come) is not a lost connection: the entry returns to the form.
    await page.getByRole('textbox', { name: 'Ngày thực hiện' }).fill(dayVi(1));
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByRole('alert').getByRole('link', { name: /đã diễn ra/ }).waitFor();
    assert.equal(await page.getByTestId('queued-notice').count(), 0);
    await page.getByRole('textbox', { name: 'Ngày thực hiện' }).fill(dayVi(0));

    // The server receives and stores the next send, but its answer never reaches the phone.
    let cut = true;
    await page.route('**/api/outreach/activities', async (route) => {
      if (route.request().method() !== 'POST' || !cut) return route.fallback();
      cut = false;
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByRole('combobox', { name: 'Hình thức truyền thông' }).selectOption({ label: 'Tờ rơi, áp phích, pano' });
    await page.getByRole('textbox', { name: 'Chủ đề' }).fill(LOST_ANSWER_TOPIC);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByTestId('queued-notice').waitFor();
    assert.equal((await storedWithTopic(page, LOST_ANSWER_TOPIC)).length, 1, 'the server has it already');

    await page.getByRole('button', { name: 'Gửi ngay' }).click();
    await page.getByTestId('sent-notice').waitFor();
    assert.equal((await storedWithTopic(page, LOST_ANSWER_TOPIC)).length, 1, 'sending the same draft again stores nothing more');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the focal point sees which residential groups have had no activity this month', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
    await logIn(page, 'daumoi');
    await page.goto('/outreach/coverage');
    await page.getByRole('heading', { level: 1, name: 'Thôn, tổ dân phố chưa có hoạt động' }).waitFor();
    const missing = page.getByRole('list', { name: 'Đơn vị chưa có hoạt động' });
    await missing.getByText('Tổ dân phố 2', { exact: true }).waitFor();
    assert.equal(await missing.getByText('Tổ dân phố 1', { exact: true }).count(), 0, 'the group that held an activity is not listed');
    assert.match((await page.locator('.coverage-summary').textContent()) ?? '', /^1\/\d+ đơn vị đã có hoạt động/);
    assert.ok((await overflowX(page)) <= 0, 'the coverage view fits a 360 px screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the focal point adds people to the roster, a course, its attendance and a certificate', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 1280, height: 900 } });
    await logIn(page, 'daumoi');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tập huấn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tập huấn' }).waitFor();

    for (const [name, kind, agency] of [
      ['Nguyễn Văn Học', 'Công an', 'Công an phường'],
      ['Trần Thị Tập', 'Cộng tác viên', 'Hội Liên hiệp Phụ nữ'],
    ]) {
      await page.getByRole('textbox', { name: 'Họ và tên' }).fill(name);
      await page.getByRole('combobox', { name: 'Lực lượng' }).last().selectOption({ label: kind });
      await page.getByRole('textbox', { name: 'Cơ quan' }).fill(agency);
      await page.getByRole('button', { name: 'Thêm', exact: true }).click();
      await page.getByText(`Đã thêm ${name}.`).waitFor();
    }
    await page.getByTestId('person').filter({ hasText: 'Nguyễn Văn Học' }).getByText('Chưa được tập huấn').waitFor();

    await page.getByRole('link', { name: 'Khóa tập huấn' }).click();
    await page.getByRole('textbox', { name: 'Tên khóa tập huấn' }).fill('Tập huấn kỹ năng phòng, chống mại dâm năm 2026');
    await page.getByRole('textbox', { name: 'Nội dung tập huấn' }).fill('Nghị định 282/2025/NĐ-CP\nKỹ năng tiếp cận cộng đồng');
    await page.getByRole('button', { name: 'Thêm khóa và chọn người tham dự' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tập huấn kỹ năng phòng, chống mại dâm năm 2026' }).waitFor();

    await page.getByRole('checkbox', { name: /Nguyễn Văn Học/ }).check();
    await page.getByRole('checkbox', { name: /Trần Thị Tập/ }).check();
    // The collaborator left before the end.
    await page.getByRole('checkbox', { name: 'Hoàn thành Trần Thị Tập' }).uncheck();
    await page.getByRole('button', { name: 'Lưu danh sách tham dự' }).click();
    await page.getByText('Đã lưu danh sách tham dự.').waitFor();
    await page.getByRole('heading', { name: 'Người tham dự: 2 (1 hoàn thành)' }).waitFor();

    const attendee = page.getByTestId('attendee').filter({ hasText: 'Nguyễn Văn Học' });
    await attendee.getByLabel('Tệp chứng nhận (PDF, JPG, PNG)').setInputFiles({ name: 'chung-nhan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await attendee.getByRole('button', { name: 'Tải lên' }).click();
    await attendee.getByRole('link', { name: 'Chứng nhận: chung-nhan.pdf' }).waitFor();

    await page.getByRole('link', { name: 'Khóa tập huấn' }).first().click();
    await page.getByText('2 người dự, 1 hoàn thành').waitFor();
    await page.getByRole('link', { name: 'Đội ngũ' }).click();
    await page.getByTestId('person').filter({ hasText: 'Nguyễn Văn Học' }).getByText(/^Tập huấn \d{2}\/\d{2}\/\d{4} \(1 khóa\)$/).waitFor();
    await page.getByTestId('person').filter({ hasText: 'Trần Thị Tập' }).getByText('Chưa được tập huấn').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the focal point records a weekly broadcast and a peer group on a phone; every screen fits 360 px', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
    await logIn(page, 'daumoi');
    const fits = async (what: string) => assert.ok((await overflowX(page)) <= 0, `${what} fits a 360 px screen`);

    await page.goto('/outreach/series');
    await page.getByRole('heading', { level: 1, name: 'Hoạt động định kỳ' }).waitFor();
    await page.getByRole('textbox', { name: 'Chủ đề' }).fill('Phát thanh tuyên truyền Nghị định 282/2025/NĐ-CP');
    await page.getByRole('textbox', { name: 'Ngày bắt đầu' }).fill('05/01/2026');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Đã ghi nhận hoạt động định kỳ «Phát thanh tuyên truyền Nghị định 282/2025/NĐ-CP».').waitFor();
    await page.getByRole('region', { name: /Đang thực hiện/ }).getByText('Hằng tuần').waitFor();
    await fits('the series page');

    await page.getByRole('link', { name: 'Nhóm đồng đẳng, mô hình' }).click();
    await page.getByRole('textbox', { name: 'Tên', exact: true }).fill('Câu lạc bộ phụ nữ Tân An');
    await page.getByRole('combobox', { name: 'Loại nhóm, mô hình' }).selectOption({ label: 'Câu lạc bộ' });
    await page.getByRole('textbox', { name: 'Số thành viên' }).fill('25');
    await page.getByRole('textbox', { name: 'Ngày thành lập' }).fill('01/03/2025');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText('Đã thêm «Câu lạc bộ phụ nữ Tân An».').waitFor();
    await page.getByText('25 thành viên').waitFor();
    await fits('the peer-group page');

    for (const [path, heading] of [
      ['/outreach', 'Hoạt động truyền thông'],
      ['/outreach/new', 'Nhập nhanh hoạt động truyền thông'],
      ['/outreach/coverage', 'Thôn, tổ dân phố chưa có hoạt động'],
      ['/training', 'Tập huấn'],
      ['/training/courses', 'Tập huấn'],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await fits(path);
    }
    await page.getByRole('link', { name: 'Tập huấn kỹ năng phòng, chống mại dâm năm 2026' }).click();
    await page.getByRole('heading', { name: 'Chọn người tham dự' }).waitFor();
    await fits('the course page');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a leader reads outreach but has no quick entry', async () => {
    const { context, page } = await openPage(env.browser, env.server);
    await logIn(page, 'lanhdao');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Truyền thông' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoạt động truyền thông' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Nhập nhanh' }).count(), 0);
    await page.goto('/outreach/new');
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    await context.close();
  });
});
